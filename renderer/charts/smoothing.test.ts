import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { anyNumber } from "../__fixtures__/numbers";
import { emaSmooth } from "./smoothing";

describe("emaSmooth", () => {
  it("returns the raw values at weight 0", () => {
    expect(emaSmooth([3, 1, 4, 1, 5], 0)).toEqual([3, 1, 4, 1, 5]);
  });

  it("is debiased: a constant series stays constant from the first point", () => {
    for (const v of emaSmooth([2, 2, 2, 2], 0.9)) expect(v).toBeCloseTo(2, 12);
  });

  it("matches TensorBoard's formula on a hand-checked case", () => {
    // w = 0.5: last = 0.5, 0.5*0.5 + 0.5*3 = 1.75; debias 0.5, 0.75 -> 1, 2.333...
    const [a, b] = emaSmooth([1, 3], 0.5);
    expect(a).toBeCloseTo(1, 12);
    expect(b).toBeCloseTo(1.75 / 0.75, 12);
  });

  it("keeps gaps as gaps and does not count them", () => {
    const s = emaSmooth([1, null, Number.NaN, 3], 0.5);
    expect(s[1]).toBeNull();
    expect(s[2]).toBeNull();
    expect(s[3]).toBeCloseTo(1.75 / 0.75, 12);
  });

  it("refuses a weight outside [0, 1)", () => {
    expect(() => emaSmooth([1], 1)).toThrow(/\[0, 1\); received 1/);
    expect(() => emaSmooth([1], -0.1)).toThrow(RangeError);
  });
});

describe("emaSmooth on any values", () => {
  it("keeps the length, gaps where values are not finite, and stays between the values seen", () => {
    fc.assert(
      fc.property(fc.array(anyNumber, { maxLength: 40 }), fc.double({ min: 0, max: 0.999, noNaN: true }), (ys, w) => {
        const out = emaSmooth(ys, w);
        expect(out).toHaveLength(ys.length);
        let [lo, hi] = [Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];
        for (const [i, v] of out.entries()) {
          if (!Number.isFinite(ys[i])) {
            expect(v).toBeNull();
            continue;
          }
          [lo, hi] = [Math.min(lo, ys[i]), Math.max(hi, ys[i])];
          // A weighted mean of the values so far: between them, exactly.
          expect(v !== null && v >= lo && v <= hi).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("says which weights it takes", () => {
    expect(() => emaSmooth([1], Number.NaN)).toThrow("smoothing weight must be in [0, 1); received NaN");
    expect(() => emaSmooth([1], 1)).toThrow(RangeError);
  });
});
