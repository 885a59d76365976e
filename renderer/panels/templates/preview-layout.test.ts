import { describe, expect, it } from "vitest";
import { GraphBuilder } from "../../../shared/ir/builder";
import { blockWidth, previewLayout } from "./preview-layout";

const BOX = { width: 200, height: 100, node: { width: 20, height: 10 }, pad: 5 };

describe("previewLayout", () => {
  it("draws the blocks where the template placed them, scaled into the box", () => {
    const b = new GraphBuilder();
    const x = b.add("Input", { shape: [4] });
    const l = b.add("Dense");
    const r = b.add("Dense");
    const add = b.add("Add");
    b.connect(x, l).connect(x, r).connect(l, add).connect(r, add);
    const graph = b.build();
    const saved: Record<string, { x: number; y: number }> = {
      [x]: { x: 0, y: 72 },
      [l]: { x: 300, y: 0 },
      [r]: { x: 300, y: 144 },
      [add]: { x: 600, y: 72 },
    };
    for (const n of graph.nodes) n.position = saved[n.id];
    const { nodes, edges } = previewLayout(graph, BOX);
    const at = new Map(nodes.map((n) => [n.id, n]));
    for (const n of nodes) {
      expect(n.x - 10).toBeGreaterThanOrEqual(BOX.pad - 1e-9);
      expect(n.x + 10).toBeLessThanOrEqual(BOX.width - BOX.pad + 1e-9);
    }
    // Same proportions as on the canvas: the branches 144 apart, the columns 300 apart.
    const dx = (at.get(l)?.x ?? 0) - (at.get(x)?.x ?? 0);
    const dy = (at.get(r)?.y ?? 0) - (at.get(l)?.y ?? 0);
    expect(dy / dx).toBeCloseTo(144 / 300);
    expect(at.get(x)?.y).toBeCloseTo(((at.get(l)?.y ?? 0) + (at.get(r)?.y ?? 0)) / 2);
    expect(edges).toHaveLength(4);
    expect(nodes[0].category).toBe("Input");
  });

  it("falls back to a depth layout when saved positions are missing, not finite, or on one spot", () => {
    const b = new GraphBuilder();
    b.chain(null, ["Input", { shape: [4] }], ["Dense", { units: 8 }], ["Dense", { units: 3 }]);
    for (const spoil of [
      (i: number) => (i === 1 ? undefined : { x: i * 300, y: 0 }),
      (i: number) => ({ x: i === 2 ? Number.NaN : i * 300, y: 0 }),
      () => ({ x: 5, y: 5 }),
    ]) {
      const graph = b.build();
      graph.nodes.forEach((n, i) => {
        const p = spoil(i);
        if (p) n.position = p;
        else delete n.position;
      });
      const xs = previewLayout(graph, BOX).nodes.map((n) => n.x);
      expect(xs).toEqual([...xs].sort((a, c) => a - c));
      expect(new Set(xs).size).toBe(3);
    }
  });

  it("lays out by depth, branches in separate rows, when there are no saved positions", () => {
    const b = new GraphBuilder();
    const x = b.add("Input", { shape: [4] });
    const l = b.add("Dense");
    const r = b.add("Dense");
    const add = b.add("Add");
    b.connect(x, l).connect(x, r).connect(l, add).connect(r, add);
    const graph = b.build();
    for (const n of graph.nodes) delete n.position;
    const at = new Map(previewLayout(graph, BOX).nodes.map((n) => [n.id, n]));
    expect(at.get(l)?.x).toBeCloseTo(at.get(r)?.x ?? Number.NaN);
    expect(at.get(l)?.y).not.toBeCloseTo(at.get(r)?.y ?? Number.NaN);
    expect(at.get(add)?.x).toBeGreaterThan(at.get(l)?.x ?? 0);
    // Single nodes sit between the two branches.
    expect(at.get(x)?.y).toBeCloseTo(((at.get(l)?.y ?? 0) + (at.get(r)?.y ?? 0)) / 2);
  });

  it("narrows the blocks of a long row so neighbours do not overlap, within bounds", () => {
    const row = (n: number, step: number) => Array.from({ length: n }, (_, i) => ({ x: i * step, y: 40 }));
    expect(blockWidth(row(3, 100), 13, 26)).toBe(26);
    const w = blockWidth(row(12, 17), 13, 26);
    expect(w).toBeLessThan(17);
    expect(w).toBeGreaterThanOrEqual(6);
    // Blocks on other rows are not neighbours; one block, or none, keeps the full width.
    expect(blockWidth([...row(2, 100), { x: 5, y: 80 }], 13, 26)).toBe(26);
    expect(blockWidth(row(1, 0), 13, 26)).toBe(26);
    expect(blockWidth([], 13, 26)).toBe(26);
    expect(blockWidth(row(2, 0), 13, 26)).toBe(6);
  });
});
