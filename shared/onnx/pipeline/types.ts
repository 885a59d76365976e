import type { OnnxGraph, Value } from "../graph";
import type { Dim, ValueInfo } from "../model";

/**
 * An export's data pipeline: the ONNX nodes in front of the network (the run's saved
 * preprocessing: table encoders and scalers, pixel scaling, series windows) and behind it (class
 * probabilities and labels, targets back in their units), so the file takes the user's raw data
 * and answers as NetForge's Try it does. Built from the run's preprocessing.json by
 * shared/onnx/pipeline/index.ts; exportOnnx (shared/onnx/export.ts) calls it while it emits.
 */

/** What the exported file takes: raw data through the saved preprocessing (default), or the bare network. */
export const EXPORT_INPUT_MODES = ["raw", "bare"] as const;
export type ExportInputMode = (typeof EXPORT_INPUT_MODES)[number];

/**
 * Raw tables: one named input per feature column, float for numbers and string for categories
 * (default, as sklearn-onnx does), or one float matrix [N, columns] where every feature is numeric.
 */
export const TABLE_INPUT_MODES = ["columns", "matrix"] as const;
export type TableInputMode = (typeof TABLE_INPUT_MODES)[number];

export interface PipelineOptions {
  inputs: ExportInputMode;
  tableInputs: TableInputMode;
}

/** Element types a pipeline's inputs and outputs use (the network itself is float32/int32). */
export const PORT_DTYPES = ["float32", "int32", "int64", "uint8", "string"] as const;
export type PortDtype = (typeof PORT_DTYPES)[number];

/** One input or output of the exported file as a user reads it (README, report, metadata). */
export interface PipelinePort {
  name: string;
  dtype: PortDtype;
  /** "N" is the batch; other strings are dynamic dimensions. */
  shape: Dim[];
  /** What to put in (a column of the training file, pixels 0..255 at HxW, token ids) or what comes out. */
  description: string;
  /**
   * The training file's columns this input takes, in order along its last axis: one for a table
   * column's input (its name as the user wrote it, even when the port's name is sanitized), every
   * feature for a table matrix or a series window, the target for `<target>_last`. Absent otherwise.
   */
  columns?: string[];
}

/** A file written beside the model (the vocabulary and tokenizer settings of a text model). */
export interface SideFile {
  name: string;
  contents: string;
}

/** The pipeline as users read it, once the graph is emitted. */
export interface PipelineDescription {
  mode: ExportInputMode;
  inputs: PipelinePort[];
  outputs: PipelinePort[];
  /** One sentence per step, in order ("price: (x - 12.5) / 3.2", "pixels: cast to float, / 255"). */
  steps: string[];
  /** What stays the user's job (resizing images, tokenizing text, stripping units): README and report. */
  userSteps: string[];
  /** netforge.* metadata_props the pipeline adds (the exact transform for a bare export). */
  metadata: Record<string, string>;
  sideFiles: SideFile[];
}

export interface Pipeline {
  /**
   * Replaces the model Input `inputId`: declares the raw graph input(s) with g.addInput and emits
   * the nodes that turn them into the value the network reads (`model`: the Input's dtype and
   * dims as the bare network would declare it; the returned value is channels last).
   */
  input(g: OnnxGraph, inputId: string, model: ValueInfo): Value;
  /**
   * After the network: `network` holds its outputs (graph values named after their nodes, channels
   * last, in model order); returns the file's outputs (they may include or replace them).
   */
  outputs(g: OnnxGraph, network: readonly { id: string; info: ValueInfo }[]): ValueInfo[];
  /** Valid after exportOnnx has called input() and outputs(). */
  describe(): PipelineDescription;
}
