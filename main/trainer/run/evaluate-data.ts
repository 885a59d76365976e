import { readFile } from "node:fs/promises";
import { join } from "node:path";
import * as tf from "@tensorflow/tfjs";
import type { InlineDataset } from "../../../shared/datasets/inline";
import type { DatasetSpec } from "../../../shared/datasets/spec";
import type { SplitIndices } from "../../../shared/datasets/split-indices";
import type { EvaluatedSet, SampleInput } from "../../../shared/evaluation/report";
import type { EvaluateOptions } from "../../../shared/evaluation/request";
import { formatShape } from "../../../shared/shapes/shape";
import { accuracyKind, decisionThreshold, type TrainingConfig } from "../../../shared/training/config";
import { DataError } from "../../data/errors";
import { prepareData } from "./data";
import { flatten, valuesInput } from "./evaluate-inputs";
import { type EvalModel, EvaluationError } from "./evaluate-model";

/** One batch of an evaluated set: model inputs, targets as training shaped them, set positions. */
export interface EvalBatch {
  x: tf.Tensor | tf.Tensor[];
  y: tf.Tensor;
  ids: Int32Array;
}

/**
 * The samples one evaluation runs on, in the run's preprocessing: a part of the run's own split
 * (recomputed exactly as training did: same seed, same statistics fitted on the same rows) or
 * other data put through the run's saved preprocessing. Images stream; the rest is in memory.
 */
export interface EvalSet {
  set: EvaluatedSet;
  n: number;
  batches(size: number): AsyncIterable<EvalBatch>;
  classNames: string[] | null;
  /** Class ids of the training part, for the majority baseline; null when unknown. */
  trainLabels: ArrayLike<number> | null;
  /** Names of a flat input's features (table encodings), for the decision boundary's axes. */
  featureNames: string[] | null;
  /** A sample (by set position) as the user knows it. */
  describe(i: number): Promise<SampleInput>;
  notes: string[];
  /** Sentence pairs: the target vocabulary, how tokens join, and a sample's raw (source, target). */
  sequence?: { vocabulary: string[]; separator: string; pair(i: number): [string, string] };
  dispose(): void;
}

export type Part = EvaluatedSet;

/** The indices of the requested part of a split, as the run used it (validation off folds it into train). */
export function pickPart(parts: SplitIndices, part: Part, config: TrainingConfig, n: number, notes: string[]) {
  const off = config.validation.type === "none";
  if (part === "data") return Array.from({ length: n }, (_, i) => i);
  if (part === "train") return off ? [...parts.train, ...parts.validation] : parts.train;
  const ids = part === "validation" ? parts.validation : parts.test;
  if (ids.length === 0) {
    throw new EvaluationError(
      "E_EVAL_NO_SPLIT",
      `the run's data split has no ${part} part (its ${part} fraction is 0); evaluate ${part === "test" ? "the validation part" : "the training part"} or other data`,
    );
  }
  if (part === "validation" && off)
    notes.push("validation is off in this run's settings, so it trained on these samples too");
  return ids;
}

/** Targets as the loss wants them: one-hot (categorical), ids (sparse), a column (binary, regression). */
export function targetsFor(y: tf.Tensor, classification: boolean, classes: number, config: TrainingConfig): tf.Tensor {
  return tf.tidy(() => {
    if (!classification) return y.rank === 1 ? y.toFloat().reshape([-1, 1]) : y.toFloat();
    const kind = accuracyKind(config.loss);
    if (kind === "sparse") return y.flatten().toInt();
    if (kind === "categorical") return tf.oneHot(y.flatten().toInt(), classes).toFloat();
    return y.toFloat().reshape([-1, 1]);
  });
}

export function outputClasses(m: EvalModel): number {
  return m.compiled.analysis.nodes[m.compiled.outputs[0]].outputShapes?.[0]?.at(-1) ?? 1;
}

/** Samples in typed arrays (files read by main/data), gathered at `ids` into tensors for the model. */
export interface ArraySamples {
  x: Float32Array | Int32Array | Uint8Array;
  xShape: number[];
  y: ArrayLike<number>;
  yShape: number[];
  classification: boolean;
}

export function arraySet(
  a: ArraySamples,
  ids: number[],
  m: EvalModel,
  rest: Omit<EvalSet, "n" | "batches" | "dispose">,
): EvalSet {
  const input = m.compiled.analysis.nodes[m.compiled.inputs[0]];
  const want = input.outputShapes?.[0] ?? [];
  const got = a.xShape.slice(1);
  if (got.length !== want.length || want.some((d, i) => d !== null && d !== got[i])) {
    throw new DataError(
      "E_DATA_SHAPE",
      `the data's samples have shape ${formatShape(got)}, but the Input "${input.id}" expects ${formatShape(want)}`,
    );
  }
  const int = (input.params as { dtype?: string })?.dtype === "int32";
  const { x, y } = tf.tidy(() => {
    const idx = tf.tensor1d(ids, "int32");
    const raw = tf.tensor(a.x, a.xShape, a.x instanceof Float32Array ? "float32" : "int32");
    const labels = tf.tensor(Array.from(a.y), a.yShape, a.classification ? "int32" : "float32");
    return {
      x: tf.gather(int ? raw.toInt() : raw.toFloat(), idx),
      y: targetsFor(tf.gather(labels, idx), a.classification, outputClasses(m), m.config),
    };
  });
  return memorySet(x, y, rest);
}

/** An in-memory set whose batches are slices (positions 0..n-1 in order). */
export function memorySet(
  x: tf.Tensor | tf.Tensor[],
  y: tf.Tensor,
  rest: Omit<EvalSet, "n" | "batches" | "dispose">,
): EvalSet {
  const n = y.shape[0];
  return {
    ...rest,
    n,
    async *batches(size: number) {
      for (let i = 0; i < n; i += size) {
        const k = Math.min(size, n - i);
        yield {
          x: Array.isArray(x) ? x.map((t) => t.slice(i, k)) : x.slice(i, k),
          y: y.slice(i, k),
          ids: Int32Array.from({ length: k }, (_, j) => i + j),
        };
      }
    },
    dispose: () => tf.dispose([...(Array.isArray(x) ? x : [x]), y]),
  };
}

/**
 * Inline samples: the run's own split follows prepareData (a dataset's own validation set, or the
 * last fraction of the samples, as Keras' validationSplit); other inline data is evaluated whole.
 */
export function inlineSet(d: InlineDataset, part: Part, m: EvalModel): EvalSet {
  const notes: string[] = [];
  let train = { x: d.x, y: d.y };
  let chosen = train;
  if (part === "data") {
    chosen = train;
  } else if (part === "test") {
    throw new EvaluationError(
      "E_EVAL_NO_SPLIT",
      "inline data has no test part; evaluate the validation or training part, or other data",
    );
  } else {
    let validation: typeof train | null = null;
    if (d.validation) validation = d.validation;
    else if (m.config.validation.type === "split") {
      const nVal = Math.floor(d.x.length * m.config.validation.fraction);
      if (nVal > 0 && nVal < d.x.length) {
        const cut = d.x.length - nVal;
        validation = { x: d.x.slice(cut), y: d.y.slice(cut) };
        train = { x: d.x.slice(0, cut), y: d.y.slice(0, cut) };
      }
    }
    if (part === "validation" && !validation)
      throw new EvaluationError(
        "E_EVAL_NO_SPLIT",
        `this run kept no validation samples (validation ${m.config.validation.type === "none" ? "is off" : "split left none"}); evaluate the training part or other data`,
      );
    chosen = part === "validation" ? (validation as typeof train) : train;
  }
  const config = { ...m.config, validation: { type: "none" as const } };
  const prepared = prepareData({ kind: "inline", x: chosen.x, y: chosen.y }, m.compiled, config);
  return memorySet(prepared.x, prepared.y, {
    set: part,
    classNames: d.classNames ?? null,
    trainLabels: part === "data" ? null : train.y.map((v) => classIdOf(v, m.config)),
    featureNames: null,
    describe: async (i) => {
      const { values, shape } = flatten(chosen.x[i]);
      return valuesInput(values, shape);
    },
    notes,
  });
}

/** The class id an inline target stands for: an id, a one-hot row, or a 0/1 (or ±1) label. */
function classIdOf(v: unknown, config: TrainingConfig): number {
  const flat = Array.isArray(v) ? (v.flat(Number.POSITIVE_INFINITY) as number[]) : [v as number];
  if (flat.length > 1) return flat.indexOf(Math.max(...flat));
  if (accuracyKind(config.loss) === "binary") return flat[0] > decisionThreshold(config.loss).label ? 1 : 0;
  return flat[0];
}

/** preprocessing.json of a run folder (table statistics, vocabulary, image statistics), or null. */
export async function readPreprocessing(runDir: string | null): Promise<Record<string, unknown> | null> {
  if (!runDir) return null;
  const text = await readFile(join(runDir, "preprocessing.json"), "utf8").catch(() => null);
  return text === null ? null : (JSON.parse(text) as Record<string, unknown>);
}

/** Saved preprocessing of the given kind, or a clear refusal: other data must go through the run's. */
export async function requirePreprocessing(m: EvalModel, kind: string): Promise<Record<string, unknown>> {
  const pre = await readPreprocessing(m.runDir);
  if (pre?.kind !== kind) {
    throw new EvaluationError(
      "E_EVAL_NO_PREPROCESSING",
      `other ${kind} data must be encoded with the run's own preprocessing (${m.runDir ? join(m.runDir, "preprocessing.json") : "the run has no folder"}): ${pre ? `it is for ${String(pre.kind)} data` : "none was saved"}`,
    );
  }
  return pre;
}

/** Class ids of other data mapped onto the classes the run trained on (by name). */
export function remapClasses(labels: ArrayLike<number>, names: readonly string[], trained: readonly string[]) {
  const index = new Map(trained.map((name, i) => [name, i]));
  return Int32Array.from(labels, (id) => {
    const to = index.get(names[id]);
    if (to === undefined) {
      throw new DataError(
        "E_DATA_TARGETS",
        `class ${JSON.stringify(names[id])} is not one the run trained on (${trained.map((t) => JSON.stringify(t)).join(", ")})`,
      );
    }
    return to;
  });
}

/** The data to evaluate: other data when given, else the run's own. */
export function dataOf(m: EvalModel, opts: EvaluateOptions): { data: InlineDataset | DatasetSpec; part: Part } {
  if (opts.data) return { data: opts.data, part: "data" };
  const data = m.runData;
  if (!data) {
    throw new EvaluationError(
      "E_EVAL_NO_DATA",
      `the trainer does not know run "${m.runId}"'s data (a saved run trained on inline samples records only their count); send them as runData, or evaluate other data`,
    );
  }
  return { data, part: opts.split ?? "validation" };
}
