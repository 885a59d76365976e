import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { GraphBuilder } from "../../shared/ir/builder";
import type { Project } from "../../shared/ir/project";
import { anyNumber } from "../__fixtures__/numbers";
import { cnn, projectOf, residual } from "./__fixtures__/projects";
import { connect, moveNodes } from "./edits";
import { autoLayout } from "./layout";
import { NODE_HEIGHT, NODE_WIDTH } from "./project-ops";

const pos = (p: Project, id: string) => p.graph.nodes.find((n) => n.id === id)?.position as { x: number; y: number };

function overlaps(p: Project): string[] {
  const found: string[] = [];
  const nodes = p.graph.nodes;
  for (let i = 0; i < nodes.length; i++) {
    for (let j = i + 1; j < nodes.length; j++) {
      const [a, b] = [nodes[i].position, nodes[j].position];
      if (a && b && Math.abs(a.x - b.x) < NODE_WIDTH && Math.abs(a.y - b.y) < NODE_HEIGHT) {
        found.push(`${nodes[i].id}/${nodes[j].id}`);
      }
    }
  }
  return found;
}

describe("auto-layout", () => {
  it("lays a chain out left to right on one line, keeping the drawing's top-left corner", () => {
    const scrambled = moveNodes(cnn(), {
      input_1: { x: 500, y: 300 },
      conv2d_1: { x: 100, y: 900 },
      flatten_1: { x: 700, y: 100 },
      dense_1: { x: 300, y: 500 },
    });
    const p = autoLayout(scrambled);
    const xs = ["input_1", "conv2d_1", "flatten_1", "dense_1"].map((id) => pos(p, id).x);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    expect(new Set(xs).size).toBe(4);
    expect(new Set(p.graph.nodes.map((n) => n.position?.y)).size).toBe(1);
    expect(Math.min(...xs)).toBe(100);
    expect(pos(p, "input_1").y).toBe(100);
  });

  it("puts branches on separate rows and merges after both", () => {
    const b = new GraphBuilder();
    const [x] = b.chain(null, ["Input", { shape: [8] }]);
    const left = b.chain(x, ["Dense", { units: 8 }], ["Dense", { units: 8 }])[1];
    const [right] = b.chain(x, ["Dense", { units: 8 }]);
    const add = b.add("Add");
    b.connect(left, add).connect(right, add);
    const p = autoLayout(projectOf(b.build()));
    expect(overlaps(p)).toEqual([]);
    expect(pos(p, add).x).toBeGreaterThan(
      Math.max(...p.graph.nodes.filter((n) => n.id !== add).map((n) => n.position?.x ?? 0)),
    );
    expect(pos(p, "dense_1").y).not.toBe(pos(p, "dense_3").y);
  });

  it("lays out 500 nodes without overlaps (prints the time)", () => {
    const p = residual(500);
    const t0 = performance.now();
    const q = autoLayout(p);
    const ms = performance.now() - t0;
    console.log(`auto-layout of ${p.graph.nodes.length} nodes / ${p.graph.edges.length} edges: ${ms.toFixed(1)} ms`);
    expect(overlaps(q)).toEqual([]);
    expect(autoLayout(q)).toBe(q);
  });

  it("survives cycles and edges to nowhere", () => {
    const p = connect(cnn(), { source: "dense_1", target: "conv2d_1" });
    const q = autoLayout(p);
    expect(overlaps(q)).toEqual([]);
    expect(q.graph.nodes.every((n) => Number.isFinite(n.position?.x) && Number.isFinite(n.position?.y))).toBe(true);
  });
});

describe("auto-layout on any old positions", () => {
  it("places every block at a whole, finite position, one layer a step apart, whatever the old drawing held", () => {
    const at = fc.record({ x: anyNumber, y: anyNumber });
    fc.assert(
      fc.property(fc.array(at, { minLength: 4, maxLength: 4 }), (old) => {
        // Written in directly: edits refuse positions that are not finite, a file read raw may not.
        const p = cnn();
        const ids = p.graph.nodes.map((n) => n.id);
        const laid = autoLayout({
          ...p,
          graph: { ...p.graph, nodes: p.graph.nodes.map((n, i) => ({ ...n, position: old[i] })) },
        });
        const xs = ids.map((id) => pos(laid, id).x);
        for (const id of ids) expect([pos(laid, id).x, pos(laid, id).y].every(Number.isSafeInteger)).toBe(true);
        // A chain: one block per layer, in order, a step apart.
        for (let i = 1; i < xs.length; i++) expect(xs[i]).toBeGreaterThan(xs[i - 1]);
      }),
      { numRuns: 1000 },
    );
  });
});
