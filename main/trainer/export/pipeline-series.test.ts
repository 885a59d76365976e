import { writeFileSync } from "node:fs";
import { join } from "node:path";
import * as ort from "onnxruntime-node";
import { describe, expect, it } from "vitest";
import { sequential } from "../../../shared/ir/builder";
import { readSeries, type SeriesData, type SeriesWindows, windowSeries } from "../../data/series/index";
import { build, dense, maxAbsDiff, run, tempDir, training } from "./pipeline.testkit";

/**
 * Forecasters on raw windows: the raw values of each window (from the bundled seasonal series or
 * a two-column fixture) into the file, forecasts back in the target's units; NetForge's side is
 * windowSeries's scaled windows through the same Dense, then the inverse of its scaling and
 * differencing, itself checked against the series' true future values.
 */

const dir = tempDir();
const SEASONAL = join(__dirname, "../../../resources/datasets/seasonal-series.csv");
const L = 12;
const H = 3;

/** Scaled forecasts -> the target's units: y * scale + offset, differences summed onto the last level. */
function unscale(w: SeriesWindows, data: SeriesData, y: readonly number[][], diff: boolean): number[][] {
  return y.map((row, i) => {
    let level = diff ? data.targetValues[i + L] : 0;
    return row.map((v) => {
      const value = v * w.target.scale + w.target.offset;
      level = diff ? level + value : value;
      return level;
    });
  });
}

async function seriesCase(path: string, name: string, source: Record<string, unknown>) {
  const diff = source.differencing === true;
  const data = await readSeries({ kind: "timeSeries", path, lookback: L, horizon: H, ...source });
  const w = windowSeries(
    data,
    { lookback: L, horizon: H, differencing: diff, scaling: "standardize" },
    {
      validation: 0.2,
      test: 0,
    },
  );
  const pre = {
    kind: "timeSeries",
    lookback: L,
    horizon: H,
    differencing: diff,
    scaling: "standardize",
    fittedSteps: w.fittedSteps,
    features: w.features,
    target: w.target,
  };
  // The inverse is right: the true scaled targets come back as the series' own future values.
  const truth = unscale(
    w,
    data,
    Array.from({ length: w.yShape[0] }, (_, i) => Array.from(w.y.subarray(i * H, i * H + H))),
    diff,
  );
  const future = truth.map((_, i) =>
    Array.from({ length: H }, (_, h) => data.targetValues[i + L + h + (diff ? 1 : 0)]),
  );
  expect(maxAbsDiff(truth.flat(), future.flat())).toBeLessThan(1e-3);

  const F = data.features.length;
  const b = await build(dir, name, sequential([L, F], ["Flatten"], ["Dense", { units: H }]), {
    preprocessing: pre,
    source,
    classNames: null,
    training: training({}),
    options: { inputs: "raw", tableInputs: "columns" },
  });
  const n = w.xShape[0];
  const steps = L + (diff ? 1 : 0);
  const raw = new Float32Array(n * steps * F);
  for (let i = 0; i < n; i++)
    for (let t = 0; t < steps; t++) for (let c = 0; c < F; c++) raw[(i * steps + t) * F + c] = data.values[c][i + t];
  const feeds: Record<string, ort.Tensor> = { window: new ort.Tensor("float32", raw, [n, steps, F]) };
  const extra = b.description.inputs[1];
  if (extra)
    feeds[extra.name] = new ort.Tensor(
      "float32",
      Float32Array.from({ length: n }, (_, i) => data.targetValues[i + L]),
      [n, 1],
    );
  const out = await run(b.session, feeds);
  const want = unscale(w, data, dense(w.x, n, b.weights[b.analysis.outputs[0]]), diff);
  return { b, out, want };
}

describe("series pipeline", () => {
  it("seasonal series: raw windows in, forecasts (horizon 3) in the series' units out", async () => {
    const { b, out, want } = await seriesCase(SEASONAL, "seasonal", {});
    expect(b.description.inputs.map((p) => [p.name, p.shape])).toEqual([["window", ["N", L, 1]]]);
    expect(out.forecast.dims).toEqual([want.length, H]);
    expect(maxAbsDiff(out.forecast.data as Float32Array, want.flat())).toBeLessThan(1e-5);
  });

  it("with differencing: lookback + 1 raw values, the forecast summed onto the last level", async () => {
    const { b, out, want } = await seriesCase(SEASONAL, "seasonal-diff", { differencing: true });
    expect(b.description.inputs.map((p) => [p.name, p.shape])).toEqual([["window", ["N", L + 1, 1]]]);
    expect(maxAbsDiff(out.forecast.data as Float32Array, want.flat())).toBeLessThan(1e-5);
  });

  it("a target that is not a feature comes in as <target>_last beside the window", async () => {
    const path = join(dir, "two.csv");
    const lines = Array.from(
      { length: 80 },
      (_, t) => `${(Math.sin(t / 3) * 5 + t / 10).toFixed(3)},${(t * 0.7 + Math.cos(t / 4)).toFixed(3)}`,
    );
    writeFileSync(path, `driver,sales\n${lines.join("\n")}\n`);
    const { b, out, want } = await seriesCase(path, "two", {
      columns: ["driver"],
      target: "sales",
      differencing: true,
    });
    expect(b.description.inputs.map((p) => [p.name, p.shape])).toEqual([
      ["window", ["N", L + 1, 1]],
      ["sales_last", ["N", 1]],
    ]);
    expect(maxAbsDiff(out.forecast.data as Float32Array, want.flat())).toBeLessThan(1e-5);
  });
});
