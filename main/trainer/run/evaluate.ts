import * as tf from "@tensorflow/tfjs";
import { EVALUATION_LIMITS, type EvaluationReport, EvaluationReportSchema } from "../../../shared/evaluation/report";
import type { EvaluateOptions } from "../../../shared/evaluation/request";
import type { TrainingConfig } from "../../../shared/training/config";
import { PAD_ID } from "../../data/text/index";
import { scoring } from "../train/scoring";
import { sampleCount } from "./batches";
import { classesReport } from "./evaluate-classes";
import type { EvalSet } from "./evaluate-data";
import { type EvalModel, EvaluationError } from "./evaluate-model";
import { toProbabilities } from "./evaluate-outputs";
import { sequenceReport } from "./evaluate-sequence";
import { loadEvalSet } from "./evaluate-sources";
import { detectTask } from "./evaluate-task";
import { autoencoderReport, ganReport, regressionReport } from "./evaluate-values";

const BATCH = 256;

/** One pass of the model over an evaluated set: outputs, targets, loss and the run's metrics. */
export interface Pass {
  n: number;
  /** Set position of each row (image folders may skip undecodable files). */
  ids: Int32Array;
  /** Outputs, as probabilities where the loss implies them (logits squashed), [n, outSize] flat. */
  out: Float32Array;
  outShape: number[];
  /** Targets as training shaped them (ids, one-hot rows or values), [n, ySize] flat. */
  y: Float32Array;
  ySize: number;
  loss: number | null;
  metrics: Record<string, number | null>;
  /** Single-Input models: the input shape and the first samples (reconstruction grids). */
  inputShape: number[] | null;
  firstInputs: Float32Array[];
  /** [n, 2] inputs when the model reads exactly two features (decision boundary). */
  xy: Float32Array | null;
  targetsAreInputs: boolean;
  zeroOneTargets: boolean;
}

/** The evaluate request: the report of a run's model on a part of its split or on other data. */
export async function evaluateRun(m: EvalModel, opts: EvaluateOptions): Promise<EvaluationReport> {
  const model = m.compiled.model;
  if (m.gan) return EvaluationReportSchema.parse(await ganReport(m, opts));
  const set = await loadEvalSet(m, opts);
  try {
    const pass = await predictAll(model, set, m.config);
    if (pass.n === 0) throw new EvaluationError("E_EVAL_EMPTY", `the ${set.set} set holds no sample to evaluate`);
    const { task, reason } = detectTask(m.config, {
      gan: false,
      inputs: model.inputs.length,
      outputs: model.outputs.length,
      outputShape: pass.outShape,
      targetsAreInputs: pass.targetsAreInputs,
      zeroOneTargets: pass.zeroOneTargets,
      sequence: set.sequence !== undefined,
    });
    const base = {
      set: set.set,
      weights: m.weights,
      weightsEpoch: m.epoch,
      samples: pass.n,
      loss: pass.loss,
      metrics: pass.metrics,
      notes: [...m.notes, ...set.notes],
    };
    let report: EvaluationReport;
    if (task === "classification" || task === "binary") report = await classesReport(task, base, pass, set, m, opts);
    else if (task === "regression") report = regressionReport(base, pass, set, m);
    else if (task === "autoencoder") report = autoencoderReport(base, pass);
    else if (task === "sequence") report = sequenceReport(base, pass, set);
    else report = { task: "other", ...base, reason: reason ?? "no view for this model" };
    // The report crosses a process boundary: check it against the contract here, where a bug is ours.
    return EvaluationReportSchema.parse(report);
  } finally {
    set.dispose();
  }
}

/** Runs the model over the set in batches, keeping what the reports need (see Pass). */
export async function predictAll(model: tf.LayersModel, set: EvalSet, config: TrainingConfig): Promise<Pass> {
  // Sentence pairs are scored without their padding steps, as training scored them.
  const score = scoring(config, set.sequence ? PAD_ID : undefined);
  const { loss } = score;
  const metrics = score.metrics();
  const outs: Float32Array[] = [];
  const ys: Float32Array[] = [];
  const ids: Int32Array[] = [];
  const xys: Float32Array[] = [];
  const firstInputs: Float32Array[] = [];
  const single = model.inputs.length === 1;
  const inputShape = single ? (model.inputs[0].shape.slice(1) as number[]) : null;
  const twoFeatures = inputShape?.length === 1 && inputShape[0] === 2;
  const perStep = set.sequence !== undefined;
  let lossSum = 0;
  let n = 0;
  let outShape: number[] = [];
  let ySize = 1;
  let targetsAreInputs = false;
  let zeroOneTargets = true;
  for await (const b of set.batches(BATCH)) {
    tf.tidy(() => {
      const raw = model.predict(b.x) as tf.Tensor;
      const size = sampleCount(b.x);
      lossSum += loss(b.y, raw).dataSync()[0] * size;
      metrics.update(b.y, raw);
      outShape = raw.shape.slice(1);
      ySize = b.y.shape.slice(1).reduce((a, d) => a * d, 1);
      // Copies: a backend may hand out its own buffer, which it frees with the tensor. Sequences
      // keep one id per step (steps x vocabulary probabilities would not fit in memory).
      const step = (t: tf.Tensor) => (perStep ? t.argMax(-1) : t);
      outs.push(Float32Array.from(step(toProbabilities(raw, config)).dataSync()));
      const y = Float32Array.from((perStep && b.y.rank === 3 ? step(b.y) : b.y).dataSync());
      for (const v of y) if (v !== 0 && v !== 1) zeroOneTargets = false;
      ys.push(y);
      if (!Array.isArray(b.x) && n === 0) targetsAreInputs = sameValues(b.x, b.y);
      // Inputs are read back only while they are needed (a GPU download per batch is not free).
      if (!Array.isArray(b.x) && (firstInputs.length < EVALUATION_LIMITS.reconstructions || twoFeatures)) {
        const x = b.x.dataSync();
        const per = x.length / size;
        for (let i = 0; firstInputs.length < EVALUATION_LIMITS.reconstructions && i < size; i++)
          firstInputs.push(Float32Array.from(x.subarray(i * per, (i + 1) * per)));
        if (twoFeatures) xys.push(Float32Array.from(x));
      }
      n += size;
    });
    ids.push(b.ids);
    tf.dispose([...(Array.isArray(b.x) ? b.x : [b.x]), b.y]);
  }
  const values = metrics.values();
  return {
    n,
    ids: concat(ids, Int32Array),
    out: concat(outs, Float32Array),
    outShape,
    y: concat(ys, Float32Array),
    ySize,
    loss: n > 0 && Number.isFinite(lossSum) ? lossSum / n : null,
    metrics: Object.fromEntries(Object.entries(values).map(([k, v]) => [k, Number.isFinite(v) ? v : null])),
    inputShape,
    firstInputs,
    xy: twoFeatures ? concat(xys, Float32Array) : null,
    targetsAreInputs,
    zeroOneTargets: n > 0 && zeroOneTargets,
  };
}

function sameValues(x: tf.Tensor, y: tf.Tensor): boolean {
  if (x.shape.join() !== y.shape.join()) return false;
  return tf.tidy(() => tf.max(tf.abs(tf.sub(x.toFloat(), y.toFloat()))).dataSync()[0] < 1e-6);
}

function concat<T extends Float32Array | Int32Array>(parts: T[], Kind: { new (n: number): T }): T {
  const out = new Kind(parts.reduce((a, p) => a + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
