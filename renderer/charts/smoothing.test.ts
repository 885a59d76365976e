import { describe, expect, it } from "vitest";
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
