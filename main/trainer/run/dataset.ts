import { join } from "node:path";
import * as tf from "@tensorflow/tfjs";
import type { InlineDataset } from "../../../shared/datasets/inline";
import type { SentencePairsSource } from "../../../shared/datasets/sources/sentence-pairs";
import type { TableSource } from "../../../shared/datasets/sources/table";
import type { TextSource } from "../../../shared/datasets/sources/text";
import type { TimeSeriesSource } from "../../../shared/datasets/sources/time-series";
import { type DatasetSpec, DatasetSpecSchema } from "../../../shared/datasets/spec";
import { type SplitIndices, splitIndices } from "../../../shared/datasets/split-indices";
import { stableStringify } from "../../../shared/ir/serialize";
import { formatShape } from "../../../shared/shapes/shape";
import { accuracyKind, type TrainingConfig } from "../../../shared/training/config";
import { readSeries, windowSeries } from "../../data/series/index";
import { encodeTable, readTable } from "../../data/table/index";
import { encodeSentencePairs, encodeText, PAD_ID, readSentencePairs, readText } from "../../data/text/index";
import { writeFileAtomic } from "../../services/atomic-write";
import type { Compiled } from "../compile/compile";
import { type ArrayData, inputsAsTargets, loadArrays } from "./arrays";
import type { BatchStream } from "./batches";
import { DataError, type PreparedData, prepareData, type SingleInputData } from "./data";
import { imageFolderStream } from "./image-stream";
import { tablePlane } from "./live-boundary";
import { checkVocabulary } from "./vocabulary";

/**
 * The data of a run as tensors: an inline dataset as before, or a dataset spec whose source is
 * read from files (by the trainer, which has the file system) and split by the spec's seeded,
 * stratified split (the test part is held out of training). Validation off in the training
 * settings folds the validation part back into training.
 */
export async function prepareDataset(
  data: InlineDataset | DatasetSpec,
  compiled: Compiled,
  config: TrainingConfig,
  runDir?: string,
): Promise<PreparedData | BatchStream> {
  if ("kind" in data) return prepareData(data, compiled, config);
  // Defaults filled and every field checked here too: startRun is also called in-process.
  const parsed = DatasetSpecSchema.safeParse(data);
  if (!parsed.success) {
    throw new DataError(
      "E_DATA_SOURCE",
      `the dataset spec is invalid: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
    );
  }
  return prepareSpec(parsed.data, compiled, config, runDir);
}

async function prepareSpec(
  data: DatasetSpec,
  compiled: Compiled,
  config: TrainingConfig,
  runDir?: string,
): Promise<PreparedData | BatchStream> {
  if (data.source.kind === "imageFolder") return imageFolderStream(data.source, data, compiled, config, runDir);
  if (data.source.kind === "inline") return prepareData(data.source, compiled, config);
  if (data.source.kind === "table") return fromTable(data.source, data, compiled, config, runDir);
  if (data.source.kind === "text") return fromText(data.source, data, compiled, config, runDir);
  if (data.source.kind === "timeSeries") return fromSeries(data.source, data, compiled, config, runDir);
  if (data.source.kind === "sentencePairs") return fromSentencePairs(data.source, data, compiled, config, runDir);
  const arrays = inputsAsTargets(await loadArrays(data.source), compiled);
  const labels = arrays.task === "classification" && arrays.y ? arrays.y : undefined;
  return fromArrays(arrays, splitIndices(arrays.xShape[0], data.split, labels), compiled, config);
}

/**
 * Tables are split before they are encoded: normalization, fill values and categories are fitted
 * on the training rows only (no leakage into validation), and saved with the run for prediction.
 */
async function fromTable(
  source: TableSource,
  spec: DatasetSpec,
  compiled: Compiled,
  config: TrainingConfig,
  runDir?: string,
) {
  const rows = await readTable(source);
  const classification = rows.task === "classification";
  const parts = splitIndices(rows.labels.length, spec.split, classification ? rows.labels : undefined);
  const fitted = config.validation.type === "none" ? [...parts.train, ...parts.validation] : parts.train;
  const table = encodeTable(rows, fitted);
  if (runDir) {
    const preprocessing = {
      kind: "table",
      featureNames: table.featureNames,
      classNames: table.classNames,
      stats: table.stats,
    };
    await writeFileAtomic(join(runDir, "preprocessing.json"), stableStringify(preprocessing));
  }
  const arrays: ArrayData = {
    x: table.features,
    xShape: table.shape,
    y: table.labels,
    yShape: [table.labels.length],
    task: table.task,
    numClasses: table.classNames.length || undefined,
    classNames: table.classNames,
  };
  return { ...fromArrays(arrays, parts, compiled, config), plane: tablePlane(table.stats) };
}

async function savePreprocessing(runDir: string | undefined, preprocessing: object): Promise<void> {
  if (!runDir) return;
  await writeFileAtomic(join(runDir, "preprocessing.json"), stableStringify(preprocessing));
}

/** Text: split (stratified) first, then the vocabulary is fitted on the training rows only. */
async function fromText(
  source: TextSource,
  spec: DatasetSpec,
  compiled: Compiled,
  config: TrainingConfig,
  runDir?: string,
) {
  const ex = await readText(source);
  const parts = splitIndices(ex.labels.length, spec.split, ex.labels);
  const fitted = config.validation.type === "none" ? [...parts.train, ...parts.validation] : parts.train;
  const enc = encodeText(ex, source, fitted);
  checkVocabulary(
    compiled,
    compiled.inputs[0],
    enc.vocabulary.length,
    "the text's vocabulary (padding and OOV included)",
  );
  const { tokenizer, maxLength, padding, truncation } = source;
  await savePreprocessing(runDir, {
    kind: "text",
    ...{ tokenizer, maxLength, padding, truncation },
    vocabulary: enc.vocabulary,
    classNames: enc.classNames,
  });
  const arrays: ArrayData = {
    x: enc.ids,
    xShape: enc.shape,
    y: enc.labels,
    yShape: [enc.labels.length],
    task: "classification",
    numClasses: enc.classNames.length,
    classNames: enc.classNames,
  };
  return fromArrays(arrays, parts, compiled, config);
}

/**
 * A time series ignores the split's shuffle and stratify: windows are cut in time order (train,
 * then validation, then test: the last part of the series is held out) and the scaling is fitted
 * on the training part only. Shuffling across the cut would let the model see the future it is
 * validated on. Batches within the training part may still be shuffled (each window is a sample).
 */
async function fromSeries(
  source: TimeSeriesSource,
  spec: DatasetSpec,
  compiled: Compiled,
  config: TrainingConfig,
  runDir?: string,
) {
  const validation = config.validation.type === "none" ? 0 : spec.split.validation;
  const w = windowSeries(await readSeries(source), source, { validation, test: spec.split.test });
  const output = compiled.analysis.nodes[compiled.outputs[0]];
  const out = output.outputShapes?.[0] ?? [];
  if (out.length !== 1 || (out[0] !== null && out[0] !== source.horizon)) {
    throw new DataError(
      "E_DATA_TARGETS",
      `a series forecasts horizon = ${source.horizon} value(s) per window, but the output "${output.id}" has shape ${formatShape(out)}; end the model with Dense(${source.horizon})`,
    );
  }
  await savePreprocessing(runDir, {
    kind: "timeSeries",
    ...{ lookback: source.lookback, horizon: source.horizon, differencing: source.differencing },
    scaling: source.scaling,
    fittedSteps: w.fittedSteps,
    features: w.features,
    target: w.target,
  });
  const arrays: ArrayData = { x: w.x, xShape: w.xShape, y: w.y, yShape: w.yShape, task: "regression" };
  return fromArrays(arrays, w.parts, compiled, config);
}

/**
 * Sentence pairs train a seq2seq model with teacher forcing: its two Inputs get the encoder ids
 * and the decoder ids (start + target), each int32 [maxLength]; its output ([maxLength, vocab]
 * per sample) learns the decoder targets (target + end) as class ids per step. The encoder is
 * the first Input in graph order unless only the other one is named/id'd as a decoder's or
 * encoder's. Vocabularies are fitted on the training pairs only and saved with the run.
 */
async function fromSentencePairs(
  source: SentencePairsSource,
  spec: DatasetSpec,
  compiled: Compiled,
  config: TrainingConfig,
  runDir?: string,
): Promise<PreparedData> {
  if (compiled.inputs.length !== 2 || compiled.outputs.length !== 1) {
    throw new DataError(
      "E_DATA_SHAPE",
      `a sentence-pair set needs a model with two Inputs, an encoder Input and a decoder Input (int32 token ids of shape (${source.maxLength}) each), and one output; this model has ${compiled.inputs.length} Input(s) and ${compiled.outputs.length} output(s)`,
    );
  }
  const [encoder, decoder] = encoderFirst(compiled);
  for (const node of [encoder, decoder]) {
    const want = node.outputShapes?.[0] ?? [];
    if (want.length !== 1 || (want[0] !== null && want[0] !== source.maxLength)) {
      throw new DataError(
        "E_DATA_SHAPE",
        `sentence pairs are token ids of shape (${source.maxLength}) (maxLength), but the Input "${node.id}" expects ${formatShape(want)}`,
      );
    }
  }
  const output = compiled.analysis.nodes[compiled.outputs[0]];
  const out = output.outputShapes?.[0] ?? [];
  const kind = accuracyKind(config.loss);
  if (out.length !== 2 || (out[0] !== null && out[0] !== source.maxLength) || kind === "binary") {
    throw new DataError(
      "E_DATA_TARGETS",
      `sentence pairs train the decoder to predict one target token per step: the output must have shape (${source.maxLength}, vocabulary) (e.g. Dense(vocabulary, softmax) on the decoder's sequence) with a (sparse) categorical crossentropy loss; the output "${output.id}" has shape ${formatShape(out)}`,
    );
  }
  const pairs = await readSentencePairs(source);
  const parts = splitIndices(pairs.source.length, spec.split);
  const fitted = config.validation.type === "none" ? [...parts.train, ...parts.validation] : parts.train;
  const enc = encodeSentencePairs(pairs, source, fitted);
  checkVocabulary(
    compiled,
    encoder.id,
    enc.sourceVocabulary.length,
    "the source vocabulary (padding and OOV included)",
  );
  checkVocabulary(
    compiled,
    decoder.id,
    enc.targetVocabulary.length,
    "the target vocabulary (padding, OOV, start and end included)",
  );
  const classes = out[1];
  if (classes !== null && enc.targetVocabulary.length > classes) {
    throw new DataError(
      "E_DATA_TARGETS",
      `the target vocabulary has ${enc.targetVocabulary.length} tokens (padding, OOV, start and end included), but the output "${output.id}" has ${classes} units; use Dense(${enc.targetVocabulary.length}) or lower tokenizer.vocabSize`,
    );
  }
  const { tokenizer, maxLength, startToken, endToken } = source;
  await savePreprocessing(runDir, {
    kind: "sentencePairs",
    ...{ tokenizer, maxLength, startToken, endToken },
    encoderInput: encoder.id,
    decoderInput: decoder.id,
    sourceVocabulary: enc.sourceVocabulary,
    targetVocabulary: enc.targetVocabulary,
  });
  const shape = [enc.n, enc.maxLength];
  const dtype = (node: (typeof compiled.analysis.nodes)[string]) =>
    (node.params as { dtype?: "float32" | "int32" })?.dtype ?? "float32";
  // Feeds follow compiled.inputs (the model's input order), whichever of them is the encoder.
  const feeds = compiled.inputs.map((id) =>
    id === encoder.id ? { ids: enc.encoderInput, node: encoder } : { ids: enc.decoderInput, node: decoder },
  );
  const make = (rows: number[]) =>
    tf.tidy(() => {
      const idx = tf.tensor1d(rows, "int32");
      const x = feeds.map((f) => {
        const t = tf.gather(tf.tensor(f.ids, shape, "int32"), idx);
        return dtype(f.node) === "int32" ? t : t.toFloat();
      });
      const ids = tf.gather(tf.tensor(enc.decoderTarget, shape, "int32"), idx);
      const y = kind === "sparse" ? ids : tf.oneHot(ids, classes ?? enc.targetVocabulary.length).toFloat();
      return { x, y };
    });
  const t = make(fitted);
  const validation = config.validation.type === "none" ? [] : parts.validation;
  const v = validation.length > 0 ? make(validation) : null;
  return {
    x: t.x,
    y: t.y,
    validation: v,
    n: fitted.length,
    paddingClass: PAD_ID,
    dispose: () => tf.dispose([t.x, t.y, ...(v ? [v.x, v.y] : [])]),
  };
}

/** The two Inputs as [encoder, decoder]: graph order, unless names say otherwise. */
function encoderFirst(compiled: Compiled) {
  const nodes = compiled.inputs.map((id) => compiled.analysis.nodes[id]);
  const says = (n: (typeof nodes)[number], word: string) => new RegExp(word, "i").test(`${n.id} ${n.name ?? ""}`);
  const swapped =
    (says(nodes[0], "dec") && !says(nodes[1], "dec")) || (says(nodes[1], "enc") && !says(nodes[0], "enc"));
  return swapped ? [nodes[1], nodes[0]] : [nodes[0], nodes[1]];
}

function fromArrays(a: ArrayData, parts: SplitIndices, compiled: Compiled, config: TrainingConfig): SingleInputData {
  const input = compiled.analysis.nodes[compiled.inputs[0]];
  const output = compiled.analysis.nodes[compiled.outputs[0]];
  const want = input.outputShapes?.[0] ?? [];
  const inputDtype = (input.params as { dtype?: "float32" | "int32" })?.dtype ?? "float32";
  const got = a.xShape.slice(1);
  if (got.length !== want.length || want.some((d, i) => d !== null && d !== got[i])) {
    throw new DataError(
      "E_DATA_SHAPE",
      `the data's samples have shape ${formatShape(got)}, but the Input "${input.id}" expects ${formatShape(want)}`,
    );
  }
  if (!a.y) throw new DataError("E_DATA_TARGETS", "this dataset has no targets (y); supervised training needs them");
  const classification = a.task === "classification";
  const train = config.validation.type === "none" ? [...parts.train, ...parts.validation] : parts.train;
  const validation = config.validation.type === "none" ? [] : parts.validation;
  const classes = output.outputShapes?.[0]?.at(-1) ?? 1;
  if (classification && (a.numClasses ?? 0) > classes && accuracyKind(config.loss) !== "binary") {
    throw new DataError(
      "E_DATA_TARGETS",
      `the data has ${a.numClasses} classes, but the output "${output.id}" has ${classes} units`,
    );
  }
  const make = (ids: number[]) =>
    tf.tidy(() => {
      const idx = tf.tensor1d(ids, "int32");
      const raw = tf.tensor(a.x, a.xShape, a.x instanceof Float32Array ? "float32" : "int32");
      // Token ids stay int32 for an Input declared int32 (an Embedding's input); all else is float.
      const x = tf.gather(inputDtype === "int32" ? raw.toInt() : raw.toFloat(), idx);
      const y = tf.gather(
        tf.tensor(a.y as ArrayLike<number> as number[], a.yShape, classification ? "int32" : "float32"),
        idx,
      );
      return { x, y: targetTensor(y, classification, classes, config) };
    });
  const t = make(train);
  const v = validation.length > 0 ? make(validation) : null;
  return {
    x: t.x,
    y: t.y,
    validation: v,
    n: train.length,
    dispose: () => tf.dispose([t.x, t.y, ...(v ? [v.x, v.y] : [])]),
  };
}

/** Class ids -> one-hot for categorical losses, ids for the sparse one, a column for binary. */
function targetTensor(y: tf.Tensor, classification: boolean, classes: number, config: TrainingConfig): tf.Tensor {
  if (!classification) return y.rank === 1 ? y.reshape([-1, 1]) : y;
  const kind = accuracyKind(config.loss);
  if (kind === "sparse") return y.flatten();
  if (kind === "categorical") return tf.oneHot(y.flatten(), classes).toFloat();
  return y.toFloat().reshape([-1, 1]);
}
