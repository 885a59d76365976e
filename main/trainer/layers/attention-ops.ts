import * as tf from "@tensorflow/tfjs";
import { pick, pickOptional } from "./weight-init";

/**
 * Attention as plain functions over tensors and weights, shared by the attention layers and the
 * Transformer blocks. Only matMul, reshape, transpose, softmax, slice and element-wise ops: tfjs'
 * own nlp layers use einsum, which has no gradient and no wasm kernel.
 */

/** Added to masked scores: exp(-1e9 - max) underflows to exactly 0 in float32. */
const MASKED = -1e9;

/**
 * The causal mask as an additive constant [tq, tk]: 0 where key j <= query i, -1e9 above the
 * diagonal (Keras' use_causal_mask, a lower-triangular ones(tq, tk)). Built in JS, so no comparison
 * op (which has no gradient in tfjs) sits on the training path.
 */
export function causalBias(tq: number, tk: number): tf.Tensor2D {
  const data = new Float32Array(tq * tk);
  for (let i = 0; i < tq; i++) data.fill(MASKED, i * tk + Math.min(i + 1, tk), (i + 1) * tk);
  return tf.tensor2d(data, [tq, tk]);
}

export interface AttendOptions {
  /** Multiplies the scores: 1 / sqrt(d_k) for scaled dot-product attention, 1 for Luong. */
  scale: number;
  causal: boolean;
  /** Dropout rate on the attention weights, applied only when training. */
  dropout: number;
  training: boolean;
}

/** Dropout at training time only (tf.dropout scales the kept units by 1 / (1 - rate)). */
export function trainingDropout(x: tf.Tensor, rate: number, training: boolean): tf.Tensor {
  return training && rate > 0 ? tf.dropout(x, rate) : x;
}

/** Attention weights softmax(scores * scale + M) over the last axis (the keys). */
export function attentionWeights(scores: tf.Tensor, o: AttendOptions): tf.Tensor {
  let s = o.scale === 1 ? scores : tf.mul(scores, o.scale);
  if (o.causal) s = tf.add(s, causalBias(s.shape[s.rank - 2] as number, s.shape[s.rank - 1] as number));
  return trainingDropout(tf.softmax(s), o.dropout, o.training);
}

/** softmax(q k^T * scale + M) v; q [..., Tq, dk], k [..., Tk, dk], v [..., Tk, dv] -> [..., Tq, dv]. */
export function attend(q: tf.Tensor, k: tf.Tensor, v: tf.Tensor, o: AttendOptions): tf.Tensor {
  return tf.matMul(attentionWeights(tf.matMul(q, k, false, true), o), v);
}

/** x [B, T, d] times kernel [d, n] plus bias [n], as one 2-D matMul. */
export function dense(x: tf.Tensor, kernel: tf.Tensor, bias: tf.Tensor | null): tf.Tensor {
  const [b, t, d] = x.shape as [number, number, number];
  const n = kernel.shape[kernel.rank - 1] as number;
  let y = tf.matMul(tf.reshape(x, [b * t, d]), tf.reshape(kernel, [d, -1]));
  if (bias) y = tf.add(y, tf.reshape(bias, [-1]));
  return tf.reshape(y, [b, t, n]);
}

/** Per-head projection: x [B, T, d] with kernel [d, H, k] and bias [H, k] -> [B, H, T, k]. */
export function projectHeads(x: tf.Tensor, kernel: tf.Tensor, bias: tf.Tensor | null): tf.Tensor {
  const [b, t, d] = x.shape as [number, number, number];
  const [, h, k] = kernel.shape as [number, number, number];
  let y = tf.matMul(tf.reshape(x, [b * t, d]), tf.reshape(kernel, [d, h * k]));
  if (bias) y = tf.add(y, tf.reshape(bias, [h * k]));
  return tf.transpose(tf.reshape(y, [b, t, h, k]), [0, 2, 1, 3]);
}

/** Heads [B, H, T, dv] concatenated and projected by kernel [H, dv, dOut] plus bias [dOut]. */
export function mergeHeads(o: tf.Tensor, kernel: tf.Tensor, bias: tf.Tensor | null): tf.Tensor {
  const [b, h, t, dv] = o.shape as [number, number, number, number];
  const dOut = kernel.shape[2] as number;
  const concat = tf.reshape(tf.transpose(o, [0, 2, 1, 3]), [b * t, h * dv]);
  let y = tf.matMul(concat, tf.reshape(kernel, [h * dv, dOut]));
  if (bias) y = tf.add(y, bias);
  return tf.reshape(y, [b, t, dOut]);
}

export interface MhaOptions {
  causal: boolean;
  dropout: number;
  training: boolean;
}

/**
 * Keras MultiHeadAttention over the weights `${prefix}query/kernel` ... `${prefix}attentionOutput/bias`
 * (biases optional): head_h = softmax(Q_h K_h^T / sqrt(keyDim) + M) V_h, out = Concat(heads) W_O + b_O.
 */
export function multiHeadAttention(
  weights: Map<string, tf.LayerVariable>,
  prefix: string,
  query: tf.Tensor,
  value: tf.Tensor,
  key: tf.Tensor,
  o: MhaOptions,
): tf.Tensor {
  const w = (name: string) => pick(weights, `${prefix}${name}/kernel`);
  const b = (name: string) => pickOptional(weights, `${prefix}${name}/bias`);
  const q = projectHeads(query, w("query"), b("query"));
  const k = projectHeads(key, w("key"), b("key"));
  const v = projectHeads(value, w("value"), b("value"));
  const keyDim = q.shape[3] as number;
  const heads = attend(q, k, v, { ...o, scale: 1 / Math.sqrt(keyDim) });
  return mergeHeads(heads, w("attentionOutput"), b("attentionOutput"));
}

/** Layer normalization over the last axis: (x - mean) / sqrt(var + eps) * gamma + beta. */
export function layerNorm(x: tf.Tensor, gamma: tf.Tensor, beta: tf.Tensor, eps: number): tf.Tensor {
  const mean = tf.mean(x, -1, true);
  const centered = tf.sub(x, mean);
  const variance = tf.mean(tf.square(centered), -1, true);
  return tf.add(tf.mul(tf.mul(centered, tf.rsqrt(tf.add(variance, eps))), gamma), beta);
}
