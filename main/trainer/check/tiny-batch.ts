import * as tf from "@tensorflow/tfjs";
import type { InlineDataset } from "../../../shared/datasets/inline";
import type { DatasetSpec } from "../../../shared/datasets/spec";
import { mulberry32, permutation } from "../../../shared/random";
import { parseTrainingConfig, type TrainingConfig } from "../../../shared/training/config";
import { type Compiled, compileGraph } from "../compile/compile";
import { sampleCount } from "../run/batches";
import { prepareDataset } from "../run/dataset";
import { ganMarkers } from "../run/gan-data";
import { guardCompile, RunError } from "../run/run-error";
import { assertTrainable } from "../run/trainable";
import { type Scoring, scoring } from "../train/scoring";

/** What the debugging checks (gradient check, overfit a tiny batch) are asked to look at. */
export interface CheckSubject {
  graph: unknown;
  training: unknown;
  data: InlineDataset | DatasetSpec;
}

/** A freshly compiled model and a few fixed samples of the project's training data. */
export interface TinyBatch {
  compiled: Compiled;
  config: TrainingConfig;
  x: tf.Tensor | tf.Tensor[];
  y: tf.Tensor;
  /** Samples taken (fewer than asked for when the training set is smaller). */
  n: number;
  /** Training samples available. */
  available: number;
  score: Scoring;
  dispose(): void;
}

/** Image folders are read without augmentation: the checks want the same samples at every step. */
function withoutAugmentation(data: InlineDataset | DatasetSpec): InlineDataset | DatasetSpec {
  if ("kind" in data || data.source.kind !== "imageFolder") return data;
  const { augmentation: _, ...source } = data.source;
  return { ...data, source } as DatasetSpec;
}

const pick = (t: tf.Tensor, idx: tf.Tensor1D) => tf.gather(t, idx);

/**
 * Compiles the graph on its own (new weights, never a run's) and takes `want` samples of the
 * training part, chosen by a seeded shuffle so a table sorted by class still gives every class.
 * Nothing is written: no run folder, no preprocessing file.
 */
export async function tinyBatch(subject: CheckSubject, want: number, seed = 1): Promise<TinyBatch> {
  const parsed = parseTrainingConfig(subject.training);
  if (!parsed.ok)
    throw new RunError("E_CONFIG", `training settings: ${parsed.issues.map((i) => i.message).join("; ")}`);
  if (ganMarkers(subject.graph))
    throw new RunError(
      "E_CONFIG",
      "a GAN's generator and discriminator train against each other, not on one loss: the gradient check and overfit a tiny batch take models trained on one loss",
    );
  const config: TrainingConfig = { ...parsed.config, batchSize: want, shuffle: false };
  if (config.optimizer.type === "perceptron")
    throw new RunError(
      "E_CONFIG",
      "the perceptron rule updates on mistakes, not on gradients (its step has none): choose a gradient optimizer (SGD, Adam, ...) to check gradients or overfit a batch",
    );
  // As a seeded run does (fit.ts): the same seed gives the same initial weights and answer. The
  // generator is put back afterwards, so the check leaves later unseeded runs as they were.
  const previousRandom = Math.random;
  if (config.seed !== null) Math.random = mulberry32(config.seed);
  let compiled: Compiled;
  try {
    compiled = guardCompile(() => compileGraph(subject.graph));
  } catch (error) {
    Math.random = previousRandom;
    throw error;
  }
  try {
    assertTrainable(compiled);
    const data = await prepareDataset(withoutAugmentation(subject.data), compiled, config);
    try {
      let x: tf.Tensor | tf.Tensor[];
      let y: tf.Tensor;
      if ("train" in data) {
        const first = await data.train(0)[Symbol.asyncIterator]().next();
        if (first.done) throw new RunError("E_DATA_SHAPE", "the training data holds no samples");
        ({ x, y } = first.value);
      } else {
        const order = permutation(data.n, mulberry32(seed)).slice(0, Math.min(want, data.n));
        const idx = tf.tensor1d(
          Array.from(order).sort((a, b) => a - b),
          "int32",
        );
        x = Array.isArray(data.x) ? data.x.map((t) => pick(t, idx)) : pick(data.x, idx);
        y = pick(data.y, idx);
        idx.dispose();
      }
      const n = sampleCount(x);
      if (n === 0) throw new RunError("E_DATA_SHAPE", "the training data holds no samples");
      return {
        compiled,
        config,
        x,
        y,
        n,
        available: data.n,
        score: scoring(config, "paddingClass" in data ? data.paddingClass : undefined),
        dispose: () => {
          tf.dispose([x, y].flat());
          compiled.model.dispose();
          Math.random = previousRandom;
        },
      };
    } finally {
      data.dispose();
    }
  } catch (error) {
    compiled.model.dispose();
    Math.random = previousRandom;
    throw error;
  }
}
