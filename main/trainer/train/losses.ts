import * as tf from "@tensorflow/tfjs";
import type { LossConfig, OptimizerType } from "../../../shared/training/config";

/**
 * Losses as tfjs functions (labels, predictions) -> scalar, with Keras' definitions: a per-sample
 * value reduced over the last axis, then the mean over the batch (and any other leading axes).
 * Built from ops that have gradients on cpu and wasm (no comparisons on the prediction path).
 */
export type LossFn = (yTrue: tf.Tensor, yPred: tf.Tensor) => tf.Scalar;

/** Keras' backend epsilon, used for clipping probabilities and guarding divisions. */
const EPS = 1e-7;

const meanOverBatch = (perSample: tf.Tensor): tf.Scalar => tf.mean(perSample);
/** mean over the last axis per sample, then over the batch: for equal-sized samples, the mean of all. */
const meanLast = (x: tf.Tensor): tf.Scalar => meanOverBatch(tf.mean(x, -1));
const sumLast = (x: tf.Tensor): tf.Scalar => meanOverBatch(tf.sum(x, -1));

/**
 * Keras' `_maybe_convert_labels` for the hinge losses: when every label of the batch is 0 or 1 they
 * become -1/+1 (2y - 1); labels already in -1/+1 pass through (1 maps to 1, so mixed batches agree).
 */
export function signedLabels(y: tf.Tensor): tf.Tensor {
  return tf.tidy(() => {
    const binary = tf.cast(tf.all(tf.logicalOr(tf.equal(y, 0), tf.equal(y, 1))), "float32");
    return tf.add(y, tf.mul(binary, tf.sub(y, 1))); // y + b (y - 1): 2y - 1 when binary, else y
  });
}

const mse: LossFn = (y, p) => tf.tidy(() => meanLast(tf.squaredDifference(p, y)));
const mae: LossFn = (y, p) => tf.tidy(() => meanLast(tf.abs(tf.sub(p, y))));

const msle: LossFn = (y, p) =>
  tf.tidy(() => {
    const logP = tf.log1p(tf.maximum(p, EPS));
    const logY = tf.log1p(tf.maximum(y, EPS));
    return meanLast(tf.squaredDifference(logP, logY));
  });

const mape: LossFn = (y, p) =>
  tf.tidy(() => tf.mul(100, meanLast(tf.div(tf.abs(tf.sub(y, p)), tf.maximum(tf.abs(y), EPS)))) as tf.Scalar);

/** 0.5 e² for |e| <= delta, delta (|e| - delta/2) beyond: written with min() so the gradient is smooth. */
export function huber(delta: number): LossFn {
  return (y, p) =>
    tf.tidy(() => {
      const absErr = tf.abs(tf.sub(p, y));
      const quadratic = tf.minimum(absErr, delta);
      const linear = tf.sub(absErr, quadratic);
      return meanLast(tf.add(tf.mul(0.5, tf.square(quadratic)), tf.mul(delta, linear)));
    });
}

/** log(cosh(x)) = x + softplus(-2x) - log 2, stable for large |x| (Keras' form). */
const logCosh: LossFn = (y, p) =>
  tf.tidy(() => {
    const x = tf.sub(p, y);
    return meanLast(tf.sub(tf.add(x, tf.softplus(tf.mul(-2, x))), Math.log(2)));
  });

function binaryCrossentropy(fromLogits: boolean): LossFn {
  return (y, p) =>
    tf.tidy(() => {
      if (fromLogits) {
        // max(x, 0) - x y + log(1 + exp(-|x|)): the stable sigmoid cross-entropy.
        return meanLast(tf.add(tf.sub(tf.relu(p), tf.mul(p, y)), tf.log1p(tf.exp(tf.neg(tf.abs(p))))));
      }
      const q = tf.clipByValue(p, EPS, 1 - EPS);
      const ll = tf.add(tf.mul(y, tf.log(q)), tf.mul(tf.sub(1, y), tf.log(tf.sub(1, q))));
      return meanLast(tf.neg(ll));
    });
}

function categoricalCrossentropy(fromLogits: boolean): LossFn {
  return (y, p) =>
    tf.tidy(() => {
      if (fromLogits) return sumLast(tf.neg(tf.mul(y, tf.logSoftmax(p))));
      // Keras renormalizes the probabilities, then clips them away from 0 and 1.
      const q = tf.clipByValue(tf.div(p, tf.sum(p, -1, true)), EPS, 1 - EPS);
      return sumLast(tf.neg(tf.mul(y, tf.log(q))));
    });
}

/** Integer class labels of shape [batch] (or [batch, 1], or [batch, T] for sequence outputs). */
function sparseCategoricalCrossentropy(fromLogits: boolean): LossFn {
  const cce = categoricalCrossentropy(fromLogits);
  return (y, p) =>
    tf.tidy(() => {
      const classes = p.shape[p.shape.length - 1] as number;
      const labels = y.rank === p.rank ? tf.squeeze(y, [-1]) : y;
      const oneHot = tf.reshape(tf.oneHot(tf.cast(tf.reshape(labels, [-1]), "int32"), classes), p.shape);
      return cce(tf.cast(oneHot, "float32"), p);
    });
}

const hinge: LossFn = (y, p) => tf.tidy(() => meanLast(tf.relu(tf.sub(1, tf.mul(signedLabels(y), p)))));
const squaredHinge: LossFn = (y, p) =>
  tf.tidy(() => meanLast(tf.square(tf.relu(tf.sub(1, tf.mul(signedLabels(y), p))))));

/** max(0, 1 + max_{j != true} ŷ_j - ŷ_true) for one-hot labels. */
const categoricalHinge: LossFn = (y, p) =>
  tf.tidy(() => {
    const pos = tf.sum(tf.mul(y, p), -1);
    const neg = tf.max(tf.mul(tf.sub(1, y), p), -1);
    return meanOverBatch(tf.relu(tf.add(tf.sub(neg, pos), 1)));
  });

const kullbackLeiblerDivergence: LossFn = (y, p) =>
  tf.tidy(() => {
    const t = tf.clipByValue(y, EPS, 1);
    const q = tf.clipByValue(p, EPS, 1);
    return sumLast(tf.mul(t, tf.log(tf.div(t, q))));
  });

const poisson: LossFn = (y, p) => tf.tidy(() => meanLast(tf.sub(p, tf.mul(y, tf.log(tf.add(p, EPS))))));

/** Keras' cosine_similarity loss: minus the cosine, so -1 is a perfect match. */
const cosineSimilarity: LossFn = (y, p) =>
  tf.tidy(() => {
    const unit = (x: tf.Tensor) => tf.mul(x, tf.rsqrt(tf.maximum(tf.sum(tf.square(x), -1, true), 1e-12)));
    return sumLast(tf.neg(tf.mul(unit(y), unit(p))));
  });

/**
 * Half the summed squared error over the batch and the outputs: the 2-2-2 backprop example's E_total,
 * and the perceptron criterion: with a straight-through step (dŷ/dz = 1) its gradient is (ŷ - y) x per
 * sample, so SGD with rate η applies the perceptron rule W <- W + η (y - ŷ) x (zero when y = ŷ).
 */
export const halfSumSquaredError: LossFn = (y, p) => tf.tidy(() => tf.mul(0.5, tf.sum(tf.squaredDifference(p, y))));

export function lossFunction(loss: LossConfig): LossFn {
  switch (loss.type) {
    case "meanSquaredError":
      return mse;
    case "meanAbsoluteError":
      return mae;
    case "meanSquaredLogarithmicError":
      return msle;
    case "meanAbsolutePercentageError":
      return mape;
    case "huber":
      return huber(loss.delta);
    case "logCosh":
      return logCosh;
    case "binaryCrossentropy":
      return binaryCrossentropy(loss.fromLogits);
    case "categoricalCrossentropy":
      return categoricalCrossentropy(loss.fromLogits);
    case "sparseCategoricalCrossentropy":
      return sparseCategoricalCrossentropy(loss.fromLogits);
    case "hinge":
      return hinge;
    case "squaredHinge":
      return squaredHinge;
    case "categoricalHinge":
      return categoricalHinge;
    case "kullbackLeiblerDivergence":
      return kullbackLeiblerDivergence;
    case "poisson":
      return poisson;
    case "cosineSimilarity":
      return cosineSimilarity;
  }
}

/**
 * The loss the optimizer minimizes (and evaluation reports): with the perceptron optimizer, the
 * perceptron criterion replaces the configured loss.
 */
export function trainingLoss(loss: LossConfig, optimizer: OptimizerType): LossFn {
  return optimizer === "perceptron" ? halfSumSquaredError : lossFunction(loss);
}
