import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type TimeSeriesSourceInput, TimeSeriesSourceSchema } from "../../../shared/datasets/sources/time-series";
import { DatasetSummarySchema } from "../../../shared/datasets/summary";
import { isDataError } from "../errors";
import { probeSeries, readSeries, windowSeries } from "./index";

const at = (f: string) => join(import.meta.dirname, "../__fixtures__/series", f);
const spec = (path: string, opts: Partial<TimeSeriesSourceInput> = {}) =>
  TimeSeriesSourceSchema.parse({ kind: "timeSeries", path: at(path), ...opts });

/** Valid files: steps, input/output shapes, column "name:type:role", warning codes. */
const valid: [
  string,
  Partial<TimeSeriesSourceInput>,
  { rows: number; input: number[]; output: number[]; columns: string[]; warnings: string[] },
][] = [
  [
    "sine.csv",
    {},
    { rows: 300, input: [12, 1], output: [1], columns: ["date:text:ignore", "value:numeric:label"], warnings: [] },
  ],
  [
    "weather.csv",
    { target: "humidity", lookback: 5, horizon: 3 },
    {
      rows: 40,
      input: [5, 2],
      output: [3],
      columns: ["date:text:ignore", "temp:numeric:feature", "humidity:numeric:label"],
      warnings: [],
    },
  ],
  [
    "weather.csv",
    { columns: ["temp"], target: "humidity", lookback: 30 },
    {
      rows: 40,
      input: [30, 1],
      output: [1],
      columns: ["date:text:ignore", "temp:numeric:feature", "humidity:numeric:label"],
      warnings: ["W_SERIES_FEW_WINDOWS"],
    },
  ],
  [
    "short.csv",
    { lookback: 4, horizon: 2 },
    { rows: 5, input: [4, 1], output: [2], columns: ["value:numeric:label"], warnings: ["E_SERIES_SHORT"] },
  ],
];

describe("time series: valid fixtures", () => {
  it.each(valid)("%s %j", async (file, opts, want) => {
    const s = await probeSeries(spec(file, opts));
    expect(DatasetSummarySchema.safeParse(s).success).toBe(true);
    expect(s).toMatchObject({ rows: want.rows, inputShape: want.input, outputShape: want.output, task: "regression" });
    expect(s.columns.map((c) => `${c.name}:${c.type}:${c.role}`)).toEqual(want.columns);
    expect(s.warnings.map((w) => w.code)).toEqual(want.warnings);
  });
});

const broken: [string, Partial<TimeSeriesSourceInput>, string, string][] = [
  [
    "short.csv",
    { lookback: 4, horizon: 2 },
    "E_SERIES_SHORT",
    "expected at least lookback + horizon = 6 steps; received 5",
  ],
  ["short.csv", { lookback: 4, differencing: true }, "E_SERIES_SHORT", "+ 1 (differencing) = 6 steps"],
  ["non-numeric.csv", {}, "E_SERIES_VALUE", `received "abc" (${at("non-numeric.csv")}, row 4, column "value")`],
  ["missing.csv", {}, "E_SERIES_VALUE", "received a missing value"],
  ["text-only.csv", {}, "E_SERIES_COLUMN", "expected at least one numeric column"],
  ["weather.csv", { target: "pressure" }, "E_SERIES_COLUMN", 'target "pressure" is not a column'],
];

describe("time series: broken fixtures", () => {
  it.each(broken)("%s %j -> %s", async (file, opts, code, message) => {
    const s = spec(file, opts);
    const err = await readSeries(s)
      .then((d) => windowSeries(d, s, { validation: 0.2, test: 0 }))
      .catch((e) => e);
    expect(isDataError(err, code as never), String(err)).toBe(true);
    expect(err.message).toContain(message);
  });
});

describe("windowing", () => {
  it("windows lookback steps -> the next horizon target values, with first differences", async () => {
    const s = spec("weather.csv", { target: "humidity", lookback: 2, horizon: 2, scaling: "none" });
    const d = await readSeries(s);
    const w = windowSeries(d, s, { validation: 0, test: 0 });
    expect(w.xShape).toEqual([37, 2, 2]);
    expect(Array.from(w.x.subarray(0, 4))).toEqual([10, 50, 10.5, 51]); // steps 0..1 of temp, humidity
    expect(Array.from(w.y.subarray(0, 2))).toEqual([52, 53]); // humidity at steps 2..3
    const diff = windowSeries(d, { ...s, differencing: true }, { validation: 0, test: 0 });
    expect(diff.xShape).toEqual([36, 2, 2]);
    expect(Array.from(diff.x.subarray(0, 4))).toEqual([0.5, 1, 0.5, 1]);
    expect(Array.from(diff.y.subarray(0, 2))).toEqual([1, 1]);
  });

  it("cuts chronologically with a horizon-1 gap, and fits the scaling on the training steps only (no leakage)", async () => {
    const s = spec("weather.csv", { columns: ["temp"], lookback: 4, horizon: 3, scaling: "minmax" });
    const d = await readSeries(s);
    const w = windowSeries(d, s, { validation: 0.25, test: 0.1 });
    // 40 steps -> 34 windows: test = last 3, gap 2, validation 9 (ending before the gap), gap 2, train 18.
    expect(w.parts.test).toEqual([31, 32, 33]);
    expect(w.parts.validation).toEqual([20, 21, 22, 23, 24, 25, 26, 27, 28]);
    expect(w.parts.train).toEqual(Array.from({ length: 18 }, (_, i) => i));
    // Every step a training window touches (inputs and targets) lies before the first held-out target.
    const lastTrainStep = 17 + 4 + 3 - 1;
    const firstHeldTarget = 20 + 4;
    expect(lastTrainStep).toBeLessThan(firstHeldTarget);
    expect(w.fittedSteps).toBe(lastTrainStep + 1);
    // temp = 10 + 0.5 t: min/max fitted on steps 0..23, not on the later (larger) values.
    expect(w.target).toEqual({ name: "temp", offset: 10, scale: 0.5 * 23 });
    // Changing only the held-out future leaves the training windows (and the scaler) unchanged.
    const future = { ...d, values: [d.values[0].map((v, t) => (t >= firstHeldTarget ? v * 100 : v))] };
    future.targetValues = future.values[0];
    const w2 = windowSeries(future, s, { validation: 0.25, test: 0.1 });
    expect(w2.target).toEqual(w.target);
    const trainX = (x: Float32Array) => Array.from(x.subarray(0, 18 * 4));
    expect(trainX(w2.x)).toEqual(trainX(w.x));
    expect(Array.from(w2.y.subarray(0, 18 * 3))).toEqual(Array.from(w.y.subarray(0, 18 * 3)));
  });

  it("standardizes with the training part's mean and population std", async () => {
    const s = spec("sine.csv");
    const w = windowSeries(await readSeries(s), s, { validation: 0.2, test: 0 });
    const n = w.parts.train.length;
    let sum = 0;
    for (const i of w.parts.train) sum += w.x[i * 12]; // first step of each training window
    expect(Math.abs(sum / n)).toBeLessThan(0.1);
    expect(w.parts.validation.at(-1)).toBe(w.xShape[0] - 1);
  });
});
