import * as tf from "@tensorflow/tfjs";
import type { ExportJob, ExportReply, SampleTensor } from "../../../shared/onnx/trainer-job";
import type { Compiled } from "../compile/compile";
import { ganMarkers } from "../run/gan-data";
import { sampleTensors, verificationInputs } from "./samples";

/**
 * The verification inputs as the network reads them (preprocessed data, else seeded random
 * inputs) and its predictions on them: what a tfjs or bare ONNX export is compared on. The
 * caller disposes `xs`.
 */
export async function networkSample(
  compiled: Compiled,
  verify: NonNullable<ExportJob["verify"]>,
  graph: unknown,
  warnings: string[],
  lap: (phase: string) => void,
): Promise<{ sample: NonNullable<ExportReply["sample"]>; xs: tf.Tensor[] }> {
  const found = await verificationInputs(compiled, { ...verify, gan: ganMarkers(graph) !== null });
  warnings.push(...found.warnings);
  lap("samples");
  const expected = predict(compiled.model, found.xs);
  lap("predict");
  return { sample: { source: found.source, count: found.count, inputs: [], expected }, xs: found.xs };
}

/** Predictions in the model's output order, in batches of 256, as float32 arrays. */
export function predict(model: tf.LayersModel, xs: tf.Tensor[]): SampleTensor[] {
  const y = tf.tidy(() => {
    const out = model.predict(xs.length === 1 ? xs[0] : xs, { batchSize: 256 }) as tf.Tensor | tf.Tensor[];
    return Array.isArray(out) ? out : [out];
  });
  try {
    return sampleTensors(
      y.map((_, i) => `output${i}`),
      y,
    );
  } finally {
    tf.dispose(y);
  }
}

export function named(tensors: SampleTensor[] | undefined, names: readonly string[]): SampleTensor[] {
  for (const [i, t] of (tensors ?? []).entries()) t.name = names[i];
  return tensors ?? [];
}
