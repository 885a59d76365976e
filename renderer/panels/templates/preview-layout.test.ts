import { describe, expect, it } from "vitest";
import { GraphBuilder } from "../../../shared/ir/builder";
import { previewLayout } from "./preview-layout";

const BOX = { width: 200, height: 100, node: { width: 20, height: 10 }, pad: 5 };

describe("previewLayout", () => {
  it("keeps every block inside the box and left-to-right along a chain, whatever the saved positions", () => {
    const b = new GraphBuilder();
    b.chain(null, ["Input", { shape: [4] }], ["Dense", { units: 8 }], ["Dense", { units: 3 }]);
    const graph = b.build();
    graph.nodes.forEach((n, i) => {
      n.position = { x: -100 * i, y: 50 * i };
    });
    const { nodes, edges } = previewLayout(graph, BOX);
    for (const n of nodes) {
      expect(n.x - 10).toBeGreaterThanOrEqual(BOX.pad - 1e-9);
      expect(n.x + 10).toBeLessThanOrEqual(BOX.width - BOX.pad + 1e-9);
      expect(n.y).toBeCloseTo(50);
    }
    expect(nodes.map((n) => n.x)).toEqual([...nodes.map((n) => n.x)].sort((a, c) => a - c));
    expect(edges).toHaveLength(2);
    expect(nodes[0].category).toBe("Input");
  });

  it("lays out by depth, branches in separate rows", () => {
    const b = new GraphBuilder();
    const x = b.add("Input", { shape: [4] });
    const l = b.add("Dense");
    const r = b.add("Dense");
    const add = b.add("Add");
    b.connect(x, l).connect(x, r).connect(l, add).connect(r, add);
    const graph = b.build();
    const at = new Map(previewLayout(graph, BOX).nodes.map((n) => [n.id, n]));
    expect(at.get(l)?.x).toBeCloseTo(at.get(r)?.x ?? Number.NaN);
    expect(at.get(l)?.y).not.toBeCloseTo(at.get(r)?.y ?? Number.NaN);
    expect(at.get(add)?.x).toBeGreaterThan(at.get(l)?.x ?? 0);
    // Single nodes sit between the two branches.
    expect(at.get(x)?.y).toBeCloseTo(((at.get(l)?.y ?? 0) + (at.get(r)?.y ?? 0)) / 2);
  });
});
