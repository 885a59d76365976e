import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { GraphBuilder } from "../../../shared/ir/builder";
import { parseTrainingConfig, type TrainingConfig } from "../../../shared/training/config";
import { compileGraph } from "../compile/compile";
import { useBackend } from "../testing/tf-setup";
import { lossFunction } from "../train/losses";
import { stepThrough } from "./step-through";

/**
 * The step-through's backward values are tfjs' own gradients: for a small CNN and an LSTM, each
 * weight's dL/dw equals tf.variableGrads of the loss of model.apply, the model's output equals
 * predict's, and the model's weights are unchanged after the step (the step runs on copies).
 */
function config(): TrainingConfig {
  const parsed = parseTrainingConfig({
    loss: { type: "meanSquaredError" },
    optimizer: { type: "sgd" },
    learningRate: 0.1,
  });
  if (!parsed.ok) throw new Error("bad config");
  return parsed.config;
}

function cnn() {
  const b = new GraphBuilder();
  b.chain(
    null,
    ["Input", { shape: [5, 5, 1] }],
    ["Conv2D", { filters: 2, kernelSize: [3, 3], activation: "tanh" }],
    ["MaxPooling2D", { poolSize: [2, 2], padding: "same" }],
    ["Flatten", {}],
    ["Dense", { units: 2, activation: "sigmoid" }],
  );
  return { graph: b.build(), x: tf.randomNormal([1, 5, 5, 1], 0, 1, "float32", 3), y: tf.tensor2d([[0.2, 0.9]]) };
}

function lstm() {
  const b = new GraphBuilder();
  b.chain(null, ["Input", { shape: [4, 2] }], ["LSTM", { units: 3 }], ["Dense", { units: 1 }]);
  return { graph: b.build(), x: tf.randomNormal([1, 4, 2], 0, 1, "float32", 5), y: tf.tensor2d([[0.5]]) };
}

describe.each([
  ["a small CNN", cnn],
  ["an LSTM", lstm],
])("step-through gradients of %s", (_, make) => {
  beforeAll(() => useBackend("cpu"));

  it("equal tf.variableGrads of the model's loss, weight by weight", () => {
    const { graph, x, y } = make();
    const compiled = compileGraph(graph);
    const { model } = compiled;
    const before = model.trainableWeights.map((w) => Array.from(w.read().dataSync()));
    const mse = lossFunction({ type: "meanSquaredError" });
    const reference = tf.variableGrads(
      () => mse(y, model.apply(x, { training: true }) as tf.Tensor),
      model.trainableWeights.map((w) => w.read() as tf.Variable),
    );
    const r = stepThrough(compiled, [x], [y], mse, config(), 0);

    expect(r.loss.value).toBeCloseTo(reference.value.dataSync()[0], 6);
    const stepped = r.layers.flatMap((l) => l.weights.filter((w) => w.trainable));
    expect(stepped).toHaveLength(model.trainableWeights.length);
    model.trainableWeights.forEach((w, i) => {
      const want = Array.from(reference.grads[(w.read() as tf.Variable).name].dataSync());
      expect(Math.max(...want.map(Math.abs))).toBeGreaterThan(0);
      expect(stepped[i].grad?.values).toEqual(want.map((v) => expect.closeTo(v, 6)));
      const updated = before[i].map((v, j) => v - 0.1 * want[j]);
      expect(stepped[i].updated?.values).toEqual(updated.map((v) => expect.closeTo(v, 6)));
    });
    const predicted = Array.from((model.predict(x) as tf.Tensor).dataSync());
    expect(r.layers.at(-1)?.outputs[0].value.values).toEqual(predicted.map((v) => expect.closeTo(v, 6)));
    expect(model.trainableWeights.map((w) => Array.from(w.read().dataSync()))).toEqual(before);
    model.dispose();
  });
});

describe("step-through of a larger model", () => {
  beforeAll(() => useBackend("cpu"));

  it("summarizes each tensor (shape, mean, std, min, max) instead of listing its values", () => {
    const b = new GraphBuilder();
    b.chain(null, ["Input", { shape: [8] }], ["Dense", { units: 64, activation: "relu" }], ["Dense", { units: 1 }]);
    const compiled = compileGraph(b.build());
    const x = tf.tensor2d([[1, -2, 3, 0.5, 0, 1, 2, -1]]);
    const r = stepThrough(compiled, [x], [tf.tensor2d([[1]])], lossFunction({ type: "meanSquaredError" }), config(), 0);
    expect(r).toMatchObject({ detailed: false, paramCount: 8 * 64 + 64 + 65 });
    const kernel = r.layers[0].weights[0];
    expect(kernel.value.values).toBeUndefined();
    const values = Array.from(compiled.model.layers[1].getWeights()[0].dataSync());
    const mean = values.reduce((a, v) => a + v, 0) / values.length;
    expect(kernel.value).toMatchObject({ shape: [8, 64], min: Math.min(...values), max: Math.max(...values) });
    expect(kernel.value.mean).toBeCloseTo(mean, 6);
    compiled.model.dispose();
  });
});
