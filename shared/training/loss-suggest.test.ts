import { describe, expect, it } from "vitest";
import type { DatasetSummary } from "../datasets/summary";
import { type Graph, GraphSchema } from "../ir/graph";
import { inferGraph } from "../shapes/infer";
import { perceptron } from "./__fixtures__/graphs";
import { sameLoss, suggestLoss } from "./loss-suggest";

const graph = (units: number, activation: string): Graph =>
  GraphSchema.parse({
    format: "netforge.graph",
    version: 1,
    nodes: [
      { id: "input_1", kind: "Input", params: { shape: [4] } },
      { id: "out", kind: "Dense", params: { units, activation } },
    ],
    edges: [{ id: "e1", source: "input_1", target: "out", targetPort: "in" }],
  });

const summary = (task: DatasetSummary["task"], classes: number): DatasetSummary => ({
  kind: "table",
  path: "t.csv",
  rows: 10,
  estimated: false,
  columns: [],
  classes: Array.from({ length: classes }, (_, i) => ({ name: `c${i}`, count: 5 })),
  inputShape: [4],
  outputShape: [Math.max(classes, 1)],
  task,
  preview: [],
  warnings: [],
});

describe("suggestLoss", () => {
  it.each([
    [1, "sigmoid", "classification", 2, { type: "binaryCrossentropy", fromLogits: false }],
    [1, "linear", "classification", 2, { type: "binaryCrossentropy", fromLogits: true }],
    [3, "softmax", "classification", 3, { type: "sparseCategoricalCrossentropy", fromLogits: false }],
    [3, "linear", "classification", 3, { type: "sparseCategoricalCrossentropy", fromLogits: true }],
    [1, "linear", "regression", 0, { type: "meanSquaredError" }],
  ] as const)("%i %s unit(s), %s with %i classes -> %o", (units, activation, task, classes, loss) => {
    expect(suggestLoss(inferGraph(graph(units, activation)), summary(task, classes))?.loss).toEqual(loss);
  });

  it("guesses classification from a softmax output before data is bound", () => {
    expect(suggestLoss(inferGraph(graph(3, "softmax")), null)?.loss.type).toBe("sparseCategoricalCrossentropy");
    expect(suggestLoss(inferGraph(graph(3, "relu")), null)).toBeNull();
  });

  it("says why", () => {
    expect(suggestLoss(inferGraph(graph(3, "softmax")), summary("classification", 3))?.reason).toMatch(
      /3 softmax outputs for 3 classes/,
    );
  });
});

describe("sameLoss", () => {
  it("compares type and the logits option", () => {
    expect(sameLoss({ type: "binaryCrossentropy" }, { type: "binaryCrossentropy", fromLogits: false })).toBe(true);
    expect(sameLoss({ type: "binaryCrossentropy" }, { type: "binaryCrossentropy", fromLogits: true })).toBe(false);
    expect(sameLoss({ type: "meanSquaredError" }, { type: "meanSquaredError" })).toBe(true);
    expect(sameLoss(undefined, { type: "meanSquaredError" })).toBe(false);
  });
});

describe("suggestLoss with one-hot labels", () => {
  it("compares one-hot rows whole: categorical, not sparse, cross-entropy", () => {
    const oneHot = { ...summary("classification", 3), labels: "oneHot" as const };
    expect(suggestLoss(inferGraph(graph(3, "softmax")), oneHot)?.loss).toEqual({
      type: "categoricalCrossentropy",
      fromLogits: false,
    });
  });
});

describe("suggestLoss for a Perceptron block", () => {
  it("keeps mean squared error: the step output is no logit", () => {
    expect(suggestLoss(inferGraph(perceptron()), summary("classification", 2))?.loss).toEqual({
      type: "meanSquaredError",
    });
  });
});
