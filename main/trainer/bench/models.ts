/**
 * The three reference models of `npm run bench:train` (issue 3, item 8), shared by the benchmark
 * and the per-kernel profiler so both measure exactly the same training step.
 */
import * as tf from "@tensorflow/tfjs";
import { GraphBuilder } from "../../../shared/ir/builder";
import { compileGraph } from "../compile/compile";
import { lossFunction } from "../train/losses";
import { createOptimizer, disposeOptimizer } from "../train/optimizers";
import { trainStep } from "../train/step";

export type ModelName = "mlp" | "cnn" | "lstm";
export const MODELS: ModelName[] = ["mlp", "cnn", "lstm"];
export const BATCH_SIZE: Record<ModelName, number> = { mlp: 128, cnn: 64, lstm: 64 };

export function graph(name: ModelName) {
  const b = new GraphBuilder();
  if (name === "mlp") {
    b.chain(
      null,
      ["Input", { shape: [784] }],
      ["Dense", { units: 256, activation: "relu" }],
      ["Dense", { units: 128, activation: "relu" }],
      ["Dense", { units: 10, activation: "softmax" }],
    );
  } else if (name === "cnn") {
    b.chain(
      null,
      ["Input", { shape: [28, 28, 1] }],
      ["Conv2D", { filters: 32, kernelSize: 3, activation: "relu" }],
      ["MaxPooling2D", { poolSize: 2 }],
      ["Conv2D", { filters: 64, kernelSize: 3, activation: "relu" }],
      ["MaxPooling2D", { poolSize: 2 }],
      ["Flatten"],
      ["Dense", { units: 128, activation: "relu" }],
      ["Dense", { units: 10, activation: "softmax" }],
    );
  } else {
    b.chain(null, ["Input", { shape: [50, 32] }], ["LSTM", { units: 64 }], ["Dense", { units: 1 }]);
  }
  return b.build();
}

/** A compiled model with Adam(1e-3), its loss and one random batch; `step()` trains once. */
export interface Trainer {
  step: () => number;
  dispose: () => void;
}

export function trainer(name: ModelName): Trainer {
  const compiled = compileGraph(graph(name));
  const optimizer = createOptimizer({ type: "adam", beta1: 0.9, beta2: 0.999, epsilon: 1e-7 }, 1e-3);
  const loss = lossFunction(
    name === "lstm" ? { type: "meanSquaredError" } : { type: "categoricalCrossentropy", fromLogits: false },
  );
  const n = BATCH_SIZE[name];
  const shape = name === "mlp" ? [n, 784] : name === "cnn" ? [n, 28, 28, 1] : [n, 50, 32];
  const x = tf.randomNormal(shape);
  const y = name === "lstm" ? tf.randomNormal([n, 1]) : tf.oneHot(tf.randomUniform([n], 0, 10, "int32"), 10).toFloat();
  return {
    step: () => trainStep(compiled.model, optimizer, x, y, { loss }).loss,
    dispose: () => {
      tf.dispose([x, y]);
      disposeOptimizer(optimizer);
      compiled.model.dispose();
    },
  };
}
