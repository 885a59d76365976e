import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { RawSample } from "../../../shared/evaluation/request";
import { readSeries, type SeriesData, windowSeries } from "../../data/series/index";
import { encodeSample } from "./evaluate-encode";
import type { EncodeContext } from "./evaluate-encode-context";

/** A raw series window through the run's saved differencing and scaling, and its forecast back in units. */
const SERIES = join(import.meta.dirname, "../../../resources/datasets/seasonal-series.csv");

/** The context a run of this layout gets: preprocessing.json as fromSeries (dataset.ts) writes it. */
function runOf(data: SeriesData, layout: { lookback: number; horizon: number; differencing: boolean }) {
  const scaling = "standardize" as const;
  const w = windowSeries(data, { ...layout, scaling }, { validation: 0.2, test: 0.1 });
  const ctx: EncodeContext = {
    inputShape: [layout.lookback, data.features.length],
    preprocessing: {
      kind: "timeSeries",
      ...layout,
      scaling,
      fittedSteps: w.fittedSteps,
      features: w.features,
      target: w.target,
    },
    resize: "stretch",
    pixelScale: null,
  };
  return { w, ctx };
}

/** Steps [from, to) of the file as rows by column name (the date column too: extra columns are ignored). */
const rows = (data: SeriesData, from: number, to: number) =>
  Array.from({ length: to - from }, (_, t) => ({
    date: `day ${from + t}`,
    ...Object.fromEntries(data.features.map((f, c) => [f, String(data.values[c][from + t])])),
  }));

describe.each([false, true])("a series window (differencing %s, horizon 2)", (differencing) => {
  const layout = { lookback: 6, horizon: 2, differencing };
  const need = layout.lookback + (differencing ? 1 : 0);

  it("encodes raw steps exactly as windowSeries built the training window of the same steps", async () => {
    const data = await readSeries({ kind: "timeSeries", path: SERIES });
    const { w, ctx } = runOf(data, layout);
    const size = layout.lookback * data.features.length;
    for (const i of [0, 37, w.xShape[0] - 1]) {
      const window = w.x.slice(i * size, (i + 1) * size);
      const byName = await encodeSample({ kind: "series", steps: rows(data, i, i + need) }, ctx);
      expect(byName.shape).toEqual([layout.lookback, 1]);
      expect(Array.from(byName.values)).toEqual(Array.from(window));
      // As numbers, after earlier steps: the last ones are used.
      const numbers = Array.from({ length: i + need }, (_, t) => [data.values[0][t]]);
      const late = await encodeSample({ kind: "series", steps: numbers }, ctx);
      expect(Array.from(late.values)).toEqual(Array.from(window));
    }
  });

  it("answers in the target's units: the scaled forecast undone by hand, the true future for the true targets", async () => {
    const data = await readSeries({ kind: "timeSeries", path: SERIES });
    const { w, ctx } = runOf(data, layout);
    const i = 100;
    const e = await encodeSample({ kind: "series", steps: rows(data, i, i + need) }, ctx);
    expect(e.answer?.names).toEqual(["value t+1", "value t+2"]);
    const scaled = [0.25, -1.5];
    const units = scaled.map((v) => v * w.target.scale + w.target.offset);
    const last = data.targetValues[i + need - 1];
    const byHand = differencing ? [last + units[0], last + units[0] + units[1]] : units;
    expect(e.answer?.decode(scaled)).toEqual(byHand);
    // The window's own (scaled) targets come back as the file's next raw values.
    const truth = Array.from(w.y.slice(i * 2, i * 2 + 2));
    const future = Array.from(data.targetValues.slice(i + need, i + need + 2));
    e.answer?.decode(truth).forEach((v, h) => {
      expect(v).toBeCloseTo(future[h], 4);
    });
  });

  it("refuses too few steps and a step without a feature column, naming what it expected", async () => {
    const data = await readSeries({ kind: "timeSeries", path: SERIES });
    const { ctx } = runOf(data, layout);
    await expect(encodeSample({ kind: "series", steps: rows(data, 0, need - 1) }, ctx)).rejects.toMatchObject({
      code: "E_PREDICT_INPUT",
      message: `expected at least ${need} steps (lookback 6${differencing ? " + 1 for differencing" : ""}) of "value"; received ${need - 1}`,
    });
    const steps: RawSample & { kind: "series" } = { kind: "series", steps: rows(data, 0, need) };
    steps.steps[need - 1] = { date: "x", price: 3 };
    await expect(encodeSample(steps, ctx)).rejects.toMatchObject({
      message: `step ${need}: expected the column(s) "value"; received "date", "price"`,
    });
    steps.steps[need - 1] = { value: "n/a" };
    await expect(encodeSample(steps, ctx)).rejects.toMatchObject({
      message: `step ${need}, column "value": expected a number; received "n/a"`,
    });
  });
});

describe("a differenced target that is not a feature", () => {
  it("takes its last raw value from the steps by name, and refuses steps as bare numbers", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "netforge-series-")), "two.csv");
    const lines = Array.from(
      { length: 40 },
      (_, t) => `${Math.sin(t / 3).toFixed(4)},${(t * 1.5 + (t % 4)).toFixed(2)}`,
    );
    writeFileSync(path, `load,sales\n${lines.join("\n")}\n`);
    const data = await readSeries({ kind: "timeSeries", path, columns: ["load"], target: "sales" });
    const layout = { lookback: 4, horizon: 2, differencing: true };
    const { w, ctx } = runOf(data, layout);
    const i = 10;
    const steps = Array.from({ length: 5 }, (_, t) => ({
      load: data.values[0][i + t],
      sales: data.targetValues[i + t],
    }));
    const e = await encodeSample({ kind: "series", steps }, ctx);
    expect(Array.from(e.values)).toEqual(Array.from(w.x.slice(i * 4, i * 4 + 4)));
    e.answer?.decode(w.y.slice(i * 2, i * 2 + 2)).forEach((v, h) => {
      expect(v).toBeCloseTo(data.targetValues[i + 5 + h], 4);
    });
    await expect(encodeSample({ kind: "series", steps: steps.map((s) => [s.load]) }, ctx)).rejects.toMatchObject({
      message: expect.stringContaining('give steps by column name with "load", "sales"'),
    });
  });
});
