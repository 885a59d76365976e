import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { sequential } from "../../../../shared/ir/builder";
import type { Shape } from "../../../../shared/shapes/shape";
import { useBackend } from "../../testing/tf-setup";
import { compileGraph } from "../compile";

/** Reshape with -1 (resolved by the spec, or left to run time), Permute and RepeatVector values. */

function model(kind: string, params: Record<string, unknown>, shape: Shape): tf.LayersModel {
  return compileGraph(sequential([...shape], [kind, params])).model;
}

describe.each(["cpu", "wasm"] as const)("reshaping builders (%s)", (backend) => {
  beforeAll(() => useBackend(backend));

  it("Reshape [28, -1] of a 784-vector is 28x28, row-major, with the -1 resolved at build time", () => {
    const m = model("Reshape", { targetShape: [28, -1] }, [784]);
    // tfjs alone would leave the -1 unknown in the symbolic shape.
    expect(m.outputs[0].shape).toEqual([null, 28, 28]);
    const x = tf.range(0, 2 * 784).reshape([2, 784]);
    const y = m.predict(x) as tf.Tensor;
    expect(y.shape).toEqual([2, 28, 28]);
    expect((y.arraySync() as number[][][])[1][3][5]).toBe(784 + 3 * 28 + 5);
    tf.dispose([x, y]);
    m.dispose();
  });

  it("Reshape [-1, 4] of an unknown-length sequence resolves the -1 at run time", () => {
    const m = model("Reshape", { targetShape: [-1, 4] }, [null, 8]);
    expect(m.outputs[0].shape).toEqual([null, null, 4]);
    const x = tf.range(0, 2 * 3 * 8).reshape([2, 3, 8]);
    const y = m.predict(x) as tf.Tensor;
    expect(y.shape).toEqual([2, 6, 4]);
    expect(Array.from(y.dataSync())).toEqual(Array.from(x.dataSync()));
    tf.dispose([x, y]);
    m.dispose();
  });

  it("Permute [2, 1] transposes each sample; RepeatVector copies the vector n times", () => {
    const p = model("Permute", { dims: [2, 1] }, [2, 3]);
    const x = tf.tensor3d([
      [
        [1, 2, 3],
        [4, 5, 6],
      ],
    ]);
    expect(tf.tidy(() => (p.predict(x) as tf.Tensor).arraySync())).toEqual([
      [
        [1, 4],
        [2, 5],
        [3, 6],
      ],
    ]);
    const r = model("RepeatVector", { n: 3 }, [2]);
    expect(tf.tidy(() => (r.predict(tf.tensor2d([[7, 8]])) as tf.Tensor).arraySync())).toEqual([
      [
        [7, 8],
        [7, 8],
        [7, 8],
      ],
    ]);
    x.dispose();
    p.dispose();
    r.dispose();
  });
});
