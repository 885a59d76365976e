import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { TimeSeriesSourceSchema } from "../../../shared/datasets/sources/time-series";
import { lastValueBaseline } from "./baseline";
import { readSeries, windowSeries } from "./index";

/** A 10-step series of squares 0, 1, 4, ..., 81: each step's change differs, so guesses are told apart. */
function squares(): string {
  const dir = mkdtempSync(join(tmpdir(), "netforge-baseline-"));
  const path = join(dir, "squares.csv");
  writeFileSync(path, `t,v\n${Array.from({ length: 10 }, (_, i) => `${i},${i * i}`).join("\n")}\n`);
  return path;
}

describe("the last-value baseline of a series", () => {
  it("predicts the window's last level, scored on the validation windows in raw units without scaling", async () => {
    const s = TimeSeriesSourceSchema.parse({
      kind: "timeSeries",
      path: squares(),
      columns: ["v"],
      lookback: 2,
      horizon: 1,
      scaling: "none",
    });
    const w = windowSeries(await readSeries(s), s, { validation: 0.25, test: 0 });
    // 8 windows, the last 2 validate: targets 64 and 81 after last levels 49 and 64.
    const b = lastValueBaseline(await readSeries(s), s, w);
    expect(b).toEqual({ mse: ((64 - 49) ** 2 + (81 - 64) ** 2) / 2, windows: 2 });
  });

  it("predicts a change of 0 with differencing, in the standardized scale the model learns", async () => {
    const s = TimeSeriesSourceSchema.parse({
      kind: "timeSeries",
      path: squares(),
      columns: ["v"],
      lookback: 2,
      horizon: 2,
      differencing: true,
      scaling: "standardize",
    });
    const data = await readSeries(s);
    const w = windowSeries(data, s, { validation: 0.25, test: 0 });
    const { offset, scale } = w.target;
    // Changes 1, 3, ..., 17; validation windows predict changes at steps w+2, w+3 after a guess of 0.
    const expected = w.parts.validation.flatMap((i) =>
      [0, 1].map((h) => ((2 * (i + 2 + h) + 1 - offset) / scale - -offset / scale) ** 2),
    );
    const mean = expected.reduce((a, b) => a + b, 0) / expected.length;
    const b = lastValueBaseline(data, s, w);
    expect(b.windows).toBe(w.parts.validation.length);
    expect(b.mse).toBeCloseTo(mean, 5); // the windows hold float32;
  });

  it("refuses a part without windows", async () => {
    const s = TimeSeriesSourceSchema.parse({
      kind: "timeSeries",
      path: squares(),
      columns: ["v"],
      lookback: 2,
      scaling: "none",
    });
    const w = windowSeries(await readSeries(s), s, { validation: 0, test: 0 });
    expect(() => lastValueBaseline({} as never, s, w)).toThrow(/validation part holds no window/);
  });
});
