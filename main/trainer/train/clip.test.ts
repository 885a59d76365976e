import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { useBackend } from "../testing/tf-setup";
import { clipByGlobalNorm, clipGradients } from "./clip";

const values = (m: tf.NamedTensorMap) =>
  Object.fromEntries(Object.entries(m).map(([k, t]) => [k, Array.from(t.dataSync())]));

describe.each(["cpu", "wasm"] as const)("gradient clipping on %s", (backend) => {
  beforeAll(() => useBackend(backend));

  it("G-18: the gradient (3, 4) clipped to norm 1 is (0.6, 0.8); with 10 it is unchanged", () => {
    const g = { w: tf.tensor1d([3, 4]) };
    const one = clipByGlobalNorm(g, 1);
    expect(one.norm).toBeCloseTo(5, 6);
    expect(values(one.grads).w[0]).toBeCloseTo(0.6, 6);
    expect(values(one.grads).w[1]).toBeCloseTo(0.8, 6);
    const ten = clipByGlobalNorm(g, 10);
    expect(ten.grads).toBe(g);
    expect(values(ten.grads)).toEqual({ w: [3, 4] });
    tf.dispose([g, one.grads]);
  });

  it("the norm is global: (3) and (4) in two weights are scaled together", () => {
    const g = { a: tf.tensor1d([3]), b: tf.tensor2d([[4]]) };
    const r = clipGradients(g, { type: "norm", clipNorm: 1 });
    expect(r.norm).toBeCloseTo(5, 6);
    expect(r.changed).toBe(true);
    const v = values(r.grads);
    expect(v.a[0]).toBeCloseTo(0.6, 6);
    expect(v.b[0]).toBeCloseTo(0.8, 6);
    expect(r.grads.b.shape).toEqual([1, 1]);
    tf.dispose([g, r.grads]);
  });

  it("clips each element by value", () => {
    const g = { w: tf.tensor1d([-3, 0.2, 4]) };
    const r = clipGradients(g, { type: "value", clipValue: 0.5 });
    expect(values(r.grads).w.map((x) => Math.round(x * 1e6) / 1e6)).toEqual([-0.5, 0.2, 0.5]);
    expect(clipGradients(g, { type: "none" }).grads).toBe(g);
    tf.dispose([g, r.grads]);
  });

  it("leaks no tensors", () => {
    const g = { w: tf.tensor1d([3, 4]) };
    const before = tf.memory().numTensors;
    const r = clipByGlobalNorm(g, 1);
    tf.dispose(r.grads);
    clipByGlobalNorm(g, 10);
    expect(tf.memory().numTensors).toBe(before);
    g.w.dispose();
  });
});
