import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sequential } from "../ir/builder";
import { inferGraph } from "./infer";
import { estimateMemory, formatBytes } from "./memory";

const UNIT_FACTOR: Record<string, number> = {
  KB: 2 ** 10,
  MB: 2 ** 20,
  GB: 2 ** 30,
  TB: 2 ** 40,
  PB: 2 ** 50,
  EB: 2 ** 60,
};

describe("formatBytes", () => {
  it("reads back within rounding, with the number below 1024 of its unit", () => {
    const adversarial = fc.oneof(
      fc.double({ min: 0, max: 2 ** 70, noNaN: true }),
      fc.constantFrom(0, 1023, 1024, 1024 * 1024 - 1, 1024 * 1024 - 52, 2 ** 60, Number.MIN_VALUE, 1023.5),
      fc.integer({ min: 1, max: 2 ** 40 }).map((n) => n * 1024 - 1),
    );
    fc.assert(
      fc.property(adversarial, (bytes) => {
        const text = formatBytes(bytes);
        const m = /^([\d,]+(?:\.\d)?) (bytes|KB|MB|GB|TB|PB|EB)$/.exec(text);
        expect(m, text).not.toBeNull();
        const value = Number((m as RegExpExecArray)[1].replace(/,/g, ""));
        const unit = (m as RegExpExecArray)[2];
        if (unit !== "EB") expect(value, text).toBeLessThan(1024);
        const factor = unit === "bytes" ? 1 : UNIT_FACTOR[unit];
        expect(Math.abs(value * factor - bytes), text).toBeLessThanOrEqual(0.05 * factor + 0.5);
      }),
    );
  });

  it("keeps order: a larger amount never reads smaller (equal and 1 ulp apart included)", () => {
    const read = (t: string) => {
      const [n, unit] = t.split(" ");
      return Number(n.replace(/,/g, "")) * (unit === "bytes" ? 1 : UNIT_FACTOR[unit]);
    };
    fc.assert(
      fc.property(fc.double({ min: 0, max: 2 ** 62, noNaN: true }), (a) => {
        const b = a === 0 ? Number.MIN_VALUE : a * (1 + Number.EPSILON);
        expect(formatBytes(a)).toBe(formatBytes(a));
        expect(read(formatBytes(b))).toBeGreaterThanOrEqual(read(formatBytes(a)));
      }),
    );
  });

  it("says something sensible for NaN, infinities and negative amounts", () => {
    expect(formatBytes(Number.NaN)).toBe("? bytes");
    expect(formatBytes(Number.POSITIVE_INFINITY)).toBe("more than any machine has");
    expect(formatBytes(Number.NEGATIVE_INFINITY)).toBe("? bytes");
    expect(formatBytes(-1536)).toBe("-1.5 KB");
    expect(formatBytes(1536)).toBe("1.5 KB");
    expect(formatBytes(1024 * 1024 - 1)).toBe("1.0 MB");
  });
});

describe("estimateMemory", () => {
  it("counts weights, gradients, Adam's two slots and a batch of layer outputs", () => {
    const a = inferGraph(sequential([10], ["Dense", { units: 5 }]));
    const m = estimateMemory(a, 8, "adam");
    expect(m.params).toBe(55);
    expect(m.paramBytes).toBe(55 * 4);
    expect(m.trainingStateBytes).toBe(55 * 4 * 4);
    // Input [10] and Dense [5], for 8 samples, with their gradients.
    expect(m.activationBytes).toBe((10 + 5) * 8 * 4 * 2);
    expect(m.totalBytes).toBe(m.trainingStateBytes + m.activationBytes);
    expect(estimateMemory(a, 8, "sgd").trainingStateBytes).toBe(55 * 4 * 2);
  });

  it("puts 2e12 parameters in the terabytes", () => {
    const m = estimateMemory(inferGraph(sequential([2_000_000], ["Dense", { units: 1_000_000 }])), 32);
    expect(m.paramBytes).toBeGreaterThan(7e12);
    expect(formatBytes(m.paramBytes)).toBe("7.3 TB");
  });
});
