import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { ReportOf } from "../../../shared/evaluation/report";
import { sequential } from "../../../shared/ir/builder";
import { seq2seqGraph } from "../testing/seq2seq-graph";
import { evaluateRun } from "./evaluate";
import { lastEpoch, trainedRuns } from "./evaluate-fixtures";
import { modelInMemory } from "./evaluate-model";

/**
 * Evaluation on the file sources that stream or window their samples: IDX images, a time series
 * (with a test part) and sentence pairs. Each split is recomputed independently of training, so
 * the loss training reported for the last epoch is the oracle that the samples are the same.
 */
const DATASETS = join(import.meta.dirname, "../../../resources/datasets");
const trained = trainedRuns();

describe("IDX images (the Fashion-MNIST template, 1 epoch)", () => {
  it("scores the validation images, names the 10 classes and shows mistakes as 28x28 thumbnails", async () => {
    const run = await trained("fashion-mnist-mlp", { epochs: 1 });
    const r = (await evaluateRun(modelInMemory(run.handle, run.start), {})) as ReportOf<"classification">;
    expect(r.task).toBe("classification");
    expect(r.classNames[9]).toBe("Ankle boot");
    expect(r.loss).toBeCloseTo(lastEpoch(run.messages).val_loss, 4);
    expect(r.confusion.counts.flat().reduce((a, b) => a + b, 0)).toBe(r.samples);
    expect(r.roc.filter((c) => c !== null)).toHaveLength(10);
    expect(r.mistakes.length).toBeGreaterThan(0);
    const input = r.mistakes[0].input;
    expect(input).toMatchObject({ kind: "image", shape: [28, 28, 1] });
    if (input?.kind === "image") expect(input.values.every((v) => v >= 0 && v <= 1)).toBe(true);
  }, 120_000);
});

describe("a time series (windows cut in time order)", () => {
  it("evaluates the held-out test windows as regression over the whole horizon", async () => {
    const graph = sequential(
      [12, 1],
      ["Flatten"],
      ["Dense", { units: 8, activation: "relu" }],
      ["Dense", { units: 3 }],
    );
    const source = {
      kind: "timeSeries",
      path: join(DATASETS, "seasonal-series.csv"),
      target: "value",
      lookback: 12,
      horizon: 3,
    };
    const data = { source, split: { validation: 0.2, test: 0.1 } };
    const run = await trained(
      "regression",
      { epochs: 5, validation: { type: "split", fraction: 0.2 } },
      { graph, data: data as never },
    );
    const m = modelInMemory(run.handle, run.start);
    const validation = (await evaluateRun(m, {})) as ReportOf<"regression">;
    expect(validation.mse).toBeCloseTo(lastEpoch(run.messages).val_loss, 5);
    const test = (await evaluateRun(m, { split: "test" })) as ReportOf<"regression">;
    expect(test).toMatchObject({ task: "regression", set: "test", outputs: 3, features: 12 });
    expect(test.samples).toBeGreaterThan(90);
    expect(test.scatter.actual).toHaveLength(test.samples * 3);
  }, 120_000);
});

describe("sentence pairs (seq2seq, teacher forcing)", () => {
  it("reports token accuracy and decoded examples, with the loss training reported", async () => {
    const text = readFileSync(join(DATASETS, "dates-to-iso.csv"), "utf8").split("\n");
    const path = join(mkdtempSync(join(tmpdir(), "netforge-eval-pairs-")), "dates.csv");
    writeFileSync(path, `${text.slice(0, 201).join("\n")}\n`);
    const L = 10;
    const data = {
      source: { kind: "sentencePairs", path, maxLength: L, tokenizer: { vocabSize: 300 } },
      split: { validation: 0.2, test: 0, seed: 1 },
    };
    const training = {
      loss: { type: "sparseCategoricalCrossentropy" },
      learningRate: 0.02,
      epochs: 4,
      batchSize: 32,
      metrics: ["accuracy"],
      seed: 5,
    };
    const run = await trained("iris", training, { graph: seq2seqGraph(L, 300), data: data as never });
    const r = (await evaluateRun(modelInMemory(run.handle, run.start), {})) as ReportOf<"sequence">;
    expect(r).toMatchObject({ task: "sequence", samples: 40 });
    expect(r.loss).toBeCloseTo(lastEpoch(run.messages).val_loss, 4);
    expect(r.metrics.accuracy).toBeCloseTo(lastEpoch(run.messages).val_accuracy, 5);
    expect(r.tokenAccuracy).toBeGreaterThan(0);
    expect(r.examples).toHaveLength(8);
    expect(r.examples[0].source).toMatch(/\w/);
    expect(r.examples[0].target).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  }, 120_000);
});
