import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { anyNumber, anyRange, nextUp } from "../__fixtures__/numbers";
import { finiteExtent, MAX_TICKS, niceAxis, niceTicks } from "./ticks";

const increasing = (ticks: readonly number[]) => ticks.every((t, i) => i === 0 || t > ticks[i - 1]);

describe("niceTicks", () => {
  it("picks round steps", () => {
    expect(niceTicks(1, 300, 5, true)).toEqual([50, 100, 150, 200, 250, 300]);
    expect(niceTicks(1, 24, 5, true)).toEqual([5, 10, 15, 20]);
    expect(niceTicks(0, 1, 5)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(0.1, 0.9, 5)).toEqual([0.2, 0.4, 0.6, 0.8]);
    expect(niceTicks(1, 3, 5, true)).toEqual([1, 2, 3]);
    expect(niceTicks(2, 2)).toEqual([2]);
    expect(niceTicks(0.388, 0.73)).toEqual([0.4, 0.5, 0.6, 0.7]);
  });

  it("gives one tick for a range a float step or two wide (a smoothed constant curve)", () => {
    expect(niceTicks(0.5, 0.5000000000000001)).toEqual([0.5]);
    expect(niceTicks(0.5, nextUp(nextUp(0.5)), 6)).toEqual([0.5]);
    expect(niceTicks(1e17, 1e17 + 16, 6, true)).toEqual([1e17]);
  });

  it("spans the whole double range without overflowing", () => {
    const ticks = niceTicks(-Number.MAX_VALUE, Number.MAX_VALUE);
    expect(ticks.length).toBeGreaterThan(1);
    expect(ticks.every(Number.isFinite)).toBe(true);
  });

  it("terminates with at most MAX_TICKS + 1 increasing ticks inside the range, for any range and count", () => {
    fc.assert(
      fc.property(anyRange, anyNumber, fc.boolean(), ([lo, hi], count, integer) => {
        const ticks = niceTicks(lo, hi, count, integer);
        expect(ticks.length).toBeLessThanOrEqual(MAX_TICKS + 1);
        expect(ticks.every(Number.isFinite)).toBe(true);
        expect(increasing(ticks)).toBe(true);
        if (!Number.isFinite(lo) || !Number.isFinite(hi)) expect(ticks).toEqual([]);
        else if (hi > lo && ticks.length > 1) {
          const slack = (hi - lo) * 1e-6 || Math.abs(hi) * 1e-9;
          expect(ticks[0]).toBeGreaterThanOrEqual(lo - slack);
          expect(ticks[ticks.length - 1]).toBeLessThanOrEqual(hi + slack);
        }
      }),
      { numRuns: 3000 },
    );
  });
});

describe("niceAxis", () => {
  it("rounds the range out to round ticks", () => {
    expect(niceAxis(0.92, 0.9615)).toEqual({ domain: [0.92, 0.97], ticks: [0.92, 0.93, 0.94, 0.95, 0.96, 0.97] });
    expect(niceAxis(0.002, 0.73)).toEqual({ domain: [0, 0.8], ticks: [0, 0.2, 0.4, 0.6, 0.8] });
    expect(niceAxis(1, 1)?.ticks.length).toBeGreaterThan(1);
  });

  it("draws a constant metric as a level line with readable ticks, however it wobbles", () => {
    const flat = niceAxis(0.5, 0.5000000000000001);
    expect(flat).toEqual(niceAxis(0.5, 0.5));
    expect(flat?.ticks).toEqual([0.44, 0.46, 0.48, 0.5, 0.52, 0.54, 0.56]);
    expect(niceAxis(0, 0)?.domain).toEqual([-1, 1]);
  });

  it("has no axis for a non-finite end", () => {
    expect(niceAxis(Number.NaN, 1)).toBeNull();
    expect(niceAxis(0, Number.POSITIVE_INFINITY)).toBeNull();
  });

  it("terminates with a bounded set of distinct ticks and a finite domain that covers the range", () => {
    fc.assert(
      fc.property(anyRange, anyNumber, ([a, b], count) => {
        const axis = niceAxis(a, b, count);
        if (!Number.isFinite(a) || !Number.isFinite(b)) {
          expect(axis).toBeNull();
          return;
        }
        if (!axis) throw new Error(`no axis for [${a}, ${b}]`);
        const [lo, hi] = [Math.min(a, b), Math.max(a, b)];
        const { domain, ticks } = axis;
        expect(ticks.length).toBeGreaterThanOrEqual(2);
        expect(ticks.length).toBeLessThanOrEqual(MAX_TICKS + 1);
        expect(increasing(ticks)).toBe(true);
        expect(domain.every(Number.isFinite)).toBe(true);
        expect(domain[1]).toBeGreaterThan(domain[0]);
        const slack = (domain[1] - domain[0]) * 1e-6;
        expect(domain[0]).toBeLessThanOrEqual(lo + slack);
        expect(domain[1]).toBeGreaterThanOrEqual(hi - slack);
        for (const t of ticks) expect(t >= domain[0] - slack && t <= domain[1] + slack).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});

describe("finiteExtent", () => {
  it("skips what is not a finite number and handles arrays too long to spread", () => {
    expect(finiteExtent([3, Number.NaN, -2, Number.POSITIVE_INFINITY], [7])).toEqual([-2, 7]);
    expect(finiteExtent([Number.NaN], [])).toBeNull();
    const long = Float64Array.from({ length: 300_000 }, (_, i) => i);
    expect(finiteExtent(long)).toEqual([0, 299_999]);
  });
});
