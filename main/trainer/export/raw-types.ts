import { basename } from "node:path";
import type { SplitIndices } from "../../../shared/datasets/split-indices";
import type { SampleInput } from "../../../shared/evaluation/report";
import type { RawSample } from "../../../shared/evaluation/request";
import type { PortDtype } from "../../../shared/onnx/pipeline/types";
import type { TrainingConfig } from "../../../shared/training/config";

/**
 * Samples of the run's data read RAW from the user's files, for the export's raw check: what the
 * exported file is fed (one column per raw input, before any preprocessing) and the same samples
 * as the Try-it path takes them (RawSample), so NetForge answers on exactly what the file sees.
 * One reader per data kind (raw-table.ts, raw-images.ts, ...); raw-samples.ts picks it.
 */

/** One raw input of the file, `count` samples of `shape` each, batch first. */
export interface RawColumn {
  name: string;
  dtype: PortDtype;
  shape: number[];
  data: Float32Array | Int32Array | Uint8Array | string[];
}

export interface RawSamples {
  /** "validation rows of iris.csv", for the report. */
  source: string;
  count: number;
  columns: RawColumn[];
  /** The same samples as Try it takes them, in order. */
  samples: RawSample[];
  /** The first samples as the report shows them. */
  shown: SampleInput[];
}

/** The report shows this many samples of the raw check. */
export const SHOWN_SAMPLES = 8;

/**
 * The first `n` samples of the validation part, as training split them, else of the training
 * part (validation off, or an empty validation part).
 */
export function firstOfPart(
  parts: Pick<SplitIndices, "train" | "validation">,
  config: TrainingConfig,
  n: number,
): { picked: number[]; part: "validation" | "training" } {
  const validation = config.validation.type !== "none" && parts.validation.length > 0;
  return {
    picked: (validation ? parts.validation : parts.train).slice(0, n),
    part: validation ? "validation" : "training",
  };
}

/** "validation rows of iris.csv" */
export function describeSource(part: "validation" | "training", what: string, path?: string): string {
  return `${part} ${what}${path ? ` of ${basename(path)}` : ""}`;
}
