import * as tf from "@tensorflow/tfjs";
import type { LossConfig, TrainingConfig } from "../../../shared/training/config";
import { type LossFn, lossFunction, trainingLoss } from "./losses";
import { StreamingMetrics } from "./metrics";

/**
 * How a run scores predictions: its loss and a fresh set of its metrics. Sequence targets padded
 * with `paddingClass` (sentence pairs: id 0 after the end token) are left out of both, as Keras'
 * mask_zero does: otherwise the easy padding steps inflate accuracy (epoch-1 accuracy equal to the
 * padding share) and dilute the loss.
 */
export interface Scoring {
  loss: LossFn;
  metrics(): StreamingMetrics;
}

export function scoring(config: TrainingConfig, paddingClass?: number): Scoring {
  const loss =
    paddingClass === undefined
      ? trainingLoss(config.loss, config.optimizer.type)
      : paddingMaskedLoss(config.loss, paddingClass);
  return { loss, metrics: () => new StreamingMetrics(config.metrics, config.loss, paddingClass) };
}

/**
 * (Sparse) categorical crossentropy averaged over the steps whose target is not the padding class.
 * Crossentropy is linear in the one-hot target, so zeroing the padded steps' targets zeroes their
 * terms; the mean over all steps is then rescaled to a mean over the real ones.
 */
export function paddingMaskedLoss(loss: LossConfig, paddingClass: number): LossFn {
  if (loss.type !== "categoricalCrossentropy" && loss.type !== "sparseCategoricalCrossentropy")
    throw new Error(`padding masks a crossentropy loss per step; received ${loss.type}`);
  const cce = lossFunction({ type: "categoricalCrossentropy", fromLogits: loss.fromLogits });
  return (y, p) =>
    tf.tidy(() => {
      const classes = p.shape[p.shape.length - 1] as number;
      const oneHot =
        loss.type === "sparseCategoricalCrossentropy"
          ? tf.reshape(tf.oneHot(tf.cast(tf.reshape(y, [-1]), "int32"), classes), p.shape)
          : y;
      const target = tf.cast(oneHot, "float32");
      const lead = p.shape.slice(0, -1);
      // 1 per real step, 0 per padded one: the target's probability of the padding class.
      const real = tf.sub(1, tf.slice(target, [...lead.map(() => 0), paddingClass], [...lead, 1]));
      const masked = tf.mul(target, real);
      const steps = oneHot.size / classes;
      return tf.mul(cce(masked, p), tf.div(steps, tf.maximum(tf.sum(real), 1))) as tf.Scalar;
    });
}
