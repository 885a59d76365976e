import { formatShape } from "../shapes/shape";
import { accuracyKind, type LossConfig } from "../training/config";
import type { DatasetSummary } from "./summary";

/**
 * Whether the data's targets fit the output block under the loss, as the trainer turns targets
 * into tensors (main/trainer/run/data.ts): class ids feed a sparse loss as they are and are
 * one-hot encoded for a categorical one; one unit takes ids 0/1 (binary classification); one-hot
 * rows and values must match the output's width. A summary's outputShape is the class count for
 * classification, not what a sample holds, so the fit is decided here from the label format.
 */
export type TargetFitCode = "E_DATA_OUTPUT_SIZE" | "E_DATA_LOSS";

export interface TargetFitProblem {
  code: TargetFitCode;
  /** "the data has ..., but ...; expected ..." */
  message: string;
  /** Output units that settle it, where changing the units does. */
  units?: number;
}

/** What one sample's target is, in words: "class id (2 classes)", "one-hot [3]", "values [1]". */
export function describeTarget(summary: DatasetSummary): string {
  const format = labelFormat(summary);
  if (format === "classIds") return `class id (${summary.classes.length} classes)`;
  if (format === "oneHot") return `one-hot ${formatShape(summary.outputShape)} (${summary.classes.length} classes)`;
  return `${summary.task} ${formatShape(summary.outputShape)}`;
}

export function labelFormat(summary: DatasetSummary): "classIds" | "oneHot" | "values" {
  return summary.labels ?? (summary.task === "classification" ? "classIds" : "values");
}

/**
 * The problem of feeding these targets to an output of `units` values per sample under `loss`
 * (null: the loss follows the model, so only the sizes are checked); null when they fit or when
 * the data does not say (sequences, unsupervised data, an unknown class count).
 */
export function targetFit(
  summary: DatasetSummary,
  units: number | null,
  loss: LossConfig | null,
  output: string,
): TargetFitProblem | null {
  if (units === null) return null;
  const format = labelFormat(summary);
  const kind = loss ? accuracyKind(loss) : null;
  const gives = `the output "${output}" gives ${units} value(s) per sample`;
  if (summary.task === "classification" && summary.classes.length > 0) {
    const k = summary.classes.length;
    if (format === "oneHot") {
      if (units !== k) {
        return {
          code: "E_DATA_OUTPUT_SIZE",
          units: k,
          message: `the data has one-hot targets of ${k} values (${k} classes), but ${gives}; expected ${k}`,
        };
      }
      if (kind === "sparse") {
        return {
          code: "E_DATA_LOSS",
          message: `the data has one-hot targets, but the loss ${loss?.type} takes class ids; expected categorical cross-entropy (or class-id labels)`,
        };
      }
      return null;
    }
    // Class ids: one unit holds a binary decision; otherwise one unit per class.
    if (units === 1) {
      if (k > 2) {
        return {
          code: "E_DATA_OUTPUT_SIZE",
          units: k,
          message: `the data has ${k} classes, but ${gives}; expected ${k} (softmax)`,
        };
      }
      if (kind === "sparse" || kind === "categorical") {
        return {
          code: "E_DATA_LOSS",
          message: `the data has 2 classes and ${gives}, but the loss ${loss?.type} needs one unit per class; expected binary cross-entropy (or 2 softmax units)`,
        };
      }
      return null;
    }
    if (units !== k) {
      return {
        code: "E_DATA_OUTPUT_SIZE",
        units: k,
        message: `the data has ${k} classes, but ${gives}; expected ${k === 2 ? "1 (sigmoid) or 2 (softmax)" : k}`,
      };
    }
    if (kind === "binary") {
      return {
        code: "E_DATA_LOSS",
        message: `the data has class-id labels and ${gives}, but the loss ${loss?.type} compares them value by value; expected sparse categorical cross-entropy`,
      };
    }
    return null;
  }
  if (summary.task === "regression") {
    const width = summary.outputShape.at(-1) ?? null;
    if (width !== null && width !== units) {
      return {
        code: "E_DATA_OUTPUT_SIZE",
        units: width,
        message: `the data has ${width} target value(s) per sample, but ${gives}; expected ${width}`,
      };
    }
  }
  return null;
}
