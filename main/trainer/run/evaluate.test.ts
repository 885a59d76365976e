import { spawnSync } from "node:child_process";
import { beforeAll, describe, expect, it } from "vitest";
import { type ReportOf, SampleInputSchema } from "../../../shared/evaluation/report";
import { evaluateRun, predictAll } from "./evaluate";
import { lastEpoch, type TrainedRun, trainedRuns } from "./evaluate-fixtures";
import { modelFromRunDir, modelInMemory } from "./evaluate-model";
import { loadEvalSet } from "./evaluate-sources";

/** Evaluation of real runs trained here with tfjs: the numbers are checked against training and sklearn. */
const trained = trainedRuns();

describe("classification (iris table, 20 epochs)", () => {
  let run: TrainedRun;
  let report: ReportOf<"classification">;
  beforeAll(async () => {
    run = await trained("iris", { epochs: 20 });
    report = (await evaluateRun(modelInMemory(run.handle, run.start), {})) as ReportOf<"classification">;
  });

  it("reports a classification of the validation part whose confusion counts sum to its size", () => {
    expect(report.task).toBe("classification");
    expect(report.set).toBe("validation");
    expect(report.samples).toBe(30); // 150 flowers, validation 0.2, stratified: 10 per species
    expect(report.confusion.counts.flat().reduce((a, b) => a + b, 0)).toBe(30);
    expect(report.confusion.counts.map((row) => row.reduce((a, b) => a + b, 0))).toEqual([10, 10, 10]);
    expect(report.classNames).toEqual(["setosa", "versicolor", "virginica"]);
    expect(report.perClass.map((c) => c.support)).toEqual([10, 10, 10]);
  });

  it("reproduces the split and the loss training reported for the same weights", () => {
    const epoch = lastEpoch(run.messages);
    expect(report.loss).toBeCloseTo(epoch.val_loss, 5);
    expect(report.metrics.accuracy).toBeCloseTo(epoch.val_accuracy, 6);
    expect(report.accuracy).toBeCloseTo(epoch.val_accuracy, 6);
  });

  it("beats the majority-class baseline fitted on the training part", () => {
    expect(report.baseline).toMatchObject({ from: "train", accuracy: 1 / 3 });
    expect(report.accuracy).toBeGreaterThan(0.8);
    expect(report.macroAuc).toBeGreaterThan(0.9);
    expect(report.roc).toHaveLength(3);
    expect(report.roc[0]?.fpr[0]).toBe(0);
    expect(report.roc[0]?.tpr.at(-1)).toBe(1);
  });

  it("lists wrong predictions with their table rows, most confident first", () => {
    for (const m of report.mistakes) {
      expect(m.trueClass).not.toBe(m.predictedClass);
      expect(m.input).toMatchObject({
        kind: "table",
        columns: ["sepal_length", "sepal_width", "petal_length", "petal_width"],
      });
      expect(SampleInputSchema.safeParse(m.input).success).toBe(true);
    }
    const confidences = report.mistakes.map((m) => m.confidence);
    expect(confidences).toEqual([...confidences].sort((a, b) => b - a));
  });

  it("evaluates the training part and refuses a test part the split does not have", async () => {
    const train = await evaluateRun(modelInMemory(run.handle, run.start), { split: "train" });
    expect(train.samples).toBe(120);
    await expect(evaluateRun(modelInMemory(run.handle, run.start), { split: "test" })).rejects.toMatchObject({
      code: "E_EVAL_NO_SPLIT",
    });
  });

  it("agrees with scikit-learn on the same predictions", async (ctx) => {
    const missing = sklearnMissing();
    if (missing) {
      console.log(`skipping the scikit-learn cross-check: ${missing}`);
      ctx.skip();
    }
    const m = modelInMemory(run.handle, run.start);
    const set = await loadEvalSet(m, {});
    const pass = await predictAll(m.compiled.model, set, m.config);
    set.dispose();
    const script = `
import json, sys, numpy as np
from sklearn import metrics as M
d = json.load(sys.stdin)
P, y = np.array(d["probs"]).reshape(-1, 3), np.array(d["truth"])
p = P.argmax(1)
print(json.dumps({"counts": M.confusion_matrix(y, p).tolist(), "f1": M.f1_score(y, p, average=None).tolist(),
  "macroF1": M.f1_score(y, p, average="macro"), "auc": M.roc_auc_score(y, P, multi_class="ovr"),
  "ap": [M.average_precision_score(y == c, P[:, c]) for c in range(3)]}))`;
    const r = spawnSync(PYTHON, ["-c", script], {
      input: JSON.stringify({ probs: Array.from(pass.out), truth: Array.from(pass.y) }),
      encoding: "utf8",
    });
    expect(r.status, r.stderr).toBe(0);
    const want = JSON.parse(r.stdout);
    expect(report.confusion.counts).toEqual(want.counts);
    for (const [i, c] of report.perClass.entries()) expect(c.f1).toBeCloseTo(want.f1[i], 10);
    expect(report.macro.f1).toBeCloseTo(want.macroF1, 10);
    // sklearn renormalizes float32 probabilities to sum 1; the AUC is rank-based, so it agrees closely.
    expect(report.macroAuc).toBeCloseTo(want.auc, 6);
    for (const [i, c] of report.pr.entries()) expect(c?.averagePrecision).toBeCloseTo(want.ap[i], 10);
  });
});

describe("regression (the regression template, 40 epochs)", () => {
  it("reports MAE, MSE (= the MSE loss), RMSE, R² and adjusted R², with scatter and residuals", async () => {
    const run = await trained("regression", { epochs: 40 });
    const r = (await evaluateRun(modelInMemory(run.handle, run.start), {})) as ReportOf<"regression">;
    expect(r.task).toBe("regression");
    expect(r.samples).toBe(16); // 64 points, the last quarter
    expect(r.mse).toBeCloseTo(r.loss as number, 6);
    expect(r.mse).toBeCloseTo(lastEpoch(run.messages).val_loss, 5);
    expect(r.mae).toBeCloseTo(r.metrics.mae as number, 6);
    expect(r.rmse).toBeCloseTo(Math.sqrt(r.mse), 10);
    expect(r.r2).toBeGreaterThan(0.5);
    expect(r.adjustedR2).toBeCloseTo(1 - ((1 - r.r2) * 15) / 14, 10);
    expect(r.scatter.actual).toHaveLength(16);
    for (const [i, e] of r.scatter.residual.entries())
      expect(e).toBeCloseTo(r.scatter.actual[i] - r.scatter.predicted[i], 6);
    expect(r.boundary).toBeNull();
  });
});

describe("binary with a decision boundary (XOR, 300 epochs)", () => {
  it("classifies all four points and draws a 60x60 boundary that is XOR-shaped", async () => {
    const run = await trained("xor", { epochs: 300 });
    const m = modelInMemory(run.handle, run.start);
    await expect(evaluateRun(m, {})).rejects.toMatchObject({ code: "E_EVAL_NO_SPLIT" }); // validation is off
    const r = (await evaluateRun(m, { split: "train" })) as ReportOf<"binary">;
    expect(r.task).toBe("binary");
    expect(r.accuracy).toBe(1);
    expect(r.confusion.counts).toEqual([
      [2, 0],
      [0, 2],
    ]);
    expect(r.roc?.auc).toBe(1);
    expect(r.mistakes).toEqual([]);
    const b = r.boundary;
    expect(b?.resolution).toBe(60);
    expect(b?.values).toHaveLength(3600);
    expect(b?.confidence).toHaveLength(3600);
    const at = (fx: number, fy: number) => {
      const i = Math.round(((fx - (b?.x.min ?? 0)) / ((b?.x.max ?? 1) - (b?.x.min ?? 0))) * 59);
      const j = Math.round(((fy - (b?.y.min ?? 0)) / ((b?.y.max ?? 1) - (b?.y.min ?? 0))) * 59);
      return b?.values[j * 60 + i];
    };
    expect([at(0, 0), at(0, 1), at(1, 0), at(1, 1)]).toEqual([0, 1, 1, 0]);
    expect(b?.points).toEqual({
      x: [0, 0, 1, 1],
      y: [0, 1, 0, 1],
      target: [0, 1, 1, 0],
    });
  });

  it("evaluates the saved run folder's best checkpoint, given the inline data run.json only counts", async () => {
    const run = await trained("xor", { epochs: 300 });
    await expect(evaluateRun(await modelFromRunDir(run.runDir, {}), { split: "train" })).rejects.toMatchObject({
      code: "E_EVAL_NO_DATA",
    });
    const m = await modelFromRunDir(run.runDir, { runData: run.start.data as never });
    try {
      const r = await evaluateRun(m, { split: "train" });
      expect(r).toMatchObject({ task: "binary", weights: "best", accuracy: 1, samples: 4 });
    } finally {
      m.dispose();
    }
    await expect(modelFromRunDir(`${run.runDir}/missing`, {})).rejects.toMatchObject({ code: "E_EVAL_RUN" });
  });
});

describe("generative models", () => {
  it("shows an autoencoder's reconstructions (the VAE template)", async () => {
    const run = await trained("vae", { epochs: 5 });
    const r = (await evaluateRun(modelInMemory(run.handle, run.start), {})) as ReportOf<"autoencoder">;
    expect(r.task).toBe("autoencoder");
    expect(r.reconstructions.shape).toEqual([4]);
    expect(r.reconstructions.inputs).toHaveLength(16);
    expect(r.reconstructions.outputs).toHaveLength(16);
    expect(r.reconstructions.outputs[0]).toHaveLength(4);
    expect(r.mse).toBeGreaterThan(0);
  });

  it("draws fresh GAN samples next to real ones (the GAN ring)", async () => {
    const run = await trained("gan-ring", { epochs: 2 });
    const r = (await evaluateRun(modelInMemory(run.handle, run.start), {})) as ReportOf<"gan">;
    expect(r.task).toBe("gan");
    expect(r.generated.shape).toEqual([r.samples, 2]);
    expect(r.generated.values).toHaveLength(r.samples * 2);
    expect(r.real?.shape[1]).toBe(2);
    const again = (await evaluateRun(modelInMemory(run.handle, run.start), {})) as ReportOf<"gan">;
    expect(again.generated.values).toEqual(r.generated.values); // seeded noise: same model, same samples
    // It trained on every real sample: a held-out part is refused, not answered with training samples.
    for (const split of ["validation", "test"] as const)
      await expect(evaluateRun(modelInMemory(run.handle, run.start), { split })).rejects.toMatchObject({
        code: "E_EVAL_NO_SPLIT",
        message: expect.stringContaining(`no ${split} part`),
      });
  });
});

const PYTHON = process.env.NETFORGE_PYTHON ?? "/usr/bin/python3";
function sklearnMissing(): string | null {
  const r = spawnSync(PYTHON, ["-c", "import sklearn"], { encoding: "utf8" });
  if (r.error) return `${PYTHON} is not runnable (${r.error.message})`;
  return r.status === 0 ? null : "python3-sklearn is not installed";
}
