import { describe, expect, it } from "vitest";
import { activationOf, plotGeometry } from "./plot-path";

const BOX = { width: 200, height: 100, pad: 0 };
const moves = (d: string) => (d.match(/M/g) ?? []).length;

describe("plotGeometry", () => {
  it("draws a smooth curve as one stroke", () => {
    const g = plotGeometry("tanh", {}, BOX);
    expect(moves(g.f)).toBe(1);
    expect(moves(g.df)).toBe(1);
  });

  it("lifts the pen where a curve jumps at a kink (step, ReLU's derivative)", () => {
    expect(moves(plotGeometry("step", {}, BOX).f)).toBe(2);
    const relu = plotGeometry("relu", {}, BOX);
    expect(moves(relu.f)).toBe(1);
    expect(moves(relu.df)).toBe(2);
  });

  it("places the axes where 0 is and keeps 0 and 1 in range", () => {
    const g = plotGeometry("sigmoid", {}, BOX);
    expect(g.zeroX).toBeCloseTo(100);
    expect(g.yMin).toBeLessThan(0);
    expect(g.yMax).toBeGreaterThan(1);
  });

  it("follows the activation's parameter (a steeper sigmoid has a taller derivative)", () => {
    const top = (d: string) => Math.min(...[...d.matchAll(/[ML][\d.]+ ([\d.]+)/g)].map((m) => Number(m[1])));
    const flat = plotGeometry("sigmoid", { lambda: 1 }, BOX);
    const steep = plotGeometry("sigmoid", { lambda: 3 }, BOX);
    // Same y range (both stay within [0, 1]), so a higher peak is a smaller pixel y.
    expect(steep.yMax).toBe(flat.yMax);
    expect(top(steep.df)).toBeLessThan(top(flat.df) - 20);
  });
});

describe("activationOf", () => {
  it("reads the activation param, the block's own function and its constants", () => {
    expect(activationOf("Dense", { activation: "relu" })?.name).toBe("relu");
    expect(activationOf("Dense", { activation: "linear" })).toBeNull();
    expect(activationOf("LeakyReLU", { alpha: 0.2 })).toEqual({ name: "leakyRelu", opts: { alpha: 0.2 } });
    expect(activationOf("Activation", { activation: "sigmoid", steepness: 2 })).toEqual({
      name: "sigmoid",
      opts: { lambda: 2 },
    });
    expect(activationOf("Flatten", {})).toBeNull();
  });
});
