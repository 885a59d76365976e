import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { agreementText, shapeText } from "./raw-check-text";

describe("agreementText", () => {
  it("reads 100% only when every sample agrees, and never more than 100%", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 0, max: 100_000 }), (count, k) => {
        const agree = k % (count + 1);
        const text = agreementText(agree, count);
        expect(text.startsWith(`${agree} of ${count} agree (`)).toBe(true);
        const pct = Number(/\(([\d.]+)%\)/.exec(text)?.[1]);
        expect(pct).toBeLessThanOrEqual(100);
        expect(pct === 100).toBe(agree === count);
        expect(pct).toBeLessThanOrEqual((agree / count) * 100 + 1e-9);
      }),
    );
  });

  it("says when nothing was checked", () => {
    expect(agreementText(0, 0)).toBe("no samples checked");
    expect(agreementText(63, 64)).toBe("63 of 64 agree (98.4%)");
  });
});

describe("shapeText", () => {
  it("keeps the batch name and sizes in order", () => {
    expect(shapeText(["N", 28, 28, 1])).toBe("[N, 28, 28, 1]");
  });
});
