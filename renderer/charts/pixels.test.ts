import { describe, expect, it } from "vitest";
import { imageGeometry, toPixels } from "./pixels";

describe("imageGeometry", () => {
  it.each([
    [[28, 28, 1], 784, [28, 28, 1]],
    [[32, 32, 3], 3072, [32, 32, 3]],
    [[8, 8], 64, [8, 8, 1]],
    [[784], 784, [28, 28, 1]],
    [[5], 5, [1, 5, 1]],
    [[], 16, [4, 4, 1]],
  ] as const)("%o holding %i values draws as %o", (shape, count, want) => {
    expect(imageGeometry(shape, count)).toEqual(want);
  });
});

describe("toPixels", () => {
  it("draws grey values in [0, 1] as they are", () => {
    const p = toPixels([1, 2, 1], [0, 1]);
    expect([...p.rgba]).toEqual([0, 0, 0, 255, 255, 255, 255, 255]);
  });
  it("min-max scales values outside [0, 1] (a tanh generator)", () => {
    const p = toPixels([1, 3, 1], [-1, 0, 1]);
    expect([p.rgba[0], p.rgba[4], p.rgba[8]]).toEqual([0, 128, 255]);
  });
  it("keeps RGB channels apart", () => {
    const p = toPixels([1, 1, 3], [1, 0, 0.5]);
    expect([...p.rgba]).toEqual([255, 0, 128, 255]);
  });
});
