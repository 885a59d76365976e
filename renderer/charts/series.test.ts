import { describe, expect, it } from "vitest";
import { buildPlot, paddedDomain, pointCount } from "./series";

const line = (id: string, x: number[], y: (number | null)[]) => ({ id, label: id, color: "#000", x, y });

describe("buildPlot", () => {
  it("merges series with different x values into rows sorted by x", () => {
    const p = buildPlot([line("batch", [0.5, 1, 1.5, 2], [4, 3, 2, 1]), line("epoch", [1, 2], [3.5, 1.5])], {
      maxPoints: 100,
      smoothing: 0,
      log: false,
    });
    expect(p.rows.map((r) => r.x)).toEqual([0.5, 1, 1.5, 2]);
    expect(p.rows[1]).toEqual({ x: 1, "batch:raw": 3, "epoch:raw": 3.5 });
    expect(p.rows[0]["epoch:raw"]).toBeUndefined();
    expect(p.lines.map((l) => l.key)).toEqual(["batch:raw", "epoch:raw"]);
    expect(p.domain).toEqual([1, 4]);
  });

  it("keeps the raw line, marked raw, under the smoothed one", () => {
    const p = buildPlot([line("loss", [1, 2, 3], [3, 1, 2])], { maxPoints: 100, smoothing: 0.6, log: false });
    expect(p.lines).toMatchObject([
      { key: "loss:raw", raw: true },
      { key: "loss:smooth", raw: false },
    ]);
    expect(p.rows.map((r) => r["loss:raw"])).toEqual([3, 1, 2]);
    expect(p.rows[0]["loss:smooth"]).toBeCloseTo(3, 12);
    expect(p.rows[2]["loss:smooth"]).not.toBe(2);
  });

  it("turns values a log scale cannot draw into gaps", () => {
    const p = buildPlot([line("m", [1, 2, 3], [0, -1, 0.5])], { maxPoints: 100, smoothing: 0, log: true });
    expect(p.rows.map((r) => r["m:raw"])).toEqual([null, null, 0.5]);
    expect(p.domain).toEqual([0.5, 0.5]);
  });

  it("decimates long series but keeps their extremes and ends", () => {
    const n = 100_000;
    const x = Array.from({ length: n }, (_, i) => i);
    const y = x.map((i) => (i === 54_321 ? 1000 : Math.sin(i / 50)));
    const p = buildPlot([line("long", x, y)], { maxPoints: 400, smoothing: 0, log: false });
    expect(p.rows.length).toBeLessThanOrEqual(400);
    const xs = p.rows.map((r) => r.x);
    expect(xs).toContain(0);
    expect(xs).toContain(n - 1);
    expect(xs).toContain(54_321);
  });

  it("draws nothing for empty series", () => {
    expect(buildPlot([line("e", [], [])], { maxPoints: 10, smoothing: 0.5, log: false })).toEqual({
      rows: [],
      lines: [],
      domain: null,
    });
  });
});

describe("pointCount and paddedDomain", () => {
  it("counts every raw point", () => {
    expect(pointCount([{ y: [1, 2] }, { y: [3] }])).toBe(3);
  });
  it("pads linear ranges by 5% and log ranges by a factor", () => {
    expect(paddedDomain([0, 10], false)).toEqual([-0.5, 10.5]);
    expect(paddedDomain([1, 1], false)).toEqual([0.9, 1.1]);
    expect(paddedDomain([0.1, 10], true)).toEqual([0.08, 12.5]);
    expect(paddedDomain(null, false)).toBeUndefined();
  });
});
