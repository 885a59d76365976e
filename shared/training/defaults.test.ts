import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { DatasetSummary } from "../datasets/summary";
import { inferGraph } from "../shapes/infer";
import { mlp, perceptron } from "./__fixtures__/graphs";
import { parseTrainingConfig } from "./config";
import { defaultEpochs, MAX_EPOCHS, MIN_EPOCHS, MODEL_LEARNING_RATE, resolveTraining } from "./defaults";

const xor: DatasetSummary = {
  kind: "inline",
  path: "(inline)",
  rows: 4,
  estimated: false,
  columns: [],
  classes: [
    { name: "0", count: 2 },
    { name: "1", count: 2 },
  ],
  inputShape: [2],
  outputShape: [2],
  task: "classification",
  labels: "classIds",
  splits: { train: [2, 2], validation: [0, 0], test: [0, 0] },
  preview: [],
  warnings: [],
};

describe("resolveTraining", () => {
  it("gives an empty config the loss, metric, optimizer and epochs that fit the model and data", () => {
    const r = parseTrainingConfig(resolveTraining({}, inferGraph(mlp(1, "sigmoid")), xor));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.config.loss).toEqual({ type: "binaryCrossentropy", fromLogits: false });
    expect(r.config.metrics).toEqual(["accuracy"]);
    expect(r.config.optimizer.type).toBe("adam");
    expect(r.config.learningRate).toBe(MODEL_LEARNING_RATE);
    // 4 rows in one batch: one step per epoch, so the most epochs.
    expect(r.config.epochs).toBe(MAX_EPOCHS);
  });

  it("keeps whatever the project sets", () => {
    const own = { loss: { type: "meanSquaredError" }, metrics: [], epochs: 7, learningRate: 0.5 };
    expect(resolveTraining(own, inferGraph(mlp(1, "sigmoid")), xor)).toMatchObject(own);
  });

  it("leaves the rate to an optimizer the project names", () => {
    const r = resolveTraining({ optimizer: { type: "sgd" } }, inferGraph(mlp(1, "sigmoid")), xor);
    expect(r.learningRate).toBeUndefined();
  });

  it("measures regression with mean absolute error and multiclass softmax with sparse cross-entropy", () => {
    const reg = { ...xor, task: "regression" as const, labels: "values" as const, classes: [], outputShape: [1] };
    expect(resolveTraining({}, inferGraph(mlp(1, "linear")), reg)).toMatchObject({
      loss: { type: "meanSquaredError" },
      metrics: ["mae"],
    });
    const three = { ...xor, classes: [...xor.classes, { name: "2", count: 2 }], splits: undefined };
    expect(resolveTraining({}, inferGraph(mlp(3, "softmax")), three)).toMatchObject({
      loss: { type: "sparseCategoricalCrossentropy" },
      metrics: ["accuracy"],
    });
  });

  it("without data, follows the output activation alone", () => {
    expect(resolveTraining({}, inferGraph(mlp(3, "softmax")), null)).toMatchObject({ metrics: ["accuracy"] });
    expect(resolveTraining({}, inferGraph(mlp(3, "softmax")), null).epochs).toBeUndefined();
  });
});

describe("defaultEpochs", () => {
  const rows = fc.oneof(
    fc.double({ noNaN: false }),
    fc.constantFrom(0, -1, 1, 2, Number.MIN_VALUE, Number.MAX_VALUE, Infinity, -Infinity, NaN, 60_000),
  );
  const batch = fc.oneof(fc.double(), fc.constantFrom(0, 1, 32, 1 + Number.EPSILON, Infinity, NaN, -5));

  it("is an integer within its bounds for any rows and batch size", () => {
    fc.assert(
      fc.property(rows, batch, (r, b) => {
        const e = defaultEpochs(r, b);
        expect(Number.isInteger(e)).toBe(true);
        expect(e).toBeGreaterThanOrEqual(MIN_EPOCHS);
        expect(e).toBeLessThanOrEqual(MAX_EPOCHS);
      }),
    );
  });

  it("never gives more data more epochs", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1e7 }),
        fc.integer({ min: 1, max: 1e7 }),
        fc.integer({ min: 1, max: 512 }),
        (a, b, size) => {
          const [small, large] = a <= b ? [a, b] : [b, a];
          expect(defaultEpochs(large, size)).toBeLessThanOrEqual(defaultEpochs(small, size));
        },
      ),
    );
  });

  it("gives a full-batch set the most epochs and Fashion-MNIST the fewest", () => {
    expect(defaultEpochs(4, 32)).toBe(MAX_EPOCHS);
    expect(defaultEpochs(48_000, 32)).toBe(MIN_EPOCHS);
  });
});

describe("resolveTraining for a Perceptron output", () => {
  it("trains it with the perceptron rule, which is what moves its weights", () => {
    const graph = perceptron();
    expect(resolveTraining({}, inferGraph(graph), xor)).toMatchObject({
      optimizer: { type: "perceptron" },
      learningRate: 0.1,
      loss: { type: "meanSquaredError" },
      metrics: ["accuracy"],
    });
  });
});
