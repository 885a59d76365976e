import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { mulberry32 } from "../../../shared/random";
import type { TelemetryRecord } from "../../../shared/training/telemetry";
import { useBackend } from "../testing/tf-setup";
import { lossFunction } from "../train/losses";
import { recordTelemetry, telemetryProbe } from "./telemetry";
import { histogram } from "./telemetry-stats";

const CONFIG = { enabled: true, explodingNorm: 1000 };
const mse = lossFunction({ type: "meanSquaredError" });

/** A Dense stack: `depth` hidden layers of `width` units with one activation and initializer. */
function mlp(depth: number, width: number, activation: "sigmoid" | "relu", init: string): tf.LayersModel {
  const input = tf.input({ shape: [4] });
  let x: tf.SymbolicTensor = input;
  for (let i = 0; i < depth; i++)
    x = tf.layers
      .dense({ units: width, activation, kernelInitializer: init, name: `hidden${i + 1}` } as never)
      .apply(x) as tf.SymbolicTensor;
  const output = tf.layers.dense({ units: 1, name: "out" }).apply(x) as tf.SymbolicTensor;
  return tf.model({ inputs: input, outputs: output });
}

function record(model: tf.LayersModel, x: tf.Tensor, y: tf.Tensor): TelemetryRecord {
  return recordTelemetry(telemetryProbe(model), [x], [y], mse, 1, new Map(), CONFIG);
}

function data(n: number, seed: number): [tf.Tensor, tf.Tensor] {
  const random = mulberry32(seed);
  const x = Array.from({ length: n * 4 }, () => random() * 2 - 1);
  const y = Array.from({ length: n }, (_, i) => x[i * 4] * x[i * 4 + 1]);
  return [tf.tensor2d(x, [n, 4]), tf.tensor2d(y, [n, 1])];
}

describe.each(["cpu", "wasm"] as const)("per-layer telemetry on %s", (backend) => {
  beforeAll(async () => {
    await useBackend(backend);
    Math.random = mulberry32(11); // seeds tfjs' initializers
  });

  // 12 layers: with 10 at this width the first layer's relative norm stays above the 1e-7 threshold.
  it("warns of vanishing gradients in a deep sigmoid MLP, at the first layers", () => {
    const model = mlp(12, 16, "sigmoid", "glorotUniform");
    const [x, y] = data(32, 1);
    const r = record(model, x, y);
    const vanishing = r.layers.filter((l) => l.warnings.some((w) => w.kind === "vanishing")).map((l) => l.name);
    expect(vanishing).toContain("hidden1");
    expect(vanishing).not.toContain("out");
    // The norm falls layer by layer toward the input: what the warning is about.
    const norm = (name: string) => r.layers.find((l) => l.name === name)?.gradNorm ?? Number.NaN;
    expect(norm("hidden1")).toBeLessThan(norm("hidden12") * 1e-4);
    tf.dispose([x, y]);
    model.dispose();
  });

  it("gives no warning on a ReLU MLP with He initialization", () => {
    const model = mlp(12, 16, "relu", "heNormal");
    const [x, y] = data(32, 2);
    const r = record(model, x, y);
    expect(r.layers.flatMap((l) => l.warnings.filter((w) => w.kind !== "dead"))).toEqual([]);
    expect(r.layers.every((l) => l.gradNorm !== null && l.gradNorm > 0)).toBe(true);
    tf.dispose([x, y]);
    model.dispose();
  });

  it("reports the dead fraction of a constructed ReLU layer and histograms of its real tensors", () => {
    const input = tf.input({ shape: [2] });
    const dense = tf.layers.dense({ units: 4, activation: "relu", name: "constructed" });
    const model = tf.model({ inputs: input, outputs: dense.apply(input) as tf.SymbolicTensor });
    // Inputs are all positive: unit 0 and 2 have positive weights (alive), unit 1 negative (dead),
    // unit 3 zero weights and a negative bias (dead).
    const kernel = [1, -1, 0.5, 0, 1, -2, 0.5, 0];
    dense.setWeights([tf.tensor2d(kernel, [2, 4]), tf.tensor1d([0, 0, 0, -0.1])]);
    const x = tf.tensor2d([0.1, 0.2, 1, 3, 2, 0.5], [3, 2]);
    const y = tf.zeros([3, 4]);
    const r = record(model, x, y);
    const layer = r.layers.find((l) => l.name === "constructed");
    expect(layer?.deadFraction).toBe(0.5);
    expect(layer?.warnings.map((w) => w.kind)).toContain("dead");
    expect(layer?.weights).toEqual(histogram([...kernel, 0, 0, 0, -0.1].map(Math.fround)));
    const activations = (model.predict(x) as tf.Tensor).dataSync();
    expect(layer?.activations).toEqual(histogram(activations));
    // The gradients are tfjs' own: the same as tf.grads of the loss over the kernel and bias.
    const vars = dense.trainableWeights.map((w) => w.read() as tf.Variable);
    const { value, grads } = tf.variableGrads(() => mse(y, model.apply(x) as tf.Tensor), vars);
    const [gk, gb] = vars.map((v) => grads[v.name]);
    expect(layer?.gradients).toEqual(histogram([...gk.dataSync(), ...gb.dataSync()]));
    tf.dispose([x, y, value, gk, gb]);
    model.dispose();
  });

  it("leaves no tensors behind", () => {
    const model = mlp(2, 4, "relu", "heNormal");
    const [x, y] = data(8, 3);
    const probe = telemetryProbe(model);
    recordTelemetry(probe, [x], [y], mse, 1, new Map(), CONFIG);
    const before = tf.memory().numTensors;
    recordTelemetry(probe, [x], [y], mse, 2, new Map(), CONFIG);
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([x, y]);
    model.dispose();
  });
});
