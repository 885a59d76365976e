import * as tf from "@tensorflow/tfjs";
import type { Scoring } from "../train/scoring";
import { sampleCount } from "./batches";

const BATCH = 256;

/**
 * Loss and metrics of a model on tensors, in batches, with an optional name prefix ("val_"). x is
 * a list (one tensor per Input, in the model's input order) for a model with several Inputs.
 */
export function evaluateTensors(
  model: tf.LayersModel,
  x: tf.Tensor | tf.Tensor[],
  y: tf.Tensor,
  score: Scoring,
  prefix: string,
) {
  const preds: tf.Tensor[] = [];
  const n = sampleCount(x);
  for (let i = 0; i < n; i += BATCH) {
    const size = Math.min(BATCH, n - i);
    preds.push(
      tf.tidy(() => model.predict(Array.isArray(x) ? x.map((t) => t.slice(i, size)) : x.slice(i, size)) as tf.Tensor),
    );
  }
  const out: Record<string, number | null> = {};
  tf.tidy(() => {
    const p = preds.length === 1 ? preds[0] : tf.concat(preds);
    out[`${prefix}loss`] = score.loss(y, p).dataSync()[0];
    const metrics = score.metrics();
    metrics.update(y, p);
    for (const [k, v] of Object.entries(metrics.values())) out[`${prefix}${k}`] = v;
  });
  tf.dispose(preds);
  return out;
}

/** The `predict` request: model outputs for raw samples, as nested arrays. */
export function predictModel(model: tf.LayersModel, x: unknown[]): unknown {
  return tf.tidy(() => {
    const input = tf.tensor(x as number[], undefined, model.inputs[0].dtype as "float32" | "int32");
    const y = model.predict(input) as tf.Tensor | tf.Tensor[];
    return Array.isArray(y) ? y.map((t) => t.arraySync()) : y.arraySync();
  });
}
