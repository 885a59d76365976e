import type * as tf from "@tensorflow/tfjs";
import { STEP_DETAIL_MAX_VALUES, type TensorView } from "../../../shared/api/schemas/step-through";

/** A tensor for the step-through: its values when `detailed` and small enough, and its summary. */
export function viewOf(t: tf.Tensor, detailed: boolean): TensorView {
  const data = t.dataSync();
  let sum = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const v of data) {
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const n = Math.max(data.length, 1);
  const mean = sum / n;
  let sq = 0;
  for (const v of data) sq += (v - mean) ** 2;
  const list = detailed && data.length <= STEP_DETAIL_MAX_VALUES;
  return {
    shape: t.shape.slice(),
    ...(list ? { values: Array.from(data) } : {}),
    mean,
    std: Math.sqrt(sq / n),
    min: data.length ? min : 0,
    max: data.length ? max : 0,
  };
}
