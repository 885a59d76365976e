import { join } from "node:path";
import * as tf from "@tensorflow/tfjs";
import type { ImageFolderSource } from "../../../shared/datasets/sources/image-folder";
import type { TableSource } from "../../../shared/datasets/sources/table";
import type { TextSource } from "../../../shared/datasets/sources/text";
import type { TimeSeriesSource } from "../../../shared/datasets/sources/time-series";
import { type DatasetSpec, DatasetSpecSchema } from "../../../shared/datasets/spec";
import { splitIndices } from "../../../shared/datasets/split-indices";
import type { EvaluateOptions } from "../../../shared/evaluation/request";
import { formatShape } from "../../../shared/shapes/shape";
import { DataError } from "../../data/errors";
import { type BadImages, type ChannelStats, fitChannelStats, imageBatches } from "../../data/image-folder/batches";
import { channelsOf } from "../../data/image-folder/decode";
import { scanImageFolder } from "../../data/image-folder/scan";
import { readSeries, windowSeries } from "../../data/series/index";
import { applyTableStats, encodeTable, readTable, type TableStats } from "../../data/table/index";
import { encodeSequences, encodeText, readText } from "../../data/text/index";
import { inputsAsTargets, loadArrays } from "./arrays";
import {
  arraySet,
  dataOf,
  type EvalSet,
  inlineSet,
  outputClasses,
  type Part,
  pickPart,
  readPreprocessing,
  remapClasses,
  requirePreprocessing,
  targetsFor,
} from "./evaluate-data";
import { imageFileInput, valuesInput } from "./evaluate-inputs";
import type { EvalModel } from "./evaluate-model";
import { sequenceSet } from "./evaluate-sequence";

/** The evaluated samples for a request: other data, or a part of the run's own split. */
export async function loadEvalSet(m: EvalModel, opts: EvaluateOptions): Promise<EvalSet> {
  const { data, part } = dataOf(m, opts);
  if ("kind" in data) return inlineSet(data, part, m);
  const parsed = DatasetSpecSchema.safeParse(data);
  if (!parsed.success)
    throw new DataError(
      "E_DATA_SOURCE",
      `the dataset spec is invalid: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
    );
  const spec = parsed.data;
  const source = spec.source;
  switch (source.kind) {
    case "inline":
      return inlineSet(source, part, m);
    case "table":
      return tableSet(source, spec, part, m);
    case "text":
      return textSet(source, spec, part, m);
    case "imageFolder":
      return imageSet(source, spec, part, m);
    case "timeSeries":
      return seriesSet(source, spec, part, m);
    case "sentencePairs":
      return sequenceSet(source, spec, part, m);
    default: {
      const a = inputsAsTargets(await loadArrays(source), m.compiled);
      const classification = a.task === "classification";
      const notes: string[] = [];
      const n = a.xShape[0];
      const parts = splitIndices(n, spec.split, classification ? a.y : undefined);
      const ids = pickPart(parts, part, m.config, n, notes);
      const size = a.xShape.slice(1).reduce((p, d) => p * d, 1);
      return arraySet({ x: a.x, xShape: a.xShape, y: a.y, yShape: a.yShape, classification }, ids, m, {
        set: part,
        classNames: a.classNames ?? null,
        trainLabels: part === "data" || !classification ? null : trainLabels(parts, m, a.y),
        featureNames: null,
        describe: async (i) => valuesInput(a.x.subarray(ids[i] * size, (ids[i] + 1) * size), a.xShape.slice(1)),
        notes,
      });
    }
  }
}

function trainLabels(parts: { train: number[]; validation: number[] }, m: EvalModel, labels: ArrayLike<number>) {
  const fitted = m.config.validation.type === "none" ? [...parts.train, ...parts.validation] : parts.train;
  return fitted.map((i) => labels[i]);
}

/** Tables: own split re-encoded as training did (statistics on the same rows); other tables with the saved statistics. */
async function tableSet(source: TableSource, spec: DatasetSpec, part: Part, m: EvalModel): Promise<EvalSet> {
  const rows = await readTable(source);
  const classification = rows.task === "classification";
  const n = rows.labels.length;
  const notes: string[] = [];
  let ids: number[];
  let features: Float32Array;
  let featureNames: string[];
  let labels: ArrayLike<number> = rows.labels;
  let classNames = rows.classNames;
  let train: number[] | null = null;
  if (part === "data") {
    const stats = (await requirePreprocessing(m, "table")).stats as TableStats;
    ({ features, featureNames } = applyTableStats(rows, stats));
    if (classification) {
      labels = remapClasses(rows.labels, rows.classNames, stats.label.classNames);
      classNames = stats.label.classNames;
    }
    ids = Array.from({ length: n }, (_, i) => i);
  } else {
    const parts = splitIndices(n, spec.split, classification ? rows.labels : undefined);
    ids = pickPart(parts, part, m.config, n, notes);
    const fitted = m.config.validation.type === "none" ? [...parts.train, ...parts.validation] : parts.train;
    ({ features, featureNames } = encodeTable(rows, fitted));
    train = fitted;
  }
  const columns = rows.features.map((f) => f.name);
  return arraySet({ x: features, xShape: [n, featureNames.length], y: labels, yShape: [n], classification }, ids, m, {
    set: part,
    classNames: classification ? classNames : null,
    trainLabels: train && classification ? train.map((i) => labels[i]) : null,
    featureNames,
    describe: async (i) => {
      const r = ids[i];
      const values = rows.values.map((v) => {
        const cell = v.values[r];
        return typeof cell === "number" && Number.isNaN(cell) ? null : cell;
      });
      return { kind: "table", columns, values, row: rows.rowNumbers[r] };
    },
    notes,
  });
}

/** Text: own split with the vocabulary refitted on the training rows; other text with the saved one. */
async function textSet(source: TextSource, spec: DatasetSpec, part: Part, m: EvalModel): Promise<EvalSet> {
  const ex = await readText(source);
  const n = ex.labels.length;
  const notes: string[] = [];
  let ids: number[];
  let tokens: Int32Array;
  let labels: ArrayLike<number> = ex.labels;
  let classNames = ex.classNames;
  let train: number[] | null = null;
  if (part === "data") {
    const pre = await requirePreprocessing(m, "text");
    const layout = pre as unknown as { maxLength: number; padding: "pre" | "post"; truncation: "pre" | "post" };
    tokens = encodeSequences(ex.tokens, pre.vocabulary as string[], layout).ids;
    classNames = pre.classNames as string[];
    labels = remapClasses(ex.labels, ex.classNames, classNames);
    ids = Array.from({ length: n }, (_, i) => i);
  } else {
    const parts = splitIndices(n, spec.split, ex.labels);
    ids = pickPart(parts, part, m.config, n, notes);
    train = m.config.validation.type === "none" ? [...parts.train, ...parts.validation] : parts.train;
    tokens = encodeText(ex, source, train).ids;
  }
  const width = tokens.length / n;
  return arraySet({ x: tokens, xShape: [n, width], y: labels, yShape: [n], classification: true }, ids, m, {
    set: part,
    classNames,
    trainLabels: train ? train.map((i) => labels[i]) : null,
    featureNames: null,
    describe: async (i) => ({ kind: "text", text: ex.texts[ids[i]], line: ex.lineNumbers[ids[i]] }),
    notes,
  });
}

/** Image folders stream in batches (never all in memory), un-augmented, with the run's channel statistics. */
async function imageSet(source: ImageFolderSource, spec: DatasetSpec, part: Part, m: EvalModel): Promise<EvalSet> {
  const index = await scanImageFolder(source.path);
  const input = m.compiled.analysis.nodes[m.compiled.inputs[0]];
  const shape = [...source.targetSize, channelsOf(source.color)];
  const want = input.outputShapes?.[0] ?? [];
  if (want.length !== 3 || want.some((d, i) => d !== null && d !== shape[i]))
    throw new DataError(
      "E_DATA_SHAPE",
      `the images load as ${formatShape(shape)} (targetSize and color), but the Input "${input.id}" expects ${formatShape(want)}`,
    );
  const notes: string[] = [];
  const saved = await readPreprocessing(m.runDir);
  const pre = saved?.kind === "imageFolder" ? saved : null;
  let ids: number[];
  let labels: ArrayLike<number> = index.labels;
  let classNames = index.classNames;
  let train: number[] | null = null;
  if (part === "data") {
    ids = Array.from(index.files.keys());
    if (pre) {
      classNames = pre.classNames as string[];
      labels = remapClasses(index.labels, index.classNames, classNames);
    }
  } else {
    const parts = splitIndices(index.files.length, spec.split, index.labels);
    ids = pickPart(parts, part, m.config, index.files.length, notes);
    train = m.config.validation.type === "none" ? [...parts.train, ...parts.validation] : parts.train;
  }
  let stats: ChannelStats | undefined;
  if (source.scale === "standardize") {
    stats = (pre?.stats as ChannelStats | null) ?? undefined;
    if (!stats) {
      // Training fitted them on its training images with the split's seed: the same call gives the same numbers.
      stats = await fitChannelStats(index, source, { indices: train ?? ids, seed: spec.split.seed });
      if (!train) notes.push("the run saved no channel statistics; these images were standardized with their own");
    }
  }
  const bad: BadImages = new Map();
  const position = new Map(ids.map((s, i) => [s, i]));
  const classes = outputClasses(m);
  return {
    set: part,
    n: ids.length,
    classNames,
    trainLabels: train ? train.map((i) => labels[i]) : null,
    featureNames: null,
    notes,
    async *batches(size: number) {
      for await (const b of imageBatches(index, source, {
        indices: ids,
        batchSize: size,
        shuffle: false,
        stats,
        bad,
      })) {
        yield tf.tidy(() => ({
          x: tf.tensor(b.x, b.shape),
          y: targetsFor(
            tf.tensor1d(
              Int32Array.from(b.samples, (s) => labels[s]),
              "int32",
            ),
            true,
            classes,
            m.config,
          ),
          ids: Int32Array.from(b.samples, (s) => position.get(s) as number),
        }));
      }
      if (bad.size > 0) notes.push(`${bad.size} image(s) could not be decoded and were skipped`);
    },
    describe: (i) => imageFileInput(join(index.root, index.files[ids[i]]), source, index.files[ids[i]]),
    dispose: () => {},
  };
}

/** Series windows cut in time order as training cut them; other series are scaled on their own first part. */
async function seriesSet(source: TimeSeriesSource, spec: DatasetSpec, part: Part, m: EvalModel): Promise<EvalSet> {
  const notes: string[] = [];
  const series = await readSeries(source);
  const own = part !== "data";
  const validation = own && m.config.validation.type !== "none" ? spec.split.validation : 0;
  const w = windowSeries(series, source, own ? { validation, test: spec.split.test } : { validation: 0, test: 0 });
  if (!own) notes.push("another series is scaled with statistics fitted on itself, not the run's");
  const n = w.xShape[0];
  const ids = pickPart(w.parts, part, m.config, n, notes);
  const size = w.xShape[1] * w.xShape[2];
  return arraySet({ x: w.x, xShape: w.xShape, y: w.y, yShape: w.yShape, classification: false }, ids, m, {
    set: part,
    classNames: null,
    trainLabels: null,
    featureNames: null,
    describe: async (i) => valuesInput(w.x.subarray(ids[i] * size, (ids[i] + 1) * size), w.xShape.slice(1)),
    notes,
  });
}
