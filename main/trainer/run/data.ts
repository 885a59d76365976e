import * as tf from "@tensorflow/tfjs";
import type { InlineDataset } from "../../../shared/datasets/inline";
import { formatShape, type Shape } from "../../../shared/shapes/shape";
import { accuracyKind, type TrainingConfig } from "../../../shared/training/config";
import { DataError } from "../../data/errors";
import type { Compiled } from "../compile/compile";
import type { PlaneInfo } from "./evaluate-boundary";

export { DataError };

export interface PreparedData {
  /** One tensor for a single-Input model; one per Input, in compiled.inputs order, otherwise. */
  x: tf.Tensor | tf.Tensor[];
  y: tf.Tensor;
  validation: { x: tf.Tensor | tf.Tensor[]; y: tf.Tensor } | null;
  /** Training samples (after the validation split). */
  n: number;
  /** Sequence targets: the class id that pads them, left out of the loss and the metrics. */
  paddingClass?: number;
  /** A table with two numeric features: their names and standardization (the live boundary's axes). */
  plane?: PlaneInfo;
  dispose(): void;
}

/** Data for a model with one Input (inline data, arrays, tables, text, series). */
export interface SingleInputData extends PreparedData {
  x: tf.Tensor;
  validation: { x: tf.Tensor; y: tf.Tensor } | null;
}

/**
 * Inline samples -> tensors shaped for the model's single Input and output. Integer class labels
 * are one-hot encoded for categorical losses and kept as ids for the sparse one. A dataset's own
 * validation set wins over a split; a split takes the last fraction of the samples, as Keras'
 * validationSplit does.
 */
export function prepareData(data: InlineDataset, compiled: Compiled, config: TrainingConfig): SingleInputData {
  if (compiled.inputs.length !== 1 || compiled.outputs.length !== 1) {
    throw new DataError(
      "E_DATA_SHAPE",
      `an inline dataset feeds a model with one Input and one output; this model has ${compiled.inputs.length} Input(s) and ${compiled.outputs.length} output(s)`,
    );
  }
  const inputNode = compiled.analysis.nodes[compiled.inputs[0]];
  const outputNode = compiled.analysis.nodes[compiled.outputs[0]];
  const inputShape = inputNode.outputShapes?.[0] ?? [];
  const outputShape = outputNode.outputShapes?.[0] ?? [];
  const dtype = (inputNode.params as { dtype?: "float32" | "int32" })?.dtype ?? "float32";
  const x = tensorOf(data.x, inputShape, dtype, `x (the Input "${inputNode.id}")`);
  let y: tf.Tensor;
  try {
    y = targets(data.y, outputShape, config, outputNode.id);
  } catch (error) {
    x.dispose();
    throw error;
  }
  const total = data.x.length;
  if (data.validation && config.validation.type !== "none") {
    const v = data.validation;
    let validation: { x: tf.Tensor; y: tf.Tensor } | null = null;
    try {
      const vx = tensorOf(v.x, inputShape, dtype, `validation x (the Input "${inputNode.id}")`);
      try {
        validation = { x: vx, y: targets(v.y, outputShape, config, outputNode.id) };
      } catch (error) {
        vx.dispose();
        throw error;
      }
    } catch (error) {
      tf.dispose([x, y]);
      throw error;
    }
    const sets = validation;
    return { x, y, validation: sets, n: total, dispose: () => tf.dispose([x, y, sets.x, sets.y]) };
  }
  const nVal = config.validation.type === "split" ? Math.floor(total * config.validation.fraction) : 0;
  if (nVal === 0 || nVal >= total) return { x, y, validation: null, n: total, dispose: () => tf.dispose([x, y]) };
  const n = total - nVal;
  const parts = tf.tidy(() => ({
    x: x.slice(0, n),
    y: y.slice(0, n),
    validation: { x: x.slice(n, nVal), y: y.slice(n, nVal) },
  }));
  tf.dispose([x, y]);
  return { ...parts, n, dispose: () => tf.dispose([parts.x, parts.y, parts.validation.x, parts.validation.y]) };
}

/** The nested shape of a sample, or a message naming what is wrong in it. */
function sampleShape(v: unknown): number[] | string {
  if (typeof v === "number") return Number.isFinite(v) ? [] : `a non-finite number (${v})`;
  if (!Array.isArray(v)) return `a ${v === null ? "null" : typeof v} where a number was expected`;
  if (v.length === 0) return "an empty list";
  const first = sampleShape(v[0]);
  if (typeof first === "string") return first;
  for (let i = 1; i < v.length; i++) {
    const s = sampleShape(v[i]);
    if (typeof s === "string") return s;
    if (formatShape(s) !== formatShape(first))
      return `ragged nesting: ${formatShape(first)} and ${formatShape(s)} in one sample`;
  }
  return [v.length, ...first];
}

/**
 * tfjs checks nested arrays only outside prod mode (and the trainer runs in prod mode), so ragged
 * or non-numeric samples are caught here, with the sample's index.
 */
function checkSamples(values: unknown[], what: string): void {
  const first = sampleShape(values[0]);
  if (typeof first === "string") throw new DataError("E_DATA_SHAPE", `${what}: sample 0 holds ${first}`);
  for (let i = 1; i < values.length; i++) {
    const s = sampleShape(values[i]);
    if (typeof s === "string") throw new DataError("E_DATA_SHAPE", `${what}: sample ${i} holds ${s}`);
    if (formatShape(s) !== formatShape(first)) {
      throw new DataError(
        "E_DATA_SHAPE",
        `${what}: samples must be equally shaped arrays of numbers; sample ${i} has shape ${formatShape(s)}, sample 0 has ${formatShape(first)}`,
      );
    }
  }
}

function tensorOf(values: unknown[], shape: Shape, dtype: "float32" | "int32", what: string): tf.Tensor {
  checkSamples(values, what);
  let t: tf.Tensor;
  try {
    t = tf.tensor(values as number[], undefined, dtype);
  } catch (error) {
    throw new DataError(
      "E_DATA_SHAPE",
      `${what}: samples must be equally shaped arrays of numbers (${(error as Error).message})`,
    );
  }
  const got = t.shape.slice(1);
  if (got.length !== shape.length || shape.some((d, i) => d !== null && d !== got[i])) {
    t.dispose();
    throw new DataError(
      "E_DATA_SHAPE",
      `${what}: expected samples of shape ${formatShape(shape)}; received ${formatShape(got)}`,
    );
  }
  return t;
}

function targets(values: unknown[], outShape: Shape, config: TrainingConfig, outputId: string): tf.Tensor {
  const what = `y (the output "${outputId}")`;
  const kind = accuracyKind(config.loss);
  const classes = outShape[outShape.length - 1] ?? 1;
  const scalarLabels = values.every((v) => typeof v === "number");
  if (kind === "sparse" || (kind === "categorical" && scalarLabels && classes > 1)) {
    const ids = values.map((v) => (Array.isArray(v) && v.length === 1 ? v[0] : v));
    const bad = ids.findIndex((v) => typeof v !== "number" || !Number.isInteger(v) || v < 0 || v >= classes);
    if (bad >= 0) {
      throw new DataError(
        "E_DATA_TARGETS",
        `${what}: expected class ids 0..${classes - 1} (the output has ${classes} units); received ${JSON.stringify(ids[bad])} at sample ${bad}`,
      );
    }
    const labels = tf.tensor1d(ids as number[], "int32");
    if (kind === "sparse") return labels;
    const oneHot = tf.oneHot(labels, classes).toFloat();
    labels.dispose();
    return oneHot;
  }
  const t = tensorOf(
    values,
    scalarLabels && outShape.length === 1 && outShape[0] === 1 ? [] : outShape,
    "float32",
    what,
  );
  if (t.rank !== 1) return t;
  const column = t.reshape([-1, 1]);
  t.dispose();
  return column;
}
