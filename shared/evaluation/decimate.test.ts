import { describe, expect, it } from "vitest";
import { decimate, decimateColumns, decimateIndices } from "./decimate";

describe("decimation for plots", () => {
  it("returns a short series whole", () => {
    expect(decimateIndices([3, 1, 2], 8)).toEqual([0, 1, 2]);
  });

  it("cuts a long history to at most maxPoints, keeping both ends, spikes and dips", () => {
    const n = 100_000;
    const values = Array.from({ length: n }, (_, i) => Math.sin(i / 500));
    values[31_337] = 50;
    values[77_777] = -50;
    const kept = decimateIndices(values, 400);
    expect(kept.length).toBeLessThanOrEqual(400);
    expect(kept.length).toBeGreaterThan(200);
    expect(kept[0]).toBe(0);
    expect(kept.at(-1)).toBe(n - 1);
    expect(kept).toContain(31_337);
    expect(kept).toContain(77_777);
    expect(kept.every((v, i) => i === 0 || v > kept[i - 1])).toBe(true);
  });

  it("skips gaps when looking for extremes", () => {
    const kept = decimateIndices([null, 5, Number.NaN, 1, 9, null, 2, 3], 4);
    expect(kept).toEqual([0, 3, 4, 7]);
  });

  it("refuses fewer than 4 points (first, last, min and max of one bucket)", () => {
    expect(() => decimateIndices([1, 2, 3, 4, 5], 3)).toThrow("maxPoints must be at least 4; received 3");
  });

  it("decimates records and parallel columns alike", () => {
    const history = Array.from({ length: 50 }, (_, i) => ({ epoch: i + 1, loss: 1 / (i + 1) }));
    const short = decimate(history, (h) => h.loss, 8);
    expect(short[0].epoch).toBe(1);
    expect(short.at(-1)?.epoch).toBe(50);
    const cols = decimateColumns({ x: history.map((h) => h.epoch), y: history.map((h) => h.loss) }, "y", 8);
    expect(cols.x).toEqual(short.map((h) => h.epoch));
    expect(cols.y).toEqual(short.map((h) => h.loss));
  });
});
