import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { sequential } from "../../../../shared/ir/builder";
import type { Shape } from "../../../../shared/shapes/shape";
import { useBackend } from "../../testing/tf-setup";
import { compileGraph } from "../compile";

/**
 * What the example table cannot see: the values of the activation blocks (golden cases G-3, G-5,
 * G-13, G-24 from ../shared/curriculum/inventory-notes-000-002.md PART VI), Keras' ReLU extras,
 * ELU with any alpha, softmax on a non-last axis and RReLU's training / inference split.
 */

function model(kind: string, params: Record<string, unknown>, shape: Shape): tf.LayersModel {
  return compileGraph(sequential([...shape], [kind, params])).model;
}

function run(kind: string, params: Record<string, unknown>, x: number[]): number[] {
  const m = model(kind, params, [x.length]);
  const y = tf.tidy(() => Array.from((m.predict(tf.tensor2d([x])) as tf.Tensor).dataSync()));
  m.dispose();
  return y;
}

/** d(sum y)/dx by the layer's own gradient, and by central differences, at the given points. */
function gradients(layer: tf.layers.Layer, xs: number[]): { analytic: number[]; numeric: number[] } {
  const f = (t: tf.Tensor) => tf.sum(layer.apply(t) as tf.Tensor);
  const h = 1e-3;
  return tf.tidy(() => {
    const analytic = Array.from(
      tf
        .grad(f)(tf.tensor2d([xs]))
        .dataSync(),
    );
    const numeric = xs.map((_, i) => {
      const at = (d: number) => f(tf.tensor2d([xs.map((v, j) => (j === i ? v + d : v))])).dataSync()[0];
      return (at(h) - at(-h)) / (2 * h);
    });
    return { analytic, numeric };
  });
}

function expectClose(got: number[], want: number[], digits = 5): void {
  expect(got).toHaveLength(want.length);
  got.forEach((g, i) => {
    expect(g).toBeCloseTo(want[i], digits);
  });
}

describe.each(["cpu", "wasm"] as const)("activation layer builders (%s)", (backend) => {
  beforeAll(() => useBackend(backend));

  it("ReLU: G-5 [[5, -10], [-3, 7]] -> [[5, 0], [0, 7]], and ReLU6 caps at 6", () => {
    const m = model("ReLU", {}, [2, 2]);
    const y = tf.tidy(() =>
      (
        m.predict(
          tf.tensor3d([
            [
              [5, -10],
              [-3, 7],
            ],
          ]),
        ) as tf.Tensor
      ).arraySync(),
    );
    expect(y).toEqual([
      [
        [5, 0],
        [0, 7],
      ],
    ]);
    m.dispose();
    expect(run("ReLU", { maxValue: 6 }, [-1, 3, 9])).toEqual([0, 3, 6]);
  });

  it("ReLU with negativeSlope and threshold follows the spec's formula, with the right gradient", () => {
    const params = { negativeSlope: 0.1, threshold: 0.5, maxValue: 2 };
    const xs = [-2, 0.2, 0.7, 1.5, 3];
    // y = x on [0.5, 2), 2 above, 0.1 (x - 0.5) below 0.5.
    expectClose(run("ReLU", params, xs), [-0.25, -0.03, 0.7, 1.5, 2]);
    const m = model("ReLU", params, [xs.length]);
    const { analytic, numeric } = gradients(m.layers[1], xs);
    expectClose(analytic, [0.1, 0.1, 1, 1, 0]);
    expectClose(analytic, numeric, 3);
    m.dispose();
  });

  it("LeakyReLU uses the spec's alpha 0.01 (G-13: f(-2) = -0.02), not tfjs' 0.3", () => {
    expectClose(run("LeakyReLU", {}, [-2, 3]), [-0.02, 3]);
    expectClose(run("LeakyReLU", { alpha: 0.3 }, [-2]), [-0.6]);
  });

  it("ELU: G-24 with alpha 1, and alpha 0.5 (which tfjs' own layer rejects) with its gradient", () => {
    expectClose(run("ELU", {}, [-1, -2, 1.5]), [-0.632121, -0.864665, 1.5]);
    const xs = [-1, -2, 1.5];
    // 0.5 (e^x - 1): -0.316060, -0.432332.
    expectClose(run("ELU", { alpha: 0.5 }, xs), [0.5 * (Math.exp(-1) - 1), 0.5 * (Math.exp(-2) - 1), 1.5]);
    const m = model("ELU", { alpha: 0.5 }, [3]);
    const { analytic, numeric } = gradients(m.layers[1], xs);
    expectClose(analytic, [0.5 * Math.exp(-1), 0.5 * Math.exp(-2), 1]);
    expectClose(analytic, numeric, 3);
    m.dispose();
  });

  it("Softmax: G-3 [5, 4, -1] -> [0.730, 0.268, 0.002]", () => {
    expectClose(run("Softmax", {}, [5, 4, -1]), [0.72974, 0.26845, 0.00181], 4);
  });

  it("Softmax over axis 1 of a (10, 5) input sums to 1 down each column and matches a transposed softmax", () => {
    const m = model("Softmax", { axis: 1 }, [10, 5]);
    const x = tf.randomNormal([2, 10, 5], 0, 3);
    const y = m.predict(x) as tf.Tensor;
    const sums = tf.sum(y, 1);
    expectClose(Array.from(sums.dataSync()), new Array(10).fill(1));
    // Reference: move axis 1 last, softmax there, move it back.
    const ref = tf.tidy(() => tf.transpose(tf.softmax(tf.transpose(x, [0, 2, 1])), [0, 2, 1]));
    expectClose(Array.from(y.dataSync()), Array.from(ref.dataSync()));
    // The last axis is NOT normalized (the default would be): its sums differ from 1.
    const rows = tf.sum(y, 2);
    expect(Array.from(rows.dataSync()).some((s) => Math.abs(s - 1) > 1e-3)).toBe(true);
    tf.dispose([x, y, sums, ref, rows]);
    m.dispose();
  });

  it("Softmax on a non-last axis has the gradient of the true softmax (finite differences)", () => {
    const m = model("Softmax", { axis: 1 }, [3, 2]);
    const layer = m.layers[1];
    const x = [0.3, -1.2, 2, 0.5, -0.4, 1.1];
    const w = tf.tensor3d([
      [
        [1, -2],
        [0.5, 3],
        [-1, 0.7],
      ],
    ]);
    const f = (t: tf.Tensor) => tf.sum(tf.mul(layer.apply(t) as tf.Tensor, w));
    const h = 1e-3;
    const analytic = tf.tidy(() =>
      Array.from(
        tf
          .grad(f)(tf.tensor3d(x, [1, 3, 2]))
          .dataSync(),
      ),
    );
    const numeric = x.map((_, i) => {
      const at = (d: number) =>
        tf.tidy(
          () =>
            f(
              tf.tensor3d(
                x.map((v, j) => (j === i ? v + d : v)),
                [1, 3, 2],
              ),
            ).dataSync()[0],
        );
      return (at(h) - at(-h)) / (2 * h);
    });
    expectClose(analytic, numeric, 2);
    expect(analytic.some((g) => Math.abs(g) > 0.05)).toBe(true);
    w.dispose();
    m.dispose();
  });

  it("PReLU shares one slope per channel with sharedAxes [1, 2]", () => {
    const m = model("PReLU", { sharedAxes: [1, 2] }, [2, 2, 3]);
    const layer = m.layers[1];
    expect(layer.weights[0].shape).toEqual([1, 1, 3]);
    tf.tidy(() => layer.setWeights([tf.tensor3d([[[0.1, 0.2, 0.3]]])]));
    const y = tf.tidy(() => Array.from((m.predict(tf.fill([1, 2, 2, 3], -10)) as tf.Tensor).dataSync()));
    expectClose(y, [-1, -2, -3, -1, -2, -3, -1, -2, -3, -1, -2, -3]);
    m.dispose();
  });

  it("RandomizedLeakyReLU: mean slope at inference, per-element slopes in [lower, upper] in training", () => {
    const m = model("RandomizedLeakyReLU", { lower: 0.1, upper: 0.3 }, [1000]);
    const x = tf.tidy(() => tf.concat([tf.fill([1, 500], -1), tf.fill([1, 500], 2)], 1));
    const infer = tf.tidy(() => Array.from((m.predict(x) as tf.Tensor).dataSync()));
    expectClose(infer.slice(0, 3), [-0.2, -0.2, -0.2]);
    expect(infer.slice(500).every((v) => v === 2)).toBe(true);
    // model.apply with training: true is the path fit() takes (training.js execute(..., {training: true})).
    const train = tf.tidy(() => Array.from((m.apply(x, { training: true }) as tf.Tensor).dataSync()));
    const slopes = train.slice(0, 500).map((v) => -v);
    expect(slopes.every((a) => a >= 0.1 - 1e-6 && a <= 0.3 + 1e-6)).toBe(true);
    expect(new Set(slopes.map((a) => a.toFixed(4))).size).toBeGreaterThan(100);
    // U(0.1, 0.3) has mean 0.2 and sd 0.0577; over 500 draws the mean is within 0.02 (> 7 sd).
    expect(slopes.reduce((a, b) => a + b, 0) / 500).toBeCloseTo(0.2, 1);
    expect(train.slice(500).every((v) => v === 2)).toBe(true);
    x.dispose();
    m.dispose();
  });

  it("RandomizedLeakyReLU's training gradient is the drawn slope below 0 and 1 above", () => {
    const m = model("RandomizedLeakyReLU", { lower: 0.2, upper: 0.2 }, [2]);
    const layer = m.layers[1];
    const g = tf.tidy(() =>
      Array.from(
        tf
          .grad((t: tf.Tensor) => tf.sum(layer.apply(t, { training: true }) as tf.Tensor))(tf.tensor2d([[-3, 4]]))
          .dataSync(),
      ),
    );
    expectClose(g, [0.2, 1]);
    m.dispose();
  });
});
