import { describe, expect, it } from "vitest";
import { NODE_HEIGHT, NODE_WIDTH } from "../state/project-ops";
import { fitViewport } from "./fit";
import type { LayerFlowNode } from "./to-flow";

const node = (id: string, x: number, y: number, measured?: { width: number; height: number }): LayerFlowNode => ({
  id,
  type: "layer",
  position: { x, y },
  data: { kind: "Dense" },
  ...(measured ? { measured } : {}),
});
const ZOOM = { min: 0.05, max: 2.5 };

describe("fitViewport", () => {
  it("puts the whole graph, default-sized blocks included, inside the view with its margin", () => {
    const nodes = [node("a", 0, 0), node("b", 5000, 1000, { width: 300, height: 120 })];
    const vp = fitViewport(nodes, 1600, 1000, ZOOM);
    if (!vp) throw new Error("no viewport");
    // Every corner maps inside the view; the graph's width fills (1 - padding) of it.
    const screen = (x: number, y: number) => [x * vp.zoom + vp.x, y * vp.zoom + vp.y];
    const [l, t] = screen(0, 0);
    const [r, b] = screen(5300, 1120);
    expect(l).toBeGreaterThan(0);
    expect(t).toBeGreaterThan(0);
    expect(r).toBeLessThan(1600);
    expect(b).toBeLessThan(1000);
    // React Flow rounds the viewport to whole pixels.
    expect(Math.abs(r - l - 1600 / 1.2)).toBeLessThan(2);
    expect(Math.abs((l + r) / 2 - 800)).toBeLessThan(1);
  });

  it("does not zoom a small graph in past 1.1, and uses the default size for unmeasured blocks", () => {
    const vp = fitViewport([node("a", 100, 50)], 1600, 1000, ZOOM);
    expect(vp?.zoom).toBe(1.1);
    expect(vp && 100 * vp.zoom + vp.x + (NODE_WIDTH * vp.zoom) / 2).toBeCloseTo(800, 0);
    expect(vp && 50 * vp.zoom + vp.y + (NODE_HEIGHT * vp.zoom) / 2).toBeCloseTo(500, 0);
  });

  it("opens a graph too big to read whole on its top-left part at the readable zoom", () => {
    const nodes = [node("a", -200, 100), node("b", 20_000, 8000)];
    const readable = { ...ZOOM, readable: 0.45 };
    const vp = fitViewport(nodes, 1600, 1000, readable);
    expect(vp).toEqual({ x: 40 + 200 * 0.45, y: 40 - 100 * 0.45, zoom: 0.45 });
    // A graph that fits at a readable zoom is fitted as before.
    const small = [node("a", 0, 0), node("b", 1000, 300)];
    expect(fitViewport(small, 1600, 1000, readable)).toEqual(fitViewport(small, 1600, 1000, ZOOM));
    // A long single row: from its start across, centred up and down.
    const row = [node("a", 0, 0), node("b", 8000, 0)];
    expect(fitViewport(row, 1600, 1000, readable)).toEqual({
      x: 40,
      y: Math.round((1000 - 96 * 0.45) / 2),
      zoom: 0.45,
    });
  });

  it("fits nothing when there are no blocks or no view yet", () => {
    expect(fitViewport([], 1600, 1000, ZOOM)).toBeNull();
    expect(fitViewport([node("a", 0, 0)], 0, 0, ZOOM)).toBeNull();
  });
});
