import type * as tf from "@tensorflow/tfjs";
import type { Scoring } from "../train/scoring";
import { type BatchStream, evaluateBatches } from "./batches";
import type { PreparedData } from "./data";
import { evaluateTensors } from "./infer";

/**
 * An epoch's metrics: the training loss and metrics are the epoch's running averages in training
 * mode, as Keras reports them; validation is scored in inference mode after the epoch, on the
 * in-memory validation tensors or the stream's validation batches.
 */
export async function epochScores(
  model: tf.LayersModel,
  training: { lossSum: number; seen: number; running: Record<string, number | null> },
  data: { memory: PreparedData | null; stream: BatchStream | null },
  score: Scoring,
): Promise<Record<string, number | null>> {
  const metrics: Record<string, number | null> = {
    loss: training.lossSum / Math.max(training.seen, 1),
    ...training.running,
  };
  const { memory, stream } = data;
  if (memory?.validation)
    Object.assign(metrics, evaluateTensors(model, memory.validation.x, memory.validation.y, score, "val_"));
  else if (stream?.validation) Object.assign(metrics, await evaluateBatches(model, stream.validation(), score, "val_"));
  return metrics;
}
