import { join } from "node:path";
import * as tf from "@tensorflow/tfjs";
import { describe, expect, it } from "vitest";
import { PredictionResultSchema } from "../../../shared/evaluation/report";
import { sequential } from "../../../shared/ir/builder";
import { loadIdx } from "../../data/idx/read";
import { encodeWindow, readSeries } from "../../data/series/index";
import { readPreprocessing } from "./evaluate-data";
import type { SeriesPreprocessing } from "./evaluate-encode-series";
import { trainedRuns } from "./evaluate-fixtures";
import { modelFromRunDir, modelInMemory } from "./evaluate-model";
import { predictSamples } from "./evaluate-predict";

/** Try-it on raw series steps and raw IDX pixels: the run's own scaling in, answers as users read them. */
const trained = trainedRuns();
const DATASETS = join(import.meta.dirname, "../../../resources/datasets");

describe("try-it on a time series", () => {
  it("forecasts after the given steps, per horizon step, in the target's units", async () => {
    const graph = sequential(
      [12, 1],
      ["Flatten"],
      ["Dense", { units: 8, activation: "relu" }],
      ["Dense", { units: 3 }],
    );
    const source = {
      kind: "timeSeries",
      path: join(DATASETS, "seasonal-series.csv"),
      lookback: 12,
      horizon: 3,
      differencing: true,
    };
    const run = await trained(
      "regression",
      { epochs: 2 },
      { graph, data: { source, split: { validation: 0.2 } } as never },
    );
    const series = await readSeries(source as never);
    const steps = Array.from(series.values[0].slice(-40), (value) => ({ value }));
    const m = modelInMemory(run.handle, run.start);
    const r = await predictSamples(m, [{ kind: "series", steps }]);
    expect(PredictionResultSchema.safeParse(r).success).toBe(true);
    const [p] = r.predictions;
    expect(p).toMatchObject({ kind: "values", shape: [3], names: ["value t+1", "value t+2", "value t+3"] });
    // By hand: the last 13 steps differenced and scaled, the model's changes unscaled and summed.
    const pre = (await readPreprocessing(run.runDir)) as unknown as SeriesPreprocessing;
    const x = encodeWindow([Float64Array.from(series.values[0].slice(-13))], pre.features, true);
    const y = tf.tidy(() => Array.from((m.compiled.model.predict(tf.tensor(x, [1, 12, 1])) as tf.Tensor).dataSync()));
    let level = series.values[0].at(-1) as number;
    const want = y.map((v) => (level += v * pre.target.scale + pre.target.offset));
    if (p.kind !== "values") throw new Error("expected values");
    p.values.forEach((v, h) => {
      expect(v).toBeCloseTo(want[h], 4);
    });
  }, 120_000);
});

describe("try-it on raw IDX pixels", () => {
  it("answers a saved run's uint8 pixels as it answers the pixels training read", async () => {
    const run = await trained("fashion-mnist-mlp", { epochs: 1 });
    const m = await modelFromRunDir(run.runDir, {});
    try {
      const files = {
        images: join(DATASETS, "fashion-mnist-subset/t10k-images-idx3-ubyte.gz"),
        labels: join(DATASETS, "fashion-mnist-subset/t10k-labels-idx1-ubyte.gz"),
      };
      const raw = await loadIdx({ ...files, scale: "none" });
      const unit = await loadIdx({ ...files, scale: "unit" });
      const image = (x: ArrayLike<number>, k: number) => Array.from(x).slice(k * 784, (k + 1) * 784);
      const asPixels = await predictSamples(m, [{ kind: "pixels", shape: [28, 28], pixels: image(raw.x, 3) }]);
      const scaled = image(unit.x, 3);
      const asValues = await predictSamples(m, [
        { kind: "values", x: Array.from({ length: 28 }, (_, r) => scaled.slice(r * 28, r * 28 + 28).map((v) => [v])) },
      ]);
      expect(asPixels.predictions).toEqual(asValues.predictions);
      expect(asPixels.classNames?.[0]).toBe("T-shirt/top");
    } finally {
      m.dispose();
    }
  }, 120_000);
});
