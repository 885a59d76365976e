import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { anyNumber } from "../../__fixtures__/numbers";
import { boundsOf, fromMinimap, minimapFrame, toMinimap, visibleRect } from "./geometry";

describe("minimap geometry", () => {
  const size = { width: 168, height: 108 };

  it("fits the graph and the part on screen together, centred, and maps points both ways", () => {
    const graph = { x: 0, y: 0, width: 3000, height: 800 };
    const view = visibleRect({ x: 0, y: 0, zoom: 0.5 }, { width: 800, height: 600 });
    expect(view).toEqual({ x: -0, y: -0, width: 1600, height: 1200 });
    const f = minimapFrame(graph, view, size);
    // 3000 x 1200 in 156 x 96 (6 px of padding each side): the width decides.
    expect(f.scale).toBeCloseTo(156 / 3000);
    const topLeft = toMinimap(f, { x: 0, y: 0 });
    const bottomRight = toMinimap(f, { x: 3000, y: 1200 });
    expect(topLeft.x).toBeCloseTo(6);
    expect(bottomRight.x).toBeCloseTo(162);
    expect((topLeft.y + bottomRight.y) / 2).toBeCloseTo(54);
    const back = fromMinimap(f, toMinimap(f, { x: 1234, y: 567 }));
    expect(back.x).toBeCloseTo(1234);
    expect(back.y).toBeCloseTo(567);
  });

  it("keeps the view's rectangle in the picture when it has wandered off the graph", () => {
    const graph = { x: 0, y: 0, width: 1000, height: 500 };
    const view = { x: 5000, y: 0, width: 1000, height: 500 };
    const f = minimapFrame(graph, view, size);
    expect(toMinimap(f, { x: 6000, y: 0 }).x).toBeLessThanOrEqual(162 + 1e-9);
    expect(toMinimap(f, { x: 0, y: 0 }).x).toBeGreaterThanOrEqual(6 - 1e-9);
  });

  it("bounds nothing as null and several rectangles as their union", () => {
    expect(boundsOf([])).toBeNull();
    expect(
      boundsOf([
        { x: 0, y: 10, width: 5, height: 5 },
        { x: -3, y: 2, width: 4, height: 1 },
      ]),
    ).toEqual({ x: -3, y: 2, width: 8, height: 13 });
  });
});

describe("minimap geometry on any rectangles and sizes", () => {
  const rect = fc.record({ x: anyNumber, y: anyNumber, width: anyNumber, height: anyNumber });
  const size = fc.record({ width: anyNumber, height: anyNumber });

  it("always has a positive, finite scale to map back with", () => {
    fc.assert(
      fc.property(fc.option(rect), rect, size, (graph, view, box) => {
        const f = minimapFrame(graph, view, box);
        expect(f.scale > 0 && Number.isFinite(f.scale)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it("maps points of graphs of any everyday size there and back", () => {
    const coord = fc.double({ min: -1e7, max: 1e7, noNaN: true });
    const extent = fc.double({ min: 0, max: 1e7, noNaN: true });
    const everyday = fc.record({ x: coord, y: coord, width: extent, height: extent });
    const pixels = fc.record({ width: fc.integer({ min: 0, max: 4000 }), height: fc.integer({ min: 0, max: 4000 }) });
    fc.assert(
      fc.property(everyday, everyday, pixels, coord, coord, (graph, view, box, x, y) => {
        const f = minimapFrame(graph, view, box);
        const back = fromMinimap(f, toMinimap(f, { x, y }));
        // The round trip passes through minimap pixels: it may lose a float step of a pixel, which
        // is 1/scale graph units (many, for a graph 1e7 wide drawn in one pixel): 1e-9 px allowed.
        const slack = 1e-9 / f.scale;
        expect(Math.abs(back.x - x)).toBeLessThanOrEqual(1e-6 * (1 + Math.abs(x)) + slack);
        expect(Math.abs(back.y - y)).toBeLessThanOrEqual(1e-6 * (1 + Math.abs(y)) + slack);
      }),
      { numRuns: 2000 },
    );
  });
});
