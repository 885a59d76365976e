import * as tf from "@tensorflow/tfjs";
import type { TrainingConfig } from "../../../shared/training/config";

/** Squashes logits and hinge scores into (0, 1), so views read probabilities whatever the loss. */
export function toProbabilities(p: tf.Tensor, config: TrainingConfig): tf.Tensor {
  const logits = "fromLogits" in config.loss && config.loss.fromLogits;
  const type = config.loss.type;
  if ((logits && type === "binaryCrossentropy") || type === "hinge" || type === "squaredHinge") return tf.sigmoid(p);
  if (logits) return tf.softmax(p);
  return p.clone();
}
