import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { sequential } from "../../../../shared/ir/builder";
import { normalValues, seededRandom } from "../../testing/gradcheck";
import { useBackend } from "../../testing/tf-setup";
import { compileGraph } from "../compile";

/**
 * The convolution, pooling and spatial builders train end to end with fit() on both backends:
 * stock wasm cannot train any of them (missing kernels), and dilated/causal convolutions cannot
 * train anywhere in stock tfjs 4.22. Each model fits a fixed random regression target; the loss
 * must fall and every trainable weight must move (a gradient reached it).
 */

const MODELS: [string, number[], [string, Record<string, unknown>][]][] = [
  [
    "image: dilated conv, depthwise, separable, tiled, pooling, up-sampling",
    [8, 8, 2],
    [
      ["Conv2D", { filters: 4, kernelSize: 3, dilationRate: 2, padding: "same", activation: "relu" }],
      ["DepthwiseConv2D", { kernelSize: 3, dilationRate: 2, padding: "same" }],
      ["MaxPooling2D", { padding: "same" }],
      ["SeparableConv2D", { filters: 4, kernelSize: 3, padding: "same", activation: "tanh" }],
      ["UpSampling2D", {}],
      ["ZeroPadding2D", { padding: 1 }],
      ["TiledConv2D", { filters: 3, kernelSize: 3, tiles: 2, activation: "elu" }],
      ["Cropping2D", { cropping: [1, 0, 0, 1] }],
      ["Conv2DTranspose", { filters: 2, kernelSize: 3, strides: 2, padding: "same" }],
      ["AveragePooling2D", { poolSize: 3, strides: 2, padding: "same" }],
      ["GlobalAveragePooling2D", {}],
      ["Dense", { units: 1 }],
    ],
  ],
  [
    "sequence: causal dilated conv1d, pooling",
    [12, 3],
    [
      ["Conv1D", { filters: 4, kernelSize: 3, padding: "causal", dilationRate: 2, activation: "relu" }],
      ["MaxPooling1D", { padding: "same" }],
      ["Conv1D", { filters: 4, kernelSize: 2, padding: "causal", strides: 2 }],
      ["AveragePooling1D", { padding: "same" }],
      ["GlobalMaxPooling1D", {}],
      ["Dense", { units: 1 }],
    ],
  ],
];

describe.each(["cpu", "wasm"] as const)("conv models train on %s", (backend) => {
  beforeAll(() => useBackend(backend));

  it.each(MODELS)("%s", async (_name, shape, layers) => {
    const before = tf.memory().numTensors;
    const { model } = compileGraph(sequential(shape, ...layers));
    const rng = seededRandom(5);
    const xs = tf.tensor(normalValues([32, ...shape], rng), [32, ...shape]);
    const ys = tf.tensor(normalValues([32, 1], rng), [32, 1]);
    model.compile({ optimizer: tf.train.adam(0.01), loss: "meanSquaredError" });
    const start = model.getWeights().map((w) => w.dataSync().slice());
    const history = await model.fit(xs, ys, { epochs: 25, batchSize: 16, shuffle: false, verbose: 0 });
    const loss = history.history.loss as number[];
    expect(loss.every(Number.isFinite)).toBe(true);
    expect(loss[loss.length - 1]).toBeLessThan(0.7 * loss[0]);
    const moved = model.getWeights().map((w, i) => {
      const now = w.dataSync();
      return now.some((v, j) => Math.abs(v - start[i][j]) > 1e-6);
    });
    expect(moved.every(Boolean), `weights that did not move: ${moved.map((m, i) => (m ? "" : i)).join(" ")}`).toBe(
      true,
    );
    tf.dispose([xs, ys]);
    model.optimizer.dispose();
    model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
