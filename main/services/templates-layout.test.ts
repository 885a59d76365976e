import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Project } from "../../shared/ir/project";

const DIR = join(__dirname, "../../resources/templates");
// The canvas' default block size (renderer/state/project-ops.ts; main cannot import the renderer).
const NODE_WIDTH = 220;
const NODE_HEIGHT = 96;

/**
 * Templates open readable: no block drawn over another (they used to sit 220 px apart, the width
 * of a block, so blocks touched and hid the wires between them; the GAN's two networks shared a row).
 */
describe("template layout", () => {
  for (const file of readdirSync(DIR).filter((f) => f.endsWith(".json"))) {
    it(`${file}: no two blocks overlap`, () => {
      const project = JSON.parse(readFileSync(join(DIR, file), "utf8")) as Project;
      const boxes = project.graph.nodes.map((n) => ({ id: n.id, x: n.position?.x ?? 0, y: n.position?.y ?? 0 }));
      const clashes: string[] = [];
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++) {
          const [a, b] = [boxes[i], boxes[j]];
          if (Math.abs(a.x - b.x) < NODE_WIDTH + 20 && Math.abs(a.y - b.y) < NODE_HEIGHT)
            clashes.push(`${a.id}/${b.id}`);
        }
      expect(clashes).toEqual([]);
    });
  }
});
