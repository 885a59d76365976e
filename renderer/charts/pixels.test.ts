import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { anyNumber } from "../__fixtures__/numbers";
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

describe("imageGeometry and toPixels on any shape and values", () => {
  it("draws a shape that asks for more pixels than there are values as a vector", () => {
    expect(imageGeometry([1e9, 1e9, 3], 12)).toEqual([1, 12, 1]);
    expect(imageGeometry([Number.POSITIVE_INFINITY, 2], 4)).toEqual([2, 2, 1]);
    expect(imageGeometry([2.5, 2, 1], 5)).toEqual([1, 5, 1]);
  });

  it("never draws more pixels than values, and every pixel is a colour", () => {
    fc.assert(
      fc.property(fc.array(anyNumber, { maxLength: 4 }), fc.array(anyNumber, { maxLength: 64 }), (shape, values) => {
        const [h, w, c] = imageGeometry(shape, values.length);
        expect([h, w, c].every(Number.isInteger)).toBe(true);
        expect(h * w * c).toBeLessThanOrEqual(values.length);
        const px = toPixels(shape, values);
        expect(px.rgba.length).toBe(px.width * px.height * 4);
        expect(px.width * px.height).toBeLessThanOrEqual(values.length);
      }),
      { numRuns: 3000 },
    );
  });
});
