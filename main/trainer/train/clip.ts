import * as tf from "@tensorflow/tfjs";
import type { ClippingConfig } from "../../../shared/training/config";

/**
 * Gradient clipping (tfjs optimizers have none). Inputs are never disposed; the result holds new
 * tensors the caller owns (or the same ones when nothing is clipped: check with `changed`).
 */
export interface Clipped {
  grads: tf.NamedTensorMap;
  /** The global L2 norm before clipping (computed only for norm clipping). */
  norm?: number;
  changed: boolean;
}

/** Each element into [-clipValue, clipValue] (Keras' clipvalue). */
export function clipByValue(grads: tf.NamedTensorMap, clipValue: number): tf.NamedTensorMap {
  return Object.fromEntries(Object.entries(grads).map(([k, g]) => [k, tf.clipByValue(g, -clipValue, clipValue)]));
}

/** sqrt(sum over all gradients of their squared elements), as a scalar tensor. */
export function globalNorm(grads: tf.NamedTensorMap): tf.Scalar {
  return tf.tidy(() => tf.sqrt(tf.addN(Object.values(grads).map((g) => tf.sum(tf.square(g))))) as tf.Scalar);
}

/**
 * Rescales all gradients together by clipNorm / max(norm, clipNorm), keeping their direction
 * (TensorFlow's clip_by_global_norm, Keras' global_clipnorm): (3, 4) with clipNorm 1 -> (0.6, 0.8).
 */
export function clipByGlobalNorm(
  grads: tf.NamedTensorMap,
  clipNorm: number,
): { grads: tf.NamedTensorMap; norm: number } {
  const normT = globalNorm(grads);
  const norm = normT.dataSync()[0];
  normT.dispose();
  const scale = clipNorm / Math.max(norm, clipNorm);
  if (!(scale < 1)) return { grads, norm }; // within the bound (or NaN: left for divergence detection)
  return { grads: Object.fromEntries(Object.entries(grads).map(([k, g]) => [k, tf.mul(g, scale)])), norm };
}

export function clipGradients(grads: tf.NamedTensorMap, clipping: ClippingConfig): Clipped {
  switch (clipping.type) {
    case "none":
      return { grads, changed: false };
    case "value":
      return { grads: clipByValue(grads, clipping.clipValue), changed: true };
    case "norm": {
      const r = clipByGlobalNorm(grads, clipping.clipNorm);
      return { grads: r.grads, norm: r.norm, changed: r.grads !== grads };
    }
  }
}
