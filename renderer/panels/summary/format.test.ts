import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { anyNumber } from "../../__fixtures__/numbers";
import { bytesText, compactText, countText, shapesText, shapeText } from "./format";

describe("format", () => {
  it("writes shapes without the batch, ? for unknown dims", () => {
    expect(shapeText([28, 28, 32])).toBe("(28, 28, 32)");
    expect(shapeText([null, 64])).toBe("(?, 64)");
    expect(shapeText(null)).toBe("?");
    expect(shapesText([[10], [10]])).toBe("(10) (10)");
  });

  it("writes counts exactly in tables and compactly in tight spots", () => {
    expect(countText(1234567)).toBe("1,234,567");
    expect(compactText(999)).toBe("999");
    expect(compactText(1234)).toBe("1.23K");
    expect(compactText(12_345_678)).toBe("12.3M");
    expect(compactText(345_000_000)).toBe("345M");
    // Rounding up to the next unit says so, rather than "1000K".
    expect(compactText(999_950)).toBe("1.00M");
    expect(compactText(-999_950)).toBe("-1.00M");
    expect(compactText(2e18)).toBe("2.0e+18");
  });

  it("write any count or size in a few characters, never NaN or Infinity", () => {
    fc.assert(
      fc.property(anyNumber, (v) => {
        for (const text of [compactText(v), bytesText(v)]) {
          expect(text.length).toBeLessThanOrEqual(16);
          expect(text).not.toMatch(/NaN|Infinity|1000[KMGT]/);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it("writes memory in binary units", () => {
    expect(bytesText(512)).toBe("512 B");
    expect(bytesText(3 * 1024 * 1024)).toBe("3.0 MiB");
  });
});
