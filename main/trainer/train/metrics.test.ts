import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import type { LossConfig, MetricName } from "../../../shared/training/config";
import { useBackend } from "../testing/tf-setup";
import { StreamingMetrics } from "./metrics";

const ALL: MetricName[] = ["accuracy", "precision", "recall", "mse", "mae"];
const BCE: LossConfig = { type: "binaryCrossentropy", fromLogits: false };

/** Streams (labels, predictions) through the metrics in batches of `batch`. */
function run(names: MetricName[], loss: LossConfig, y: number[] | number[][], p: number[][], batch = 32) {
  const m = new StreamingMetrics(names, loss);
  for (let i = 0; i < p.length; i += batch) {
    tf.tidy(() => m.update(tf.tensor(y.slice(i, i + batch)), tf.tensor(p.slice(i, i + batch))));
  }
  return m.values();
}

/** A deterministic interleaving, so every batch mixes the cases. */
function interleave<T>(groups: T[][]): T[] {
  const out: T[] = [];
  for (let i = 0; out.length < groups.reduce((s, g) => s + g.length, 0); i++) {
    for (const g of groups) if (i < g.length) out.push(g[i]);
  }
  return out;
}
const rows = (n: number, label: number, pred: number) => Array.from({ length: n }, () => [label, pred] as const);

describe.each(["cpu", "wasm"] as const)("metrics on %s", (backend) => {
  beforeAll(() => useBackend(backend));

  it("D18: TN 50, FP 10, FN 5, TP 100 give accuracy 0.90909, precision 0.90909, recall 0.95238", () => {
    const data = interleave([rows(50, 0, 0.2), rows(10, 0, 0.8), rows(5, 1, 0.3), rows(100, 1, 0.9)]);
    for (const batch of [1, 32, 165]) {
      const v = run(
        ALL,
        BCE,
        data.map(([y]) => [y]),
        data.map(([, p]) => [p]),
        batch,
      );
      expect(v.accuracy).toBeCloseTo(150 / 165, 6);
      expect(v.accuracy).toBeCloseTo(0.90909, 5);
      expect(v.precision).toBeCloseTo(0.90909, 5);
      expect(v.recall).toBeCloseTo(0.95238, 5);
    }
  });

  it("D19: predicting 'healthy' for 95 healthy and 5 sick is 0.95 accurate with recall 0", () => {
    const data = interleave([rows(95, 0, 0.1), rows(5, 1, 0.1)]);
    const v = run(
      ALL,
      BCE,
      data.map(([y]) => [y]),
      data.map(([, p]) => [p]),
    );
    expect(v.accuracy).toBeCloseTo(0.95, 6);
    expect(v.recall).toBe(0);
    expect(v.precision).toBe(0); // no positive predictions: 0, as Keras' divide_no_nan
  });

  it("thresholds logits and hinge scores at 0", () => {
    const logits = run(
      ["accuracy"],
      { type: "binaryCrossentropy", fromLogits: true },
      [[1], [0], [1]],
      [[0.2], [-0.1], [-3]],
    );
    expect(logits.accuracy).toBeCloseTo(2 / 3, 6);
    const hinge = run(
      ["accuracy", "recall"],
      { type: "hinge" },
      [[1], [-1], [-1], [1]],
      [[0.3], [-0.2], [0.4], [-0.5]],
    );
    expect(hinge).toEqual({ accuracy: 0.5, recall: 0.5 });
    // 0/1 labels with a hinge loss mean the same classes.
    expect(run(["accuracy"], { type: "hinge" }, [[1], [0], [0], [1]], [[0.3], [-0.2], [0.4], [-0.5]]).accuracy).toBe(
      0.5,
    );
  });

  it("categorical and sparse labels: argmax accuracy and macro precision/recall", () => {
    // true:  0 0 1 1 2 ; predicted: 0 1 1 1 0
    const probs = [
      [0.8, 0.1, 0.1],
      [0.3, 0.6, 0.1],
      [0.1, 0.7, 0.2],
      [0.2, 0.5, 0.3],
      [0.5, 0.2, 0.3],
    ];
    const labels = [0, 0, 1, 1, 2];
    const oneHot = labels.map((c) => [0, 1, 2].map((k) => (k === c ? 1 : 0)));
    // precision: class 0 1/2, class 1 2/3, class 2 0/0 -> 0; recall: 1/2, 2/2, 0/1.
    const expected = { accuracy: 3 / 5, precision: (1 / 2 + 2 / 3 + 0) / 3, recall: (1 / 2 + 1 + 0) / 3 };
    const names: MetricName[] = ["accuracy", "precision", "recall"];
    for (const batch of [2, 5]) {
      const cat = run(names, { type: "categoricalCrossentropy", fromLogits: false }, oneHot, probs, batch);
      const sparse = run(names, { type: "sparseCategoricalCrossentropy", fromLogits: false }, labels, probs, batch);
      const sparse2d = run(
        names,
        { type: "sparseCategoricalCrossentropy", fromLogits: false },
        labels.map((c) => [c]),
        probs,
        batch,
      );
      for (const v of [cat, sparse, sparse2d]) {
        expect(v.accuracy).toBeCloseTo(expected.accuracy, 6);
        expect(v.precision).toBeCloseTo(expected.precision, 6);
        expect(v.recall).toBeCloseTo(expected.recall, 6);
      }
    }
  });

  it("mse and mae over every output element (G-25a, D6 numbers)", () => {
    const v = run(["mse", "mae"], { type: "meanSquaredError" }, [[1], [2], [3]], [[1.5], [2], [2]], 2);
    expect(v.mse).toBeCloseTo(0.416667, 6);
    expect(v.mae).toBeCloseTo(0.5, 6);
    const d6 = run(
      ["mse", "mae"],
      { type: "meanSquaredError" },
      [
        [4, 0],
        [5, 2],
      ],
      [
        [3.5, 1],
        [5, 3],
      ],
      1,
    );
    expect(d6).toEqual({ mse: 0.5625, mae: 0.625 });
  });

  it("resets between epochs and leaks no tensors", () => {
    const before = tf.memory().numTensors;
    const m = new StreamingMetrics(ALL, BCE);
    tf.tidy(() => m.update(tf.tensor([[1]]), tf.tensor([[0.2]])));
    expect(m.values().accuracy).toBe(0);
    m.reset();
    tf.tidy(() => m.update(tf.tensor([[1]]), tf.tensor([[0.7]])));
    expect(m.values().accuracy).toBe(1);
    expect(tf.memory().numTensors).toBe(before);
    expect(new StreamingMetrics([], BCE).values()).toEqual({});
  });
});
