import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { anyNumber } from "../__fixtures__/numbers";
import { filterPixels, mapPixels } from "./map-pixels";

const grey = (rgba: Uint8ClampedArray) => Array.from({ length: rgba.length / 4 }, (_, p) => rgba[p * 4]);

describe("mapPixels (one channel of a feature map)", () => {
  it("min-max scales each channel on its own", () => {
    // [1, 3, 2]: channel 0 spans 0..0.01, channel 1 spans -50..50.
    const values = [0, -50, 0.005, 0, 0.01, 50];
    expect(grey(mapPixels(values, [1, 3, 2], 0).rgba)).toEqual([0, 128, 255]);
    expect(grey(mapPixels(values, [1, 3, 2], 1).rgba)).toEqual([0, 128, 255]);
  });
  it("draws a constant map mid-grey and NaN, infinities and nulls black", () => {
    expect(grey(mapPixels([3, 3, 3, 3], [2, 2, 1], 0).rgba)).toEqual([128, 128, 128, 128]);
    expect(grey(mapPixels([0, Number.NaN, null, 1], [2, 2, 1], 0).rgba)).toEqual([0, 0, 0, 255]);
    expect(grey(mapPixels([1, Number.POSITIVE_INFINITY, 2], [1, 3, 1], 0).rgba)).toEqual([0, 0, 255]);
  });
  it("spans the whole range of doubles without overflowing", () => {
    const p = mapPixels([-Number.MAX_VALUE, 0, Number.MAX_VALUE], [1, 3, 1], 0);
    expect(grey(p.rgba)).toEqual([0, 128, 255]);
  });
  it("draws nothing for a shape that does not fit its values, or a channel it does not have", () => {
    expect(mapPixels([1, 2], [1e9, 1e9, 1], 0)).toMatchObject({ width: 0, height: 0 });
    expect(mapPixels([1, 2], [1, 2.5, 1], 0)).toMatchObject({ width: 0, height: 0 });
    expect(grey(mapPixels([1, 2], [1, 2, 1], 5).rgba)).toEqual([0, 0]);
  });
  it("on any values: one opaque pixel per position, the extremes of a varied map at 0 and 255", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 3 }),
        fc.array(fc.oneof(anyNumber, fc.constant(null)), { minLength: 75, maxLength: 75 }),
        (h, w, c, pool) => {
          const values = pool.slice(0, h * w * c);
          for (let ch = 0; ch < c; ch++) {
            const p = mapPixels(values, [h, w, c], ch);
            expect([p.width, p.height, p.rgba.length]).toEqual([w, h, h * w * 4]);
            for (let i = 3; i < p.rgba.length; i += 4) expect(p.rgba[i]).toBe(255);
            const finite = Array.from({ length: h * w }, (_, q) => values[q * c + ch]).filter(
              (v): v is number => typeof v === "number" && Number.isFinite(v),
            );
            const g = grey(p.rgba);
            if (finite.length > 0 && Math.min(...finite) < Math.max(...finite)) {
              expect(Math.min(...g)).toBe(0);
              expect(Math.max(...g)).toBe(255);
            } else expect(g.every((v) => v === 0 || v === 128)).toBe(true);
          }
        },
      ),
    );
  });
});

describe("filterPixels (one filter of a [kh, kw, in, out] kernel)", () => {
  it("draws a 3-channel filter in colour, its channels scaled together", () => {
    // [1, 1, 3, 2]: filter 0 is (r, g, b) = (1, 0, 0.5); filter 1 is (0, 0, 0).
    const kernel = [1, 0, 0, 0, 0.5, 0];
    expect([...filterPixels(kernel, [1, 1, 3, 2], 0).rgba]).toEqual([255, 0, 128, 255]);
    expect([...filterPixels(kernel, [1, 1, 3, 2], 1).rgba]).toEqual([128, 128, 128, 255]);
  });
  it("draws a one-channel filter in grey, at its kernel size", () => {
    // [2, 2, 1, 2] row-major: position p, filter f at p * 2 + f.
    const kernel = [-1, 5, 0, 5, 1, 5, 3, 5];
    const p = filterPixels(kernel, [2, 2, 1, 2], 0);
    expect([p.width, p.height]).toEqual([2, 2]);
    expect(grey(p.rgba)).toEqual([0, 64, 128, 255]);
    expect(grey(filterPixels(kernel, [2, 2, 1, 2], 1).rgba)).toEqual([128, 128, 128, 128]);
  });
  it("on any kernel values and shape claims: never reads past the values, every pixel opaque", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(anyNumber, fc.constant(null)), { maxLength: 60 }),
        fc.array(fc.oneof(fc.integer({ min: 0, max: 5 }), anyNumber), { minLength: 4, maxLength: 4 }),
        fc.integer({ min: -1, max: 6 }),
        (values, shape, filter) => {
          const p = filterPixels(values, shape, filter);
          expect(p.rgba.length).toBe(p.width * p.height * 4);
          expect(p.width * p.height).toBeLessThanOrEqual(Math.max(values.length, 0));
          for (let i = 3; i < p.rgba.length; i += 4) expect(p.rgba[i]).toBe(255);
        },
      ),
    );
  });
});
