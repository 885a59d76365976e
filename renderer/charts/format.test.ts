import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { anyNumber } from "../__fixtures__/numbers";
import { formatTick, formatValue } from "./format";

describe("chart value and tick formats", () => {
  it("write metric values to 4 digits and ticks to 3", () => {
    expect(formatValue(0.123456)).toBe("0.1235");
    expect(formatValue(1234)).toBe("1.23e+3");
    expect(formatValue(Number.NaN)).toBe("–");
    expect(formatTick(0.5000000000000001)).toBe("0.5");
    expect(formatTick(15_000_000_000)).toBe("1.5e+10");
    expect(formatTick(20_000_000_000)).toBe("2e+10");
  });

  it("give ticks a step apart enough digits to read differently", () => {
    expect([0.71478, 0.7148, 0.71482].map((v) => formatTick(v, 0.00002))).toEqual(["0.71478", "0.7148", "0.71482"]);
    expect(formatTick(0.5, 0.02)).toBe("0.5");
    expect(formatTick(12_345_000, 1000)).toBe("1.2345e+7");
  });

  it("write any number in a few characters, never NaN or Infinity", () => {
    fc.assert(
      fc.property(anyNumber, anyNumber, (v, step) => {
        for (const text of [formatValue(v), formatTick(v)]) {
          expect(text.length).toBeLessThanOrEqual(10);
          expect(text).not.toMatch(/NaN|Infinity/);
        }
        // 12 digits at most, with a sign, a point and an exponent.
        expect(formatTick(v, step).length).toBeLessThanOrEqual(20);
        expect(formatTick(v, step)).not.toMatch(/NaN|Infinity/);
      }),
      { numRuns: 3000 },
    );
  });
});
