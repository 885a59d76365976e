import { describe, expect, it } from "vitest";
import { ridgePaths } from "./ridges";

describe("ridge plot of stacked histograms", () => {
  const size = { width: 100, height: 60, ridgeHeight: 20 };

  it("puts every record on one x axis and stacks them from the back (first) to the front (last)", () => {
    const plot = ridgePaths(
      [{ min: 0, max: 1, counts: [1, 3] }, null, { min: -1, max: 1, counts: [2, 0, 0, 2] }],
      size,
    );
    expect(plot).toMatchObject({ min: -1, max: 1 });
    expect(plot?.ridges.map((r) => r.base)).toEqual([20, 60]);
    // First ridge spans x 50..100; its taller bin (3 of 3) reaches the top of its band (y 0).
    expect(plot?.ridges[0].path).toBe("M50.0,20.0L62.5,13.3L87.5,0.0L100.0,20.0Z");
    expect(plot?.ridges[1].path).toBe("M0.0,60.0L12.5,40.0L37.5,60.0L62.5,60.0L87.5,40.0L100.0,60.0Z");
  });

  it("has nothing to draw without histograms", () => {
    expect(ridgePaths([null], size)).toBeNull();
  });
});
