import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { anyNumber } from "../../__fixtures__/numbers";
import { num, pct } from "./format";

describe("evaluation number formats", () => {
  it("write shares as percentages and metrics to 4 digits", () => {
    expect(pct(0.9667)).toBe("96.7%");
    expect(pct(Number.NaN)).toBe("–");
    expect(num(0.000_12)).toBe("1.20e-4");
    expect(num(Number.POSITIVE_INFINITY)).toBe("–");
  });

  it("write any number in a bounded text, never NaN or Infinity", () => {
    fc.assert(
      fc.property(anyNumber, (v) => {
        expect(num(v).length).toBeLessThanOrEqual(10);
        // A percentage of a huge share is long but finite: toFixed writes up to 1e21 in full.
        expect(pct(v).length).toBeLessThanOrEqual(26);
        expect(num(v) + pct(v)).not.toMatch(/NaN|Infinity/);
      }),
      { numRuns: 3000 },
    );
  });
});
