import { describe, expect, it } from "vitest";
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
