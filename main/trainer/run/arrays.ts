import type { DataSource } from "../../../shared/datasets/spec";
import { formatShape } from "../../../shared/shapes/shape";
import { DataError } from "../../data/errors";
import { loadIdx } from "../../data/idx/read";
import { loadNpy } from "../../data/npy/load";
import { readSeries, windowSeries } from "../../data/series/index";
import { encodeText, readText } from "../../data/text/index";
import type { Compiled } from "../compile/compile";

/**
 * A file data source read into typed arrays (no tensors yet): samples along the first axis of
 * xShape; y holds class ids for classification, values for regression, nothing when unsupervised.
 */
export interface ArrayData {
  x: Float32Array | Int32Array | Uint8Array;
  xShape: number[];
  y: Float32Array | Int32Array | Uint8Array | null;
  yShape: number[];
  task: "classification" | "regression" | "unsupervised";
  numClasses?: number;
  classNames?: string[];
}

export async function loadArrays(source: Exclude<DataSource, { kind: "inline" }>): Promise<ArrayData> {
  switch (source.kind) {
    case "idx": {
      const d = await loadIdx(source);
      return {
        x: d.x,
        xShape: d.xShape,
        y: d.y,
        yShape: [d.n],
        task: "classification",
        numClasses: d.numClasses,
        classNames: d.classNames,
      };
    }
    case "npy": {
      const d = await loadNpy(source);
      return {
        x: d.x.data,
        xShape: d.x.shape,
        y: d.y?.data ?? null,
        yShape: d.y?.shape ?? [d.n],
        task: d.task,
        numClasses: d.numClasses,
        classNames: d.classNames,
      };
    }
    case "text": {
      // Token ids [n, maxLength] for an int32 Input and an Embedding; vocabulary fitted on all rows
      // (prepareDataset fits it on the training rows instead).
      const enc = encodeText(await readText(source), source);
      return {
        x: enc.ids,
        xShape: enc.shape,
        y: enc.labels,
        yShape: [enc.labels.length],
        task: "classification",
        numClasses: enc.classNames.length,
        classNames: enc.classNames,
      };
    }
    case "timeSeries": {
      // Every window, scaled on the whole series (prepareDataset cuts and fits chronologically).
      const w = windowSeries(await readSeries(source), source, { validation: 0, test: 0 });
      return { x: w.x, xShape: w.xShape, y: w.y, yShape: w.yShape, task: "regression" };
    }
    case "sentencePairs":
      throw new DataError(
        "E_DATA_SOURCE",
        "sentence pairs feed a seq2seq model with two Inputs (encoder and decoder token ids) through a dataset spec; they cannot serve as one array of samples (e.g. a GAN's real samples)",
      );
    default:
      throw new DataError(
        "E_DATA_SOURCE",
        `training on ${source.kind} data sources is not wired into the trainer yet; probe it with \`netforge data probe\``,
      );
  }
}

type Labelled = ArrayData & { y: NonNullable<ArrayData["y"]> };

/**
 * Samples without targets train (and evaluate) an autoencoder: the targets are the inputs, when the
 * model's output has its Input's shape. Any other model gets the shape it would need.
 */
export function inputsAsTargets(a: ArrayData, compiled: Compiled): Labelled {
  if (a.y) return a as Labelled;
  const input = compiled.analysis.nodes[compiled.inputs[0]];
  const output = compiled.analysis.nodes[compiled.outputs[0]];
  const sample = a.xShape.slice(1);
  const out = output.outputShapes?.[0] ?? [];
  if (out.length !== sample.length || out.some((d, i) => d !== null && d !== sample[i])) {
    throw new DataError(
      "E_DATA_TARGETS",
      `this dataset has no targets (y), so it can only train a model that reconstructs its input (an autoencoder: targets = inputs); its samples have shape ${formatShape(sample)}, but the output "${output.id}" has shape ${formatShape(out)}; make it equal to the Input "${input.id}"'s, or give the data targets`,
    );
  }
  return { ...a, y: Float32Array.from(a.x), yShape: a.xShape, task: "regression" };
}
