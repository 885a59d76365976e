import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { INITIALIZERS, TRUNCATED_STD_FACTOR } from "../../../shared/layers/initializers";
import { useBackend } from "../testing/tf-setup";
import { initializer, regularizer } from "./weights-config";

/** The catalog's initializer formulas (G-17) as tfjs actually samples them through our mapping. */
function sample(name: keyof typeof INITIALIZERS, fanIn: number, fanOut: number): Float32Array {
  const layer = tf.layers.dense({ units: fanOut, kernelInitializer: initializer(name), inputShape: [fanIn] });
  layer.build([null, fanIn]);
  const values = layer.getWeights()[0].dataSync() as Float32Array;
  for (const w of layer.weights) w.dispose();
  return values;
}
const maxAbs = (v: Float32Array) => v.reduce((m, x) => Math.max(m, Math.abs(x)), 0);
const std = (v: Float32Array) => Math.sqrt(v.reduce((s, x) => s + x * x, 0) / v.length);

describe("initializers through tfjs", () => {
  beforeAll(() => useBackend("cpu"));

  it.each([
    ["fanInUniform", 1 / Math.sqrt(300)],
    ["glorotUniform", Math.sqrt(6 / (300 + 200))],
    ["heUniform", Math.sqrt(6 / 300)],
    ["leCunUniform", Math.sqrt(3 / 300)],
  ] as const)("%s stays within its limit and reaches it", (name, limit) => {
    const v = sample(name, 300, 200);
    expect(maxAbs(v)).toBeLessThanOrEqual(limit * (1 + 1e-6));
    expect(maxAbs(v)).toBeGreaterThan(limit * 0.99);
    expect(INITIALIZERS[name].limit?.(300, 200)).toBeCloseTo(limit, 10);
  });

  it.each([
    ["glorotNormal", Math.sqrt(2 / (300 + 200))],
    ["heNormal", Math.sqrt(2 / 300)],
    ["leCunNormal", Math.sqrt(1 / 300)],
  ] as const)("%s has the truncated-normal spread (about 0.88 of the formula's std)", (name, sigma) => {
    expect(std(sample(name, 300, 200))).toBeCloseTo(sigma * TRUNCATED_STD_FACTOR, 3);
  });

  it("maps an L1/L2 pair to a tfjs regularizer and none to undefined", () => {
    expect(regularizer(null)).toBeUndefined();
    expect(regularizer({ l1: 0, l2: 0 })).toBeUndefined();
    const r = regularizer({ l1: 0, l2: 0.01 });
    const penalty = tf.tidy(() => (r as NonNullable<typeof r>).apply(tf.tensor1d([1, -2])).dataSync()[0]);
    expect(penalty).toBeCloseTo(0.05, 6); // G-19's penalty term: 0.01 * (1 + 4)
  });
});
