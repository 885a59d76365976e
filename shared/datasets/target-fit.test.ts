import { describe, expect, it } from "vitest";
import type { LossConfig } from "../training/config";
import type { DatasetSummary } from "./summary";
import { describeTarget, targetFit } from "./target-fit";

const data = (labels: "classIds" | "oneHot", classes: number): DatasetSummary => ({
  kind: "inline",
  path: "(inline)",
  rows: 8,
  estimated: false,
  columns: [],
  classes: Array.from({ length: classes }, (_, i) => ({ name: String(i), count: 4 })),
  inputShape: [2],
  outputShape: [classes],
  task: "classification",
  labels,
  preview: [],
  warnings: [],
});

const BCE: LossConfig = { type: "binaryCrossentropy", fromLogits: false };
const SPARSE: LossConfig = { type: "sparseCategoricalCrossentropy", fromLogits: false };
const CAT: LossConfig = { type: "categoricalCrossentropy", fromLogits: false };
const MSE: LossConfig = { type: "meanSquaredError" };

type Row = [
  labels: "classIds" | "oneHot",
  classes: number,
  units: number,
  loss: LossConfig | null,
  code: string | null,
];

/**
 * Every combination of binary/multiclass labels (ids or one-hot), output [1]/[K] and loss, with
 * what the trainer makes of it (main/trainer/run/data.ts targets()): "ok" only where it trains the
 * model the loss describes.
 */
const ROWS: Row[] = [
  // Binary class ids: one sigmoid unit is the usual model; two softmax units with a class loss too.
  ["classIds", 2, 1, null, null],
  ["classIds", 2, 1, BCE, null],
  ["classIds", 2, 1, MSE, null],
  ["classIds", 2, 1, SPARSE, "E_DATA_LOSS"],
  ["classIds", 2, 1, CAT, "E_DATA_LOSS"],
  ["classIds", 2, 2, null, null],
  ["classIds", 2, 2, SPARSE, null],
  ["classIds", 2, 2, CAT, null],
  ["classIds", 2, 2, BCE, "E_DATA_LOSS"],
  ["classIds", 2, 3, SPARSE, "E_DATA_OUTPUT_SIZE"],
  // Multiclass ids: one unit per class.
  ["classIds", 3, 1, null, "E_DATA_OUTPUT_SIZE"],
  ["classIds", 3, 1, BCE, "E_DATA_OUTPUT_SIZE"],
  ["classIds", 3, 3, SPARSE, null],
  ["classIds", 3, 3, CAT, null],
  ["classIds", 3, 3, MSE, "E_DATA_LOSS"],
  ["classIds", 3, 2, SPARSE, "E_DATA_OUTPUT_SIZE"],
  // One-hot rows must match the output's width, and a sparse loss cannot read them.
  ["oneHot", 2, 1, null, "E_DATA_OUTPUT_SIZE"],
  ["oneHot", 2, 1, BCE, "E_DATA_OUTPUT_SIZE"],
  ["oneHot", 2, 2, CAT, null],
  ["oneHot", 2, 2, null, null],
  ["oneHot", 2, 2, SPARSE, "E_DATA_LOSS"],
  ["oneHot", 3, 3, CAT, null],
  ["oneHot", 3, 3, SPARSE, "E_DATA_LOSS"],
  ["oneHot", 3, 1, CAT, "E_DATA_OUTPUT_SIZE"],
];

describe("targetFit", () => {
  it.each(ROWS)("%s labels of %i classes, output [%i], loss %o -> %s", (labels, classes, units, loss, code) => {
    const problem = targetFit(data(labels, classes), units, loss, "out");
    expect(problem?.code ?? null).toBe(code);
    if (problem) expect(problem.message).toMatch(/^the data has .*; expected /);
  });

  it("offers the units that settle a size mismatch", () => {
    expect(targetFit(data("oneHot", 2), 1, null, "out")).toMatchObject({ units: 2 });
    expect(targetFit(data("classIds", 3), 2, SPARSE, "out")).toMatchObject({ units: 3 });
  });

  it("checks regression widths and leaves unknown output sizes alone", () => {
    const reg = { ...data("classIds", 0), task: "regression" as const, labels: "values" as const, outputShape: [2] };
    expect(targetFit(reg, 2, MSE, "out")).toBeNull();
    expect(targetFit(reg, 1, MSE, "out")?.code).toBe("E_DATA_OUTPUT_SIZE");
    expect(targetFit(data("classIds", 2), null, null, "out")).toBeNull();
  });

  it("describes a sample's target as it is written, not as the class count", () => {
    expect(describeTarget(data("classIds", 2))).toBe("class id (2 classes)");
    expect(describeTarget(data("oneHot", 3))).toBe("one-hot [3] (3 classes)");
    // A file source's summary without a label format: class ids.
    expect(describeTarget({ ...data("classIds", 3), labels: undefined })).toBe("class id (3 classes)");
  });
});
