import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { GraphBuilder } from "../../../../shared/ir/builder";
import type { Shape } from "../../../../shared/shapes/shape";
import { useBackend } from "../../testing/tf-setup";
import { compileGraph } from "../compile";

/**
 * Merge-layer values the example table cannot see: Subtract's port order and per-sample
 * broadcasting, the negative axes tfjs mishandles (Concatenate, Dot), cosine Dot.
 */

/** Inputs -> kind, each input wired to a port (a variadic port takes all, in edge order). */
function mergeModel(kind: string, params: Record<string, unknown>, inputs: [port: string, shape: Shape][]) {
  const b = new GraphBuilder();
  const ids = inputs.map(([, shape], i) => b.add("Input", { shape: [...shape] }, { id: `in${i}` }));
  const node = b.add(kind, params, { id: "merge" });
  for (const [i, id] of ids.entries()) b.connect(id, node, inputs[i][0]);
  const compiled = compileGraph(b.build());
  // The model's inputs follow the graph's order of Input nodes, in0, in1, ...
  expect(compiled.inputs).toEqual(ids);
  return compiled.model;
}

function predict(m: tf.LayersModel, xs: tf.Tensor[]): tf.Tensor {
  return m.predict(xs) as tf.Tensor;
}

describe.each(["cpu", "wasm"] as const)("merging builders (%s)", (backend) => {
  beforeAll(() => useBackend(backend));

  it("Subtract computes a - b by port, whatever the order of the edges", () => {
    // Edge order b first: the builder must still see [a, b].
    const m = mergeModel("Subtract", {}, [
      ["b", [3]],
      ["a", [3]],
    ]);
    const y = tf.tidy(() => predict(m, [tf.tensor2d([[1, 2, 3]]), tf.tensor2d([[10, 20, 30]])]).arraySync());
    expect(y).toEqual([[9, 18, 27]]);
    m.dispose();
  });

  it("Subtract broadcasts a lower-rank b per sample, right-aligned, as tfjs' Merge layers do", () => {
    const m = mergeModel("Subtract", {}, [
      ["a", [2, 3]],
      ["b", [3]],
    ]);
    expect(m.outputs[0].shape).toEqual([null, 2, 3]);
    const a = tf.tensor3d([
      [
        [1, 2, 3],
        [4, 5, 6],
      ],
      [
        [0, 0, 0],
        [1, 1, 1],
      ],
    ]);
    const b = tf.tensor2d([
      [1, 1, 1],
      [0, 1, 2],
    ]);
    const y = tf.tidy(() => predict(m, [a, b]).arraySync());
    expect(y).toEqual([
      [
        [0, 1, 2],
        [3, 4, 5],
      ],
      [
        [0, -1, -2],
        [1, 0, -1],
      ],
    ]);
    // Same as tfjs' own Add on the same shapes, with b negated: the broadcasting rule is shared.
    const add = mergeModel("Add", {}, [
      ["in", [2, 3]],
      ["in", [3]],
    ]);
    const viaAdd = tf.tidy(() => predict(add, [a, tf.neg(b)]).arraySync());
    expect(viaAdd).toEqual(y);
    tf.dispose([a, b]);
    m.dispose();
    add.dispose();
  });

  it("Add with an unknown and a known length runs on data whose lengths agree (table row Add #6)", () => {
    const m = mergeModel("Add", {}, [
      ["in", [null, 8]],
      ["in", [5, 8]],
    ]);
    expect(m.outputs[0].shape).toEqual([null, null, 8]);
    const y = tf.tidy(() => predict(m, [tf.ones([2, 5, 8]), tf.ones([2, 5, 8])]).shape);
    expect(y).toEqual([2, 5, 8]);
    m.dispose();
  });

  it("Multiply, Average, Maximum and Minimum combine element-wise", () => {
    const xs = () => [tf.tensor2d([[1, -2, 3]]), tf.tensor2d([[4, 5, -6]]), tf.tensor2d([[0, 1, 2]])];
    const expected: Record<string, number[][]> = {
      Multiply: [[0, -10, -36]],
      Average: [[5 / 3, 4 / 3, -1 / 3]],
      Maximum: [[4, 5, 3]],
      Minimum: [[0, -2, -6]],
    };
    for (const [kind, want] of Object.entries(expected)) {
      const m = mergeModel(kind, {}, [
        ["in", [3]],
        ["in", [3]],
        ["in", [3]],
      ]);
      const y = tf.tidy(() => predict(m, xs()).arraySync() as number[][]);
      for (const [i, v] of y[0].entries()) expect(v).toBeCloseTo(want[0][i], 6);
      m.dispose();
    }
  });

  it("Concatenate on axis -2 joins the second-to-last axis (tfjs would join the last)", () => {
    const m = mergeModel("Concatenate", { axis: -2 }, [
      ["in", [2, 2, 3]],
      ["in", [2, 5, 3]],
    ]);
    const a = tf.randomNormal([1, 2, 2, 3]);
    const b = tf.randomNormal([1, 2, 5, 3]);
    const y = predict(m, [a, b]);
    const ref = tf.concat([a, b], 2);
    expect(y.shape).toEqual([1, 2, 7, 3]);
    expect(Array.from(y.dataSync())).toEqual(Array.from(ref.dataSync()));
    tf.dispose([a, b, y, ref]);
    m.dispose();
  });

  it("Dot with the default axes [-1] multiplies a matrix by a vector", () => {
    const m = mergeModel("Dot", {}, [
      ["a", [2, 3]],
      ["b", [3]],
    ]);
    const y = tf.tidy(() =>
      predict(m, [
        tf.tensor3d([
          [
            [1, 2, 3],
            [4, 5, 6],
          ],
        ]),
        tf.tensor2d([[1, 0, -1]]),
      ]).arraySync(),
    );
    expect(y).toEqual([[-2, -2]]);
    m.dispose();
  });

  it("Dot with normalize gives the cosine similarity; axes [2, 2] gives attention-style scores", () => {
    const cos = mergeModel("Dot", { axes: [-1], normalize: true }, [
      ["a", [2]],
      ["b", [2]],
    ]);
    const c = tf.tidy(() => predict(cos, [tf.tensor2d([[3, 4]]), tf.tensor2d([[4, 3]])]).dataSync()[0]);
    expect(c).toBeCloseTo(24 / 25, 5);
    cos.dispose();
    const scores = mergeModel("Dot", { axes: [2, 2] }, [
      ["a", [2, 2]],
      ["b", [3, 2]],
    ]);
    const q = tf.tensor3d([
      [
        [1, 0],
        [0, 1],
      ],
    ]);
    const k = tf.tensor3d([
      [
        [1, 2],
        [3, 4],
        [5, 6],
      ],
    ]);
    const s = tf.tidy(() => predict(scores, [q, k]).arraySync());
    expect(s).toEqual([
      [
        [1, 3, 5],
        [2, 4, 6],
      ],
    ]);
    tf.dispose([q, k]);
    scores.dispose();
  });
});
