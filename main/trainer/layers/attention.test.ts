import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { scaledDotProductAttention, sinusoidalEncoding, softmax } from "../../../shared/layers/attention-math";
import { useBackend } from "../testing/tf-setup";
import {
  expectClose,
  layerModel,
  layerWeight,
  type M,
  matVec,
  modelTracker,
  predictArray,
  randomArray,
  randomizeWeights,
  referenceMha,
} from "./attention-testkit";

/**
 * The attention layers against plain-number references: shared/layers/attention-math.ts (which
 * the docs' worked examples use) and per-head loops written here, on the same weights.
 */

const randomSeq = (t: number, d: number, seed: number) => randomArray([1, t, d], seed) as M[];
const predict = (model: tf.LayersModel, xs: M[][]) => predictArray(model, xs);

/** The named weight of the layer under test as nested arrays. */
const weightOf = (model: tf.LayersModel, name: string) => layerWeight(model.getLayer("layer"), name);

describe.each(["cpu", "wasm"] as const)("attention layers on %s", (backend) => {
  beforeAll(() => useBackend(backend));
  const track = modelTracker();

  it("G-30: scaled dot-product attention of Q=[[1,0]], K=[[1,0],[0,1]], V=[[1,2],[3,4]] is [1.660477, 2.660477]", () => {
    const m = track(
      layerModel("ScaledDotProductAttention", {}, [
        ["query", [1, 2]],
        ["value", [2, 2]],
        ["key", [2, 2]],
      ]),
    );
    const [[y]] = predict(m, [
      [[[1, 0]]],
      [
        [
          [1, 2],
          [3, 4],
        ],
      ],
      [
        [
          [1, 0],
          [0, 1],
        ],
      ],
    ]);
    expect(y[0]).toBeCloseTo(1.660477, 5);
    expect(y[1]).toBeCloseTo(2.660477, 5);
  });

  it("scaled dot-product attention equals the reference, key defaulting to value, causal or not", () => {
    for (const causal of [false, true]) {
      const m = track(
        layerModel("ScaledDotProductAttention", { causal }, [
          ["query", [4, 3]],
          ["value", [4, 3]],
        ]),
      );
      const [q, v] = [randomSeq(4, 3, 1)[0], randomSeq(4, 3, 2)[0]];
      expectClose(predict(m, [[q], [v]])[0], scaledDotProductAttention(q, v, v, causal).output);
    }
  });

  it("MultiHeadAttention equals a per-head reference on the same weights (cross, key given, valueDim, outputDim)", () => {
    const params = { numHeads: 2, keyDim: 3, valueDim: 2, outputDim: 5 };
    const m = track(
      layerModel("MultiHeadAttention", params, [
        ["query", [3, 4]],
        ["value", [5, 6]],
        ["key", [5, 7]],
      ]),
    );
    randomizeWeights(m);
    const [q, v, k] = [randomSeq(3, 4, 3)[0], randomSeq(5, 6, 4)[0], randomSeq(5, 7, 5)[0]];
    const [got] = predict(m, [[q], [v], [k]]);
    expect(got).toHaveLength(3);
    expect(got[0]).toHaveLength(5);
    expectClose(
      got,
      referenceMha((n) => weightOf(m, n), "", q, v, k, false),
    );
  });

  it("causal MultiHeadAttention equals the reference, and position 0 ignores every later position", () => {
    const m = track(
      layerModel("MultiHeadAttention", { numHeads: 2, keyDim: 2, causal: true }, [
        ["query", [4, 4]],
        ["value", [4, 4]],
      ]),
    );
    randomizeWeights(m, 7);
    const x = randomSeq(4, 4, 6)[0];
    const [got] = predict(m, [[x], [x]]);
    expectClose(
      got,
      referenceMha((n) => weightOf(m, n), "", x, x, x, true),
    );
    const changed = x.map((row, t) => (t === 0 ? row : row.map((s) => s + 5)));
    const [other] = predict(m, [[changed], [changed]]);
    expectClose([other[0]], [got[0]], 1e-6);
    // ...while a later position does see the change (the test could fail).
    expect(Math.abs(other[3][0] - got[3][0])).toBeGreaterThan(1e-3);
  });

  it("LuongAttention scores: dot, general and concat against plain loops", () => {
    const q = randomSeq(3, 4, 8)[0];
    const v = randomSeq(5, 4, 9)[0];
    const context = (scores: M) =>
      scores.map((s) => softmax(s)).map((a) => v[0].map((_, c) => a.reduce((acc, aj, j) => acc + aj * v[j][c], 0)));
    const dot = track(
      layerModel("LuongAttention", { score: "dot" }, [
        ["query", [3, 4]],
        ["value", [5, 4]],
      ]),
    );
    const dotScores = q.map((ht) => v.map((hs) => ht.reduce((a, x, i) => a + x * hs[i], 0)));
    expectClose(predict(dot, [[q], [v]])[0], context(dotScores));

    const general = track(
      layerModel("LuongAttention", { score: "general" }, [
        ["query", [3, 4]],
        ["value", [5, 4]],
      ]),
    );
    randomizeWeights(general, 3);
    const wa = weightOf(general, "W_a") as M;
    const genScores = q.map((ht) => {
      const htW = matVec(ht, wa);
      return v.map((hs) => htW.reduce((a, x, i) => a + x * hs[i], 0));
    });
    expectClose(predict(general, [[q], [v]])[0], context(genScores));

    const concat = track(
      layerModel("LuongAttention", { score: "concat", units: 6 }, [
        ["query", [3, 4]],
        ["value", [5, 4]],
      ]),
    );
    randomizeWeights(concat, 4);
    const [w, va] = [weightOf(concat, "W_a") as M, weightOf(concat, "v_a") as number[]];
    const catScores = q.map((ht) =>
      v.map((hs) => matVec([...ht, ...hs], w).reduce((a, e, u) => a + Math.tanh(e) * va[u], 0)),
    );
    expectClose(predict(concat, [[q], [v]])[0], context(catScores));
  });

  it("sinusoidal positional encoding adds exactly the shared sinusoidalEncoding table (odd d too)", () => {
    for (const [t, d] of [
      [6, 8],
      [50, 7],
    ]) {
      const m = track(layerModel("PositionalEncoding", {}, [["in", [null, d]]]));
      const zeros = [Array.from({ length: t }, () => new Array(d).fill(0))];
      expectClose(predict(m, [zeros])[0], sinusoidalEncoding(t, d), 1e-6);
    }
    // The doc's example: d = 4, pos = 1 -> [sin 1, cos 1, sin 0.01, cos 0.01].
    const m = track(layerModel("PositionalEncoding", {}, [["in", [2, 4]]]));
    expectClose(
      [
        predict(m, [
          [
            [
              [1, 1, 1, 1],
              [1, 1, 1, 1],
            ],
          ],
        ])[0][1],
      ],
      [[1.841471, 1.540302, 1.01, 1.99995]],
      1e-5,
    );
  });

  it("learned positional encoding adds rows 0..T-1 of its table, for any T up to maxLength", () => {
    const m = track(layerModel("PositionalEncoding", { mode: "learned", maxLength: 5 }, [["in", [null, 3]]]));
    randomizeWeights(m, 11);
    const table = weightOf(m, "embeddings") as M;
    const x = randomSeq(4, 3, 12);
    expectClose(
      predict(m, [x])[0],
      x[0].map((row, t) => row.map((s, c) => s + table[t][c])),
      1e-6,
    );
    expect(() => tf.tidy(() => m.predict(tf.zeros([1, 6, 3])))).toThrow(/5 positions/);
  });
});
