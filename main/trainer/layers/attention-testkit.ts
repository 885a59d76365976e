import * as tf from "@tensorflow/tfjs";
import { afterAll, expect } from "vitest";
import { GraphBuilder } from "../../../shared/ir/builder";
import { scaledDotProductAttention } from "../../../shared/layers/attention-math";
import type { Shape } from "../../../shared/shapes/shape";
import { compileGraph } from "../compile/compile";

/** Helpers the attention-family tests share (test-only code). */

export type M = number[][];

/** Inputs wired to one layer's ports (node id "layer"), compiled through the real builders. */
export function layerModel(kind: string, params: Record<string, unknown>, ports: [string, Shape][]): tf.LayersModel {
  const b = new GraphBuilder();
  const ids = ports.map(([, shape], i) => b.add("Input", { shape: [...shape] }, { id: `in${i}` }));
  const node = b.add(kind, params, { id: "layer" });
  for (const [i, id] of ids.entries()) b.connect(id, node, ports[i][0]);
  return compileGraph(b.build()).model;
}

/** Gives every weight of the model seeded N(0, scale) values (biases and gammas too, so they are tested). */
export function randomizeWeights(model: tf.LayersModel, seed = 1, scale = 0.5): void {
  for (const [li, l] of model.layers.entries()) {
    const ws = l.getWeights().map((w, i) => tf.randomNormal(w.shape, 0, scale, "float32", seed + 31 * li + i));
    l.setWeights(ws);
    tf.dispose(ws);
  }
}

/** For a describe block: the returned function keeps a model to dispose after the block's tests. */
export function modelTracker(): (m: tf.LayersModel) => tf.LayersModel {
  const models: tf.LayersModel[] = [];
  afterAll(() => {
    for (const m of models) m.dispose();
  });
  return (m) => {
    models.push(m);
    return m;
  };
}

/** Seeded N(0, 1) values of the given shape as nested arrays. */
export function randomArray(shape: number[], seed: number): number[] | M | M[] {
  return tf.tidy(() => tf.randomNormal(shape, 0, 1, "float32", seed).arraySync() as M[]);
}

export function expectClose(got: M, want: M, tol = 1e-4): void {
  expect(got.length).toBe(want.length);
  for (const [i, row] of got.entries()) {
    expect(row.length).toBe(want[i].length);
    for (const [j, x] of row.entries()) expect(Math.abs(x - want[i][j])).toBeLessThan(tol);
  }
}

/** A model's single output for these inputs, as nested arrays. */
export function predictArray(model: tf.LayersModel, xs: tf.TensorLike[]): M[] {
  return tf.tidy(() => {
    const inputs = xs.map((x) => tf.tensor(x));
    return (model.predict(inputs) as tf.Tensor).arraySync() as M[];
  });
}

/** x [T, d] times w [d, n] in plain numbers. */
export const matMulArr = (x: M, w: M): M =>
  x.map((row) => w[0].map((_, j) => row.reduce((a, xi, i) => a + xi * w[i][j], 0)));
export const matVec = (x: number[], w: M): number[] => matMulArr([x], w)[0];

type Weight = number[] | M | M[];

/** The weight of `layer` whose name ends in `/name`, as nested arrays. */
export function layerWeight(layer: tf.layers.Layer, name: string): Weight {
  const w = layer.weights.find((v) => v.originalName.endsWith(`/${name}`));
  if (!w) throw new Error(`no weight ${name} in ${layer.weights.map((v) => v.originalName).join(", ")}`);
  return w.read().arraySync() as Weight;
}

/**
 * Keras MultiHeadAttention in plain numbers, head by head, with the shared reference attention:
 * Q_h = q W^Q[:, h, :] + b^Q[h], ..., out = sum_h head_h W^O[h] + b^O. `w` looks weights up by name.
 */
export function referenceMha(w: (name: string) => Weight, prefix: string, q: M, v: M, k: M, causal: boolean): M {
  const get = (n: string) => w(`${prefix}${n}`);
  const [wq, bq, wk, bk, wv, bv, wo, bo] = [
    "query/kernel",
    "query/bias",
    "key/kernel",
    "key/bias",
    "value/kernel",
    "value/bias",
    "attentionOutput/kernel",
    "attentionOutput/bias",
  ].map(get) as [M[], M, M[], M, M[], M, M[], number[]];
  const project = (x: M, kernel: M[], bias: M, h: number) =>
    matMulArr(
      x,
      kernel.map((row) => row[h]),
    ).map((row) => row.map((s, j) => s + bias[h][j]));
  const out = q.map(() => [...bo]);
  for (let h = 0; h < wq[0].length; h++) {
    const heads = scaledDotProductAttention(
      project(q, wq, bq, h),
      project(k, wk, bk, h),
      project(v, wv, bv, h),
      causal,
    );
    for (const [t, row] of matMulArr(heads.output, wo[h]).entries()) out[t] = out[t].map((s, o) => s + row[o]);
  }
  return out;
}
