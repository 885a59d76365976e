import * as tf from "@tensorflow/tfjs";
import type { Scoring } from "../train/scoring";

export interface Batch {
  /** One tensor per model Input (a list when the model has several, in compiled.inputs order). */
  x: tf.Tensor | tf.Tensor[];
  y: tf.Tensor;
}

/** Samples in a batch (or a whole set) of model inputs: the first axis of the first input. */
export function sampleCount(x: tf.Tensor | tf.Tensor[]): number {
  return (Array.isArray(x) ? x[0] : x)?.shape[0] ?? 0;
}

/**
 * Training data that arrives batch by batch (image folders): the loop asks for one epoch's
 * batches at a time and disposes each batch after its step; nothing else is kept in memory.
 */
export interface BatchStream {
  n: number;
  batchesPerEpoch: number;
  train(epoch: number): AsyncIterable<Batch>;
  validation: (() => AsyncIterable<Batch>) | null;
  /** Images skipped so far because they failed to decode. */
  skipped(): number;
  /** Nothing is held between epochs; present so every prepared dataset is disposed alike. */
  dispose(): void;
}

/** Batches of in-memory tensors in a given order (gather per batch; every input of a list alike). */
export async function* tensorBatches(
  x: tf.Tensor | tf.Tensor[],
  y: tf.Tensor,
  order: Int32Array,
  batchSize: number,
): AsyncIterable<Batch> {
  for (let start = 0; start < order.length; start += batchSize) {
    const idx = tf.tensor1d(order.subarray(start, start + batchSize), "int32");
    const batch = { x: Array.isArray(x) ? x.map((t) => tf.gather(t, idx)) : tf.gather(x, idx), y: tf.gather(y, idx) };
    idx.dispose();
    yield batch;
  }
}

/** Loss and metrics over a stream of batches (validation of a streamed dataset), prefixed. */
export async function evaluateBatches(
  model: tf.LayersModel,
  batches: AsyncIterable<Batch>,
  score: Scoring,
  prefix: string,
): Promise<Record<string, number | null>> {
  const metrics = score.metrics();
  let sum = 0;
  let n = 0;
  for await (const b of batches) {
    tf.tidy(() => {
      const p = model.predict(b.x) as tf.Tensor;
      const size = sampleCount(b.x);
      sum += score.loss(b.y, p).dataSync()[0] * size;
      n += size;
      metrics.update(b.y, p);
    });
    tf.dispose([b.x, b.y]);
  }
  const out: Record<string, number | null> = { [`${prefix}loss`]: n > 0 ? sum / n : null };
  for (const [k, v] of Object.entries(metrics.values())) out[`${prefix}${k}`] = v;
  return out;
}
