import * as tf from "@tensorflow/tfjs";
import type { DataSource } from "../../../shared/datasets/spec";
import { regressionScores, residuals } from "../../../shared/evaluation/regression";
import { EVALUATION_LIMITS, type ReportOf } from "../../../shared/evaluation/report";
import type { EvaluateOptions } from "../../../shared/evaluation/request";
import type { Pass } from "./evaluate";
import { decisionBoundary } from "./evaluate-boundary";
import type { EvalSet } from "./evaluate-data";
import { flatten } from "./evaluate-inputs";
import { type EvalModel, EvaluationError } from "./evaluate-model";
import { realArrays } from "./gan-data";

type Base = Pick<ReportOf<"regression">, "set" | "weights" | "samples" | "loss" | "metrics" | "notes">;
const product = (shape: readonly (number | null)[]) => shape.reduce<number>((a, d) => a * (d ?? 1), 1);

/** Regression: MAE, MSE, RMSE, R², adjusted R², predicted vs actual and residuals, boundary for 2 features. */
export function regressionReport(base: Base, pass: Pass, set: EvalSet, m: EvalModel): ReportOf<"regression"> {
  const outputs = product(pass.outShape);
  const features = m.compiled.model.inputs.reduce((a, t) => a + product(t.shape.slice(1)), 0);
  const s = regressionScores(pass.y, pass.out, outputs, features);
  const total = pass.y.length;
  const shown = Math.min(total, EVALUATION_LIMITS.scatterPoints);
  const pick = Array.from({ length: shown }, (_, i) => Math.floor((i * total) / shown));
  const actual = pick.map((i) => pass.y[i]);
  const predicted = pick.map((i) => pass.out[i]);
  if (total > shown) base.notes.push(`the scatter and residual plots show ${shown} of ${total} values, evenly spaced`);
  const firstOutput = Float32Array.from({ length: pass.n }, (_, i) => pass.y[i * outputs]);
  return {
    task: "regression",
    ...base,
    outputs,
    features,
    ...s,
    scatter: { actual, predicted, residual: residuals(actual, predicted) },
    boundary: pass.xy ? decisionBoundary(m.compiled.model, m.config, pass.xy, firstOutput, "value", axesOf(set)) : null,
  };
}

function axesOf(set: EvalSet): [string, string] {
  const names = set.featureNames;
  return names && names.length === 2 ? [names[0], names[1]] : ["x[0]", "x[1]"];
}

/** Autoencoders: reconstruction errors and the first inputs next to their reconstructions. */
export function autoencoderReport(base: Base, pass: Pass): ReportOf<"autoencoder"> {
  const s = regressionScores(pass.y, pass.out);
  const size = pass.out.length / pass.n;
  const cap = EVALUATION_LIMITS.sampleValues;
  if (size > cap) base.notes.push(`reconstructions show the first ${cap} of ${size} values per sample`);
  const rows = pass.firstInputs.length;
  return {
    task: "autoencoder",
    ...base,
    mse: s.mse,
    mae: s.mae,
    reconstructions: {
      shape: pass.inputShape ?? [size],
      inputs: pass.firstInputs.map((x) => Array.from(x.subarray(0, cap))),
      outputs: Array.from({ length: rows }, (_, i) =>
        Array.from(pass.out.subarray(i * size, i * size + Math.min(size, cap))),
      ),
    },
  };
}

/**
 * GANs have no targets to score: fresh generator samples (seeded with the run's seed, so two
 * evaluations of one model agree) beside as many real samples, for the eye to compare.
 */
export async function ganReport(m: EvalModel, opts: EvaluateOptions): Promise<ReportOf<"gan">> {
  // The GAN loop learns from every real sample: there is no held-out part to show instead.
  if (!opts.data && opts.split !== undefined && opts.split !== "train")
    throw new EvaluationError(
      "E_EVAL_NO_SPLIT",
      `a GAN trains on every real sample, so its data has no ${opts.split} part; evaluate its training samples (split train) or other data`,
    );
  const g = m.compiled.model;
  const latent = g.inputs[0].shape.slice(1) as number[];
  const sample = product(g.outputs[0].shape.slice(1));
  const count = Math.max(1, Math.min(256, Math.floor((16 * EVALUATION_LIMITS.sampleValues) / sample)));
  const generated = tf.tidy(() => {
    const noise = tf.randomNormal([count, ...latent], 0, 1, "float32", m.config.seed ?? undefined);
    const out = g.predict(noise) as tf.Tensor;
    return { shape: out.shape, values: Array.from(out.dataSync()) };
  });
  const data = opts.data ?? m.runData;
  return {
    task: "gan",
    set: opts.data ? "data" : "train",
    weights: m.weights,
    weightsEpoch: m.epoch,
    samples: count,
    loss: null,
    metrics: {},
    notes: [...m.notes],
    generated,
    real: data ? await realSamples("kind" in data ? data : data.source, count) : null,
  };
}

async function realSamples(source: DataSource, count: number): Promise<{ shape: number[]; values: number[] }> {
  if (source.kind === "inline") {
    const rows = source.x.slice(0, count).map(flatten);
    return { shape: [rows.length, ...rows[0].shape], values: rows.flatMap((r) => r.values) };
  }
  const a = await realArrays(source);
  const rows = Math.min(count, a.xShape[0]);
  const per = product(a.xShape.slice(1));
  return { shape: [rows, ...a.xShape.slice(1)], values: Array.from(a.x.subarray(0, rows * per)) };
}
