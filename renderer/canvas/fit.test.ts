import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { anyNumber } from "../__fixtures__/numbers";
import { NODE_HEIGHT, NODE_WIDTH, STEP_X } from "../state/project-ops";
import { FIT_MAX_ZOOM, fitViewport } from "./fit";
import type { LayerFlowNode } from "./to-flow";
import { DETAIL_ZOOM } from "./zoom";

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

  it("does not zoom a small graph in past 1, and uses the default size for unmeasured blocks", () => {
    const vp = fitViewport([node("a", 100, 50)], 1600, 1000, ZOOM);
    expect(vp?.zoom).toBe(1);
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

  it("fits nothing when there are no blocks, no view yet, or a position that is not a number", () => {
    expect(fitViewport([], 1600, 1000, ZOOM)).toBeNull();
    expect(fitViewport([node("a", 0, 0)], 0, 0, ZOOM)).toBeNull();
    expect(fitViewport([node("a", 0, 0)], Number.NaN, 500, ZOOM)).toBeNull();
    expect(fitViewport([node("a", Number.NaN, 0)], 1600, 1000, ZOOM)).toBeNull();
  });

  // A 6-block CNN as auto-layout places it (Input, Conv2D, MaxPooling2D, Flatten, Dense, Dense),
  // in the canvas of a 1280 x 720 window: the margin alone would take it below the level of detail.
  const cnn = Array.from({ length: 6 }, (_, i) => node(`n${i}`, i * STEP_X, 0));
  const [W, H] = [900, 560];

  it("never zooms a graph that fits at the level of detail out below it, whether opened or fitted", () => {
    const padded = fitViewport(cnn, W, H, ZOOM);
    expect(padded?.zoom).toBeLessThan(DETAIL_ZOOM);
    for (const big of ["start", "whole"] as const) {
      const vp = fitViewport(cnn, W, H, { ...ZOOM, readable: DETAIL_ZOOM }, big);
      if (!vp) throw new Error("no viewport");
      expect(vp.zoom).toBe(DETAIL_ZOOM);
      // Whole and centred.
      const left = vp.x;
      const right = (5 * STEP_X + NODE_WIDTH) * vp.zoom + vp.x;
      expect(left).toBeGreaterThan(0);
      expect(right).toBeLessThan(W);
      expect(Math.abs(left - (W - right))).toBeLessThanOrEqual(1);
    }
  });

  it("zoom to fit shows a graph too big to read whole below the level of detail, all of it", () => {
    const nodes = [node("a", 0, 0), node("b", 20_000, 8000)];
    const vp = fitViewport(nodes, 1600, 1000, { ...ZOOM, readable: DETAIL_ZOOM }, "whole");
    expect(vp).toEqual(fitViewport(nodes, 1600, 1000, ZOOM));
    expect(vp?.zoom).toBeLessThan(DETAIL_ZOOM);
  });

  it("gives a finite viewport between the zoom limits for any positions and sizes", () => {
    const anyNode = fc.record({ x: anyNumber, y: anyNumber, w: anyNumber, h: anyNumber });
    fc.assert(
      fc.property(
        fc.array(anyNode, { maxLength: 6 }),
        anyNumber,
        anyNumber,
        fc.constantFrom("start", "whole") as fc.Arbitrary<"start" | "whole">,
        (specs, width, height, big) => {
          const nodes = specs.map((s, i) => node(`n${i}`, s.x, s.y, { width: s.w, height: s.h }));
          const vp = fitViewport(nodes, width, height, { ...ZOOM, readable: DETAIL_ZOOM }, big);
          if (vp === null) return;
          expect([vp.x, vp.y, vp.zoom].every(Number.isFinite)).toBe(true);
          expect(vp.zoom).toBeGreaterThanOrEqual(ZOOM.min);
          expect(vp.zoom).toBeLessThanOrEqual(FIT_MAX_ZOOM);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
