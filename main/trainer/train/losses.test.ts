import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { LOGIT_LOSSES, LOSS_TYPES, type LossConfig, type LossType } from "../../../shared/training/config";
import { useBackend } from "../testing/tf-setup";
import { halfSumSquaredError, huber, lossFunction, signedLabels, trainingLoss } from "./losses";

const configOf = (type: LossType): LossConfig =>
  (type === "huber"
    ? { type, delta: 0.2 }
    : (LOGIT_LOSSES as readonly string[]).includes(type)
      ? { type, fromLogits: false }
      : { type }) as LossConfig;
const loss = (type: string, extra: Record<string, unknown> = {}) => lossFunction({ type, ...extra } as LossConfig);

/** The scalar value of loss(y, p) for nested arrays. */
function value(fn: (y: tf.Tensor, p: tf.Tensor) => tf.Scalar, y: number[] | number[][], p: number[] | number[][]) {
  return tf.tidy(() => fn(tf.tensor(y), tf.tensor(p)).dataSync()[0]);
}

describe.each(["cpu", "wasm"] as const)("losses on %s", (backend) => {
  beforeAll(() => useBackend(backend));

  it("G-20: Huber with delta 1 is 0.125 at e = 0.5 and 1.5 at e = 2", () => {
    expect(value(huber(1), [[0]], [[0.5]])).toBeCloseTo(0.125, 6);
    expect(value(huber(1), [[0]], [[2]])).toBeCloseTo(1.5, 6);
    expect(value(huber(1), [[0]], [[-2]])).toBeCloseTo(1.5, 6);
    expect(value(huber(2), [[0]], [[3]])).toBeCloseTo(4, 6); // delta (|e| - delta/2) = 2 * 2
  });

  it("G-25a: MSE 0.416667 and MAE 0.5 for y = [1, 2, 3], ŷ = [1.5, 2, 2]", () => {
    expect(value(loss("meanSquaredError"), [1, 2, 3], [1.5, 2, 2])).toBeCloseTo(0.416667, 6);
    expect(value(loss("meanAbsoluteError"), [1, 2, 3], [1.5, 2, 2])).toBeCloseTo(0.5, 6);
    // Shaped as a batch of three one-output samples, the mean over the batch is the same.
    expect(value(loss("meanSquaredError"), [[1], [2], [3]], [[1.5], [2], [2]])).toBeCloseTo(0.416667, 6);
  });

  it("G-25b: BCE 0.164252 for labels (1, 0) and predictions (0.9, 0.2); CCE 0.356675 for p = 0.7", () => {
    const bce = loss("binaryCrossentropy", { fromLogits: false });
    expect(value(bce, [[1], [0]], [[0.9], [0.2]])).toBeCloseTo(0.164252, 6);
    const cce = loss("categoricalCrossentropy", { fromLogits: false });
    expect(value(cce, [[0, 1, 0]], [[0.2, 0.7, 0.1]])).toBeCloseTo(0.356675, 6);
    const sparse = loss("sparseCategoricalCrossentropy", { fromLogits: false });
    expect(value(sparse, [1], [[0.2, 0.7, 0.1]])).toBeCloseTo(0.356675, 6);
    expect(value(sparse, [[1]], [[0.2, 0.7, 0.1]])).toBeCloseTo(0.356675, 6);
    // The same probabilities given as logits (log p) through the fromLogits paths.
    const logits = [[Math.log(0.2), Math.log(0.7), Math.log(0.1)]];
    expect(value(loss("categoricalCrossentropy", { fromLogits: true }), [[0, 1, 0]], logits)).toBeCloseTo(0.356675, 5);
    const logit = (q: number) => Math.log(q / (1 - q));
    expect(
      value(loss("binaryCrossentropy", { fromLogits: true }), [[1], [0]], [[logit(0.9)], [logit(0.2)]]),
    ).toBeCloseTo(0.164252, 5);
  });

  it("G-25c: hinge 0.7 for y = +1, f = 0.3 and 1.3 for y = -1; 0/1 labels mean the same", () => {
    expect(value(loss("hinge"), [[1]], [[0.3]])).toBeCloseTo(0.7, 6);
    expect(value(loss("hinge"), [[-1]], [[0.3]])).toBeCloseTo(1.3, 6);
    expect(value(loss("hinge"), [[1], [-1]], [[0.3], [0.3]])).toBeCloseTo(1.0, 6);
    expect(value(loss("hinge"), [[1], [0]], [[0.3], [0.3]])).toBeCloseTo(1.0, 6);
    expect(value(loss("hinge"), [[0]], [[0.3]])).toBeCloseTo(1.3, 6);
    expect(value(loss("squaredHinge"), [[1], [0]], [[0.3], [0.3]])).toBeCloseTo((0.49 + 1.69) / 2, 6);
    expect(tf.tidy(() => Array.from(signedLabels(tf.tensor([0, 1, 1])).dataSync()))).toEqual([-1, 1, 1]);
    expect(tf.tidy(() => Array.from(signedLabels(tf.tensor([-1, 1, 1])).dataSync()))).toEqual([-1, 1, 1]);
  });

  it("D6: MSLE 0.143579 for y = [4, 0, 5, 2], ŷ = [3.5, 1, 5, 3] (MSE 0.5625, MAE 0.625)", () => {
    expect(value(loss("meanSquaredLogarithmicError"), [4, 0, 5, 2], [3.5, 1, 5, 3])).toBeCloseTo(0.143579, 6);
    expect(value(loss("meanSquaredError"), [4, 0, 5, 2], [3.5, 1, 5, 3])).toBeCloseTo(0.5625, 6);
    expect(value(loss("meanAbsoluteError"), [4, 0, 5, 2], [3.5, 1, 5, 3])).toBeCloseTo(0.625, 6);
  });

  // Keras' documented standalone examples (keras.io/api/losses, each class's "Standalone usage");
  // every value was re-derived by hand from the Keras formula before being written here.
  const A = [
    [0, 1],
    [0, 0],
  ];
  const P = [
    [0.6, 0.4],
    [0.4, 0.6],
  ];
  const Q = [
    [1, 1],
    [0, 0],
  ];
  it.each([
    ["squaredHinge", {}, A, P, 1.86],
    ["categoricalHinge", {}, A, P, 1.4],
    ["kullbackLeiblerDivergence", {}, A, P, 0.458],
    ["huber", { delta: 1 }, A, P, 0.155],
    ["binaryCrossentropy", { fromLogits: false }, A, P, 0.815],
    ["logCosh", {}, A, Q, 0.108],
    ["poisson", {}, A, Q, 0.5],
    [
      "meanSquaredLogarithmicError",
      {},
      A,
      [
        [1, 1],
        [1, 0],
      ],
      0.24,
    ],
    [
      "meanAbsolutePercentageError",
      {},
      [
        [2, 1],
        [2, 3],
      ],
      [
        [1, 1],
        [1, 0],
      ],
      50,
    ],
    [
      "cosineSimilarity",
      {},
      [
        [0, 1],
        [1, 1],
      ],
      [
        [1, 0],
        [1, 1],
      ],
      -0.5,
    ],
    [
      "categoricalCrossentropy",
      { fromLogits: false },
      [
        [0, 1, 0],
        [0, 0, 1],
      ],
      [
        [0.05, 0.95, 0],
        [0.1, 0.8, 0.1],
      ],
      1.177,
    ],
    [
      "sparseCategoricalCrossentropy",
      { fromLogits: false },
      [1, 2],
      [
        [0.05, 0.95, 0],
        [0.1, 0.8, 0.1],
      ],
      1.177,
    ],
    ["binaryCrossentropy", { fromLogits: true }, [0, 1, 0, 0], [-18.6, 0.51, 2.94, -12.8], 0.865],
  ] as const)("Keras' example for %s %j", (type, extra, y, p, expected) => {
    expect(value(loss(type, extra), y as number[][], p as number[][])).toBeCloseTo(expected, 3);
  });

  it("every loss has a gradient that matches finite differences", () => {
    const p = [
      [0.3, 0.55, 0.15],
      [0.6, 0.25, 0.45],
    ];
    for (const type of LOSS_TYPES) {
      const fn = lossFunction(configOf(type));
      // Soft labels away from 0, so that MAPE's 1/max(|y|, eps) stays in float32's range.
      const y =
        type === "sparseCategoricalCrossentropy"
          ? [1, 0]
          : [
              [0.2, 0.7, 0.1],
              [0.5, 0.3, 0.2],
            ];
      const g = tf.tidy(
        () =>
          tf
            .grad((x: tf.Tensor) => fn(tf.tensor(y), x))(tf.tensor(p))
            .arraySync() as number[][],
      );
      const h = 1e-3;
      for (let i = 0; i < 2; i++) {
        for (let j = 0; j < 3; j++) {
          const shifted = (d: number) => p.map((row, a) => row.map((v, b) => (a === i && b === j ? v + d : v)));
          const fd = (value(fn, y, shifted(h)) - value(fn, y, shifted(-h))) / (2 * h);
          const where = `${type} d/dp[${i}][${j}]: ${g[i][j]} vs ${fd}`;
          expect(Math.abs(g[i][j] - fd), where).toBeLessThan(2e-3 * Math.max(1, Math.abs(fd)));
        }
      }
    }
  });

  it("the perceptron criterion's gradient is (ŷ - y), summed over the batch", () => {
    const g = tf.tidy(() =>
      Array.from(
        tf
          .grad((x: tf.Tensor) => halfSumSquaredError(tf.tensor([[1], [0], [1]]), x))(tf.tensor([[0], [0], [1]]))
          .dataSync(),
      ),
    );
    expect(g).toEqual([-1, 0, 0]);
    expect(trainingLoss({ type: "meanSquaredError" }, "perceptron")).toBe(halfSumSquaredError);
    expect(trainingLoss({ type: "meanSquaredError" }, "sgd")).not.toBe(halfSumSquaredError);
  });

  it("does not leak tensors", () => {
    const before = tf.memory().numTensors;
    for (const type of LOSS_TYPES) {
      value(lossFunction(configOf(type)), type === "sparseCategoricalCrossentropy" ? [1] : [[0, 1]], [[0.4, 0.6]]);
    }
    expect(tf.memory().numTensors).toBe(before);
  });
});
