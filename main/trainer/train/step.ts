import * as tf from "@tensorflow/tfjs";
import type { ClippingConfig } from "../../../shared/training/config";
import { clipGradients } from "./clip";
import type { LossFn } from "./losses";

/**
 * One custom training step: forward in training mode, loss, penalties, gradients over the chosen
 * variables, clipping, update. tfjs' fit() cannot clip or schedule per batch, and it is where the
 * layer losses (regularizers, the VAE's KL) must be seen to reach the gradient, so the trainer uses
 * this step instead.
 *
 * Penalties: model.calculateLosses() evaluates every layer's addLoss closure (kernel and bias
 * regularizers that tfjs registers when a weight is created, and any term a custom layer registers)
 * inside the gradient tape, right after the forward pass, so a closure may read a tensor its layer
 * stashed during call(). `model.losses` is not used: on a LayersModel it lists only the container's
 * own terms (none). tfjs 4.22 refuses activityRegularizer on symbolic layers ("not supported yet"),
 * so activity penalties must come from a custom layer or from `extraLosses`.
 */
export interface StepOptions {
  /** Per-output loss; with several outputs the losses are summed (Keras' default weights of 1). */
  loss: LossFn;
  clipping?: ClippingConfig;
  /** Extra terms computed from this step's forward pass inside the tape (e.g. a VAE's KL). */
  extraLosses?: (predictions: tf.Tensor[]) => tf.Scalar[];
  /** The variables to update; default all of the model's trainable weights. */
  variables?: tf.Variable[];
  /**
   * Sees this step's training-mode predictions and targets (the epoch's running metrics, as Keras
   * reports them: the same forward pass as the loss). The tensors are freed after it returns.
   */
  observe?: (targets: tf.Tensor[], predictions: tf.Tensor[]) => void;
}

export interface StepResult {
  /** data + regularization + extra: what the optimizer minimized. */
  loss: number;
  dataLoss: number;
  regularizationLoss: number;
  extraLoss: number;
  /** Global gradient norm before clipping, when clipping by norm. */
  gradNorm?: number;
  /**
   * false when the loss or the gradient norm was NaN or infinite: the weights were left as they were,
   * so the trainer can stop with reason "diverged" and keep the last good weights.
   */
  applied: boolean;
}

const list = (t: tf.Tensor | tf.Tensor[]) => (Array.isArray(t) ? t : [t]);

export function trainStep(
  model: tf.LayersModel,
  optimizer: tf.Optimizer,
  xs: tf.Tensor | tf.Tensor[],
  ys: tf.Tensor | tf.Tensor[],
  options: StepOptions,
): StepResult {
  const variables = options.variables ?? model.trainableWeights.map((w) => w.read() as tf.Variable);
  let parts: tf.Tensor | undefined;
  const { value, grads } = optimizer.computeGradients(() => {
    const predictions = list(model.apply(xs, { training: true }) as tf.Tensor | tf.Tensor[]);
    const targets = list(ys);
    if (predictions.length !== targets.length) {
      throw new Error(
        `the model has ${predictions.length} output(s) but ${targets.length} target tensor(s) were given`,
      );
    }
    const data = tf.addN(predictions.map((p, i) => options.loss(targets[i], p))) as tf.Scalar;
    options.observe?.(targets, predictions);
    const sum = (terms: tf.Tensor[]) => (terms.length ? (tf.addN(terms) as tf.Scalar) : tf.scalar(0));
    const regularization = sum(model.calculateLosses());
    const extra = sum(options.extraLosses?.(predictions) ?? []);
    const total = tf.add(tf.add(data, regularization), extra) as tf.Scalar;
    parts = tf.keep(tf.stack([total, data, regularization, extra]));
    return total;
  }, variables);
  value.dispose();

  const [loss, dataLoss, regularizationLoss, extraLoss] = Array.from((parts as tf.Tensor).dataSync());
  (parts as tf.Tensor).dispose();
  const result: StepResult = { loss, dataLoss, regularizationLoss, extraLoss, applied: false };
  if (!Number.isFinite(loss)) {
    tf.dispose(grads);
    return result;
  }
  const clipped = clipGradients(grads, options.clipping ?? { type: "none" });
  if (clipped.norm !== undefined) result.gradNorm = clipped.norm;
  if (clipped.norm === undefined || Number.isFinite(clipped.norm)) {
    optimizer.applyGradients(clipped.grads);
    result.applied = true;
  }
  if (clipped.grads !== grads) tf.dispose(clipped.grads);
  tf.dispose(grads);
  return result;
}
