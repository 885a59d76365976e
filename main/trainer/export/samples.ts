import * as tf from "@tensorflow/tfjs";
import type { InlineDataset } from "../../../shared/datasets/inline";
import type { DatasetSpec } from "../../../shared/datasets/spec";
import type { SampleTensor } from "../../../shared/onnx/trainer-job";
import { defaultTrainingConfig, parseTrainingConfig } from "../../../shared/training/config";
import type { Compiled } from "../compile/compile";
import { prepareDataset } from "../run/dataset";

/** Where the verification inputs came from. */
export type SampleSource = "validation" | "training" | "random";

export interface VerificationInputs {
  source: SampleSource;
  /** One tensor per model input, in the model's input order, `count` samples each. */
  xs: tf.Tensor[];
  count: number;
  warnings: string[];
}

/** An unknown sample dimension (a sequence length, say) takes this size in random inputs. */
const UNKNOWN_DIM = 8;

/**
 * Inputs to compare the exported file with the model on: the first `n` samples of the run's
 * validation part, else of its training part (the data the model was trained on, preprocessed
 * as in training), else seeded random inputs. A GAN's generator reads noise, so it gets random
 * inputs, as does a project without data. A data set that cannot be read falls back to random
 * inputs with a warning rather than failing the export.
 */
export async function verificationInputs(
  compiled: Compiled,
  opts: { samples: number; seed: number; data?: InlineDataset | DatasetSpec; training?: unknown; gan: boolean },
): Promise<VerificationInputs> {
  const warnings: string[] = [];
  if (!opts.data && !opts.gan)
    warnings.push("verified on seeded random inputs: there is no data to take a sample from");
  if (opts.data && !opts.gan) {
    try {
      const found = await fromData(compiled, opts.data, opts.training, opts.samples);
      if (found) return { ...found, warnings };
      warnings.push("the run's data has no samples to verify on; verified on seeded random inputs");
    } catch (error) {
      // Inline samples are fed as given, so their x serves even when the targets do not fit.
      const inline = rawInline(compiled, opts.data, opts.samples);
      if (inline) return { ...inline, warnings };
      warnings.push(
        `could not read the run's data for verification (${error instanceof Error ? error.message : String(error)}); verified on seeded random inputs`,
      );
    }
  }
  return { source: "random", xs: randomInputs(compiled, opts.samples, opts.seed), count: opts.samples, warnings };
}

async function fromData(
  compiled: Compiled,
  data: InlineDataset | DatasetSpec,
  training: unknown,
  n: number,
): Promise<Omit<VerificationInputs, "warnings"> | null> {
  const parsed = parseTrainingConfig(training);
  const config = parsed.ok ? parsed.config : defaultTrainingConfig();
  const prepared = await prepareDataset(data, compiled, config);
  try {
    if ("train" in prepared) {
      // A streamed image folder: gather batches until n samples.
      const source: SampleSource = prepared.validation ? "validation" : "training";
      const batches = prepared.validation ? prepared.validation() : prepared.train(0);
      const parts: tf.Tensor[][] = [];
      let count = 0;
      for await (const batch of batches) {
        const xs = Array.isArray(batch.x) ? batch.x : [batch.x];
        parts.push(xs);
        tf.dispose(batch.y);
        count += xs[0].shape[0];
        if (count >= n) break;
      }
      if (count === 0) return null;
      const xs = parts[0].map((_, i) =>
        tf.tidy(() => {
          const all = parts.length === 1 ? parts[0][i] : tf.concat(parts.map((p) => p[i]));
          return all.slice(0, Math.min(n, count));
        }),
      );
      tf.dispose(parts.flat());
      return { source, xs, count: Math.min(n, count) };
    }
    const part = prepared.validation ?? prepared;
    const all = Array.isArray(part.x) ? part.x : [part.x];
    const count = Math.min(n, all[0].shape[0]);
    if (count === 0) return null;
    return {
      source: prepared.validation ? "validation" : "training",
      xs: all.map((x) => x.slice(0, count)),
      count,
    };
  } finally {
    prepared.dispose();
  }
}

/** The first n samples of inline data as they are, for a single-Input model whose shape they fit. */
function rawInline(
  compiled: Compiled,
  data: InlineDataset | DatasetSpec,
  n: number,
): Omit<VerificationInputs, "warnings"> | null {
  const inline = "kind" in data ? data : data.source.kind === "inline" ? data.source : null;
  if (!inline || compiled.inputs.length !== 1) return null;
  const input = compiled.model.inputs[0];
  const rows = inline.x.slice(0, n);
  try {
    const x = tf.tensor(rows as number[], undefined, input.dtype === "int32" ? "int32" : "float32");
    const fits =
      x.rank === input.shape.length && input.shape.every((d, i) => i === 0 || d === null || d === x.shape[i]);
    if (fits) return { source: "training", xs: [x], count: rows.length };
    x.dispose();
  } catch {
    // ragged rows: not usable as one tensor
  }
  return null;
}

/**
 * Seeded inputs of the model's shapes: N(0, 1) for float inputs; for an int32 Input (token ids)
 * uniform ids below the smallest vocabulary of the Embeddings it feeds. Ids for a maskZero
 * Embedding look like padded text: real ids (1 and up), then zeros to the end, at varied lengths.
 */
function randomInputs(compiled: Compiled, n: number, seed: number): tf.Tensor[] {
  return compiled.inputs.map((id, i) => {
    const input = compiled.model.inputs[i];
    const shape = [n, ...input.shape.slice(1).map((d) => d ?? UNKNOWN_DIM)];
    if (input.dtype !== "int32") return tf.randomNormal(shape, 0, 1, "float32", seed + i);
    const embeddings = Object.values(compiled.analysis.nodes)
      .filter((node) => node.kind === "Embedding" && node.inputRefs.some((r) => r.source === id))
      .map((node) => node.params as { inputDim: number; maskZero?: boolean });
    const vocab = embeddings.length > 0 ? Math.min(...embeddings.map((e) => e.inputDim)) : 2;
    if (!embeddings.some((e) => e.maskZero) || shape.length !== 2 || vocab < 2)
      return tf.randomUniform(shape, 0, vocab, "int32", seed + i);
    return tf.tidy(() => {
      const ids = tf.randomUniform(shape, 1, vocab, "int32", seed + i);
      const lengths = tf.randomUniform([n, 1], 1, shape[1] + 1, "int32", seed + i + 1);
      const steps = tf.range(0, shape[1], 1, "int32").reshape([1, shape[1]]);
      return tf.mul(ids, tf.cast(tf.less(steps, lengths), "int32"));
    });
  });
}

/** Tensors as plain typed arrays for the reply. */
export function sampleTensors(names: readonly string[], xs: readonly tf.Tensor[]): SampleTensor[] {
  return xs.map((x, i) => ({
    name: names[i],
    dtype: x.dtype === "int32" ? "int32" : "float32",
    shape: [...x.shape],
    data: x.dtype === "int32" ? Int32Array.from(x.dataSync()) : Float32Array.from(x.dataSync()),
  }));
}
