import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { type PredictionResult, PredictionResultSchema, type ReportOf } from "../../../shared/evaluation/report";
import type { RawSample } from "../../../shared/evaluation/request";
import { sequential } from "../../../shared/ir/builder";
import { mulberry32 } from "../../../shared/random";
import { fromPixels, makeFolder } from "../../data/image-folder/test-fixtures";
import { evaluateRun } from "./evaluate";
import { type TrainedRun, trainedRuns } from "./evaluate-fixtures";
import { modelFromRunDir, modelInMemory } from "./evaluate-model";
import { predictSamples } from "./evaluate-predict";
import { loadEvalSet } from "./evaluate-sources";

/** Try-it (raw samples through the run's saved preprocessing) and the inputs shown with mistakes. */
const trained = trainedRuns();

async function predict(run: TrainedRun, samples: RawSample[]): Promise<PredictionResult> {
  const result = await predictSamples(modelInMemory(run.handle, run.start), samples);
  expect(PredictionResultSchema.safeParse(result).success).toBe(true);
  return result;
}

describe("try-it on a table (iris)", () => {
  let run: TrainedRun;
  beforeAll(async () => {
    run = await trained("iris", { epochs: 20 });
  });

  it("predicts a typed row by column name, with class names and probabilities", async () => {
    const r = await predict(run, [
      { kind: "table", row: { sepal_length: 5.1, sepal_width: 3.5, petal_length: 1.4, petal_width: 0.2 } },
      { kind: "table", row: { sepal_length: "6.7", sepal_width: "3.0", petal_length: "5.8", petal_width: "2.3" } },
    ]);
    expect(r.classNames).toEqual(["setosa", "versicolor", "virginica"]);
    expect(r.predictions.map((p) => (p.kind === "class" ? p.className : null))).toEqual(["setosa", "virginica"]);
    const p = r.predictions[0];
    expect(p.kind === "class" && p.probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    expect(r.warnings).toEqual([[], []]);
  });

  it("gives a row the same probability the evaluation gave it (same preprocessing, same model)", async () => {
    const report = (await evaluateRun(modelInMemory(run.handle, run.start), {
      split: "train",
      mistakes: 100,
    })) as ReportOf<"classification">;
    const shown = report.mistakes.length > 0 ? report.mistakes : null;
    if (!shown) throw new Error("expected the 20-epoch iris model to get some training rows wrong");
    for (const m of shown.slice(0, 3)) {
      const input = m.input as { columns: string[]; values: (number | string | null)[] };
      const row = Object.fromEntries(input.columns.map((c, i) => [c, input.values[i]]));
      const [p] = (await predict(run, [{ kind: "table", row }])).predictions;
      expect(p).toMatchObject({ kind: "class", classId: m.predictedClass });
      expect(p.kind === "class" && p.confidence).toBeCloseTo(m.confidence, 5);
    }
  });

  it("fills a missing column as training did and says so; ignores unknown columns with a warning", async () => {
    const r = await predict(run, [
      { kind: "table", row: { sepal_length: 5.1, sepal_width: 3.5, petal_length: 1.4, colour: "blue", species: "x" } },
    ]);
    expect(r.warnings[0]).toEqual([
      "ignored column(s) the run does not use: colour",
      expect.stringMatching(/^petal_width is missing; filled with [\d.]+ as in training$/),
    ]);
  });

  it("refuses a row without any feature column, naming the columns it expects", async () => {
    await expect(predict(run, [{ kind: "table", row: { colour: "blue" } }])).rejects.toMatchObject({
      code: "E_PREDICT_INPUT",
      message: expect.stringContaining('"sepal_length", "sepal_width", "petal_length", "petal_width"'),
    });
    await expect(predict(run, [{ kind: "text", text: "hello" }])).rejects.toMatchObject({ code: "E_PREDICT_INPUT" });
  });
});

describe("try-it on numbers (XOR)", () => {
  it("answers with both classes' probabilities and refuses a sample of the wrong shape", async () => {
    const run = await trained("xor", { epochs: 300 });
    const r = await predict(run, [
      { kind: "values", x: [0, 1] },
      { kind: "values", x: [1, 1] },
    ]);
    expect(r.classNames).toEqual(["0", "1"]);
    expect(r.predictions.map((p) => (p.kind === "class" ? p.classId : -1))).toEqual([1, 0]);
    const p = r.predictions[0];
    expect(p.kind === "class" && p.probabilities[0] + p.probabilities[1]).toBeCloseTo(1, 6);
    await expect(predict(run, [{ kind: "values", x: [0, 1, 2] }])).rejects.toMatchObject({
      code: "E_PREDICT_INPUT",
      message: "expected numbers of shape [2] (the model's Input); received shape [3]",
    });
  });
});

describe("try-it on text (Embedding classifier)", () => {
  it("tokenizes with the run's vocabulary and reports unknown words", async () => {
    const graph = sequential(
      [8],
      ["Embedding", { inputDim: 32, outputDim: 8 }],
      ["GlobalAveragePooling1D"],
      ["Dense", { units: 2, activation: "softmax" }],
    );
    (graph.nodes[0].params as Record<string, unknown>).dtype = "int32";
    const path = join(import.meta.dirname, "../../data/__fixtures__/text/sentiment.txt");
    const run = await trained(
      "iris",
      { epochs: 30, batchSize: 8, learningRate: 0.05, loss: { type: "sparseCategoricalCrossentropy" } },
      { graph, data: { source: { kind: "text", path, maxLength: 8 }, split: { validation: 0.25 } } as never },
    );
    const r = await predict(run, [
      { kind: "text", text: "A wonderful, happy story." },
      { kind: "text", text: "zebra quokka wonderful" },
    ]);
    expect(r.classNames).toEqual(["neg", "pos"]);
    expect(r.predictions[0]).toMatchObject({ kind: "class", className: "pos" });
    expect(r.warnings[0]).toEqual([]);
    expect(r.warnings[1]).toEqual(['2 of 3 token(s) are unknown to the model (read as "<oov>")']);
    const report = await evaluateRun(modelInMemory(run.handle, run.start), {});
    expect(report).toMatchObject({ task: "classification", samples: 12 });
    const set = await loadEvalSet(modelInMemory(run.handle, run.start), {});
    expect(await set.describe(0)).toMatchObject({ kind: "text", text: expect.any(String), line: expect.any(Number) });
    set.dispose();
  });
});

/** Two classes of 12x12 stripes (horizontal vs vertical, random phase and noise). */
async function stripesFolder(perClass: number): Promise<string> {
  const random = mulberry32(99);
  const files: Record<string, Buffer> = {};
  for (const cls of ["horizontal", "vertical"]) {
    for (let i = 0; i < perClass; i++) {
      const phase = Math.floor(random() * 4);
      const px: number[] = [];
      for (let y = 0; y < 12; y++)
        for (let x = 0; x < 12; x++) {
          const on = ((cls === "horizontal" ? y : x) + phase) % 4 < 2;
          const v = Math.max(0, Math.min(255, (on ? 200 : 40) + Math.round((random() - 0.5) * 60)));
          px.push(v, v, v);
        }
      files[`${cls}/${i}.png`] = await fromPixels(12, 12, px);
    }
  }
  return makeFolder(files);
}

describe("an image folder", () => {
  it("evaluates the streamed validation images, shows thumbnails, and predicts a file or its bytes", async () => {
    const folder = await stripesFolder(20);
    const graph = sequential(
      [12, 12, 1],
      ["Conv2D", { filters: 4, kernelSize: 3, activation: "relu" }],
      ["GlobalMaxPooling2D"],
      ["Dense", { units: 2, activation: "softmax" }],
    );
    const data = {
      source: { kind: "imageFolder", path: folder, targetSize: [12, 12], color: "grayscale", scale: "standardize" },
      split: { validation: 0.25, seed: 3 },
    };
    const training = {
      loss: { type: "sparseCategoricalCrossentropy" },
      learningRate: 0.05,
      epochs: 10,
      batchSize: 8,
      metrics: ["accuracy"],
      seed: 4,
    };
    const run = await trained("iris", training, { graph, data: data as never });
    const report = (await evaluateRun(modelInMemory(run.handle, run.start), {})) as ReportOf<"classification">;
    expect(report).toMatchObject({ task: "classification", samples: 10, classNames: ["horizontal", "vertical"] });
    expect(report.confusion.counts.flat().reduce((a, b) => a + b, 0)).toBe(10);
    const epochs = run.messages.filter((m) => m.type === "epoch");
    const last = (epochs.at(-1) as { metrics: Record<string, number> }).metrics;
    expect(report.loss).toBeCloseTo(last.val_loss, 5);
    const set = await loadEvalSet(modelInMemory(run.handle, run.start), {});
    const thumb = await set.describe(0);
    expect(thumb).toMatchObject({
      kind: "image",
      shape: [12, 12, 1],
      file: expect.stringMatching(/^(horizontal|vertical)\/\d+\.png$/),
    });
    const file = join(folder, (thumb as { file: string }).file);
    const saved = await modelFromRunDir(run.runDir, { checkpoint: "last" });
    try {
      const r = await predictSamples(saved, [
        { kind: "image", path: file },
        { kind: "image", base64: readFileSync(file).toString("base64") },
      ]);
      expect(r.classNames).toEqual(["horizontal", "vertical"]);
      expect(r.predictions[1]).toEqual(r.predictions[0]);
    } finally {
      saved.dispose();
    }
  });
});
