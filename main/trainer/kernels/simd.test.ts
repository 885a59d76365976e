import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { useBackend } from "../testing/tf-setup";
import { RELU_GRAD } from "./relu-grad";
import { simdFor } from "./simd";

/**
 * The in-memory SIMD module (simd.ts) and the kernels built on it or on data sharing:
 * NetForgeReluGrad against tfjs' own formula (both backends, NaN and ∞ included), and wasm's
 * copy-free Identity/Cast (a clone outlives its source; casts that convert still convert).
 */

describe("the SIMD module", () => {
  beforeAll(() => useBackend("wasm"));

  it("binds to the wasm backend's memory and writes through it", () => {
    const simd = simdFor(tf.backend());
    expect(simd).not.toBeNull();
    const [x, dy, dx] = [tf.tensor([1, -2, 0, 3, -1]), tf.tensor([5, 6, 7, 8, 9]), tf.zeros([5])];
    simd?.reluGrad(simd.address(x), simd.address(dy), simd.address(dx), 5);
    expect(Array.from(dx.dataSync())).toEqual([5, 0, 0, 8, 0]);
    tf.dispose([x, dy, dx]);
  });

  it("is not offered for a backend without a wasm memory", () => {
    expect(simdFor(tf.findBackend("cpu"))).toBeNull();
  });
});

describe.each(["cpu", "wasm"] as const)("Relu gradient on %s", (backend) => {
  beforeAll(() => useBackend(backend));

  it("equals dy · step(x), with NaN, ∞ and zeros, over a length that is not a multiple of 4", () => {
    tf.tidy(() => {
      const x = tf.tensor([0.5, -1, 0, 2, Number.NaN, 3, -0.5, 1e-30, -1e-30, 4, 5]);
      const dy = tf.tensor([1, 2, 3, Number.POSITIVE_INFINITY, 5, Number.NaN, Number.NEGATIVE_INFINITY, 7, 8, -9, 10]);
      const fused = tf.engine().runKernel(RELU_GRAD, { x, dy }) as tf.Tensor;
      const formula = tf.mul(dy, tf.cast(tf.step(x), "float32"));
      const viaTape = tf.grad((v: tf.Tensor) => tf.relu(v))(x, dy);
      const same = (a: tf.Tensor, b: tf.Tensor) => {
        const [u, v] = [a.dataSync(), b.dataSync()];
        return Array.from(u).every((value, i) => (Number.isNaN(value) ? Number.isNaN(v[i]) : value === v[i]));
      };
      expect(same(fused, formula)).toBe(true);
      expect(same(viaTape, formula)).toBe(true);
    });
  });

  it("is the registered Relu gradient on a large tensor", () => {
    tf.tidy(() => {
      const x = tf.randomNormal([3, 17, 5, 4]);
      const dy = tf.randomNormal([3, 17, 5, 4]);
      const viaTape = tf.grad((v: tf.Tensor) => tf.relu(v))(x, dy);
      const formula = tf.mul(dy, tf.cast(tf.greater(x, 0), "float32"));
      expect(tf.max(tf.abs(tf.sub(viaTape, formula))).dataSync()[0]).toBe(0);
    });
  });
});

describe("copy-free Identity and Cast on wasm", () => {
  beforeAll(() => useBackend("wasm"));

  it("a clone keeps its values after its source is disposed", () => {
    const a = tf.tensor([1.5, -2, 3]);
    const b = a.clone();
    a.dispose();
    expect(Array.from(b.dataSync())).toEqual([1.5, -2, 3]);
    b.dispose();
  });

  it("a same-dtype cast shares, a converting cast converts", () => {
    tf.tidy(() => {
      const a = tf.tensor([1.7, -2.2, 3.9]);
      expect(Array.from(tf.cast(a, "float32").dataSync())).toEqual(Array.from(a.dataSync()));
      expect(Array.from(tf.cast(a, "int32").dataSync())).toEqual([1, -2, 3]);
    });
  });

  it("saved activations stay valid through a training step's backward pass", () => {
    tf.tidy(() => {
      const w = tf.variable(
        tf.tensor2d([
          [1, -1],
          [2, 0.5],
        ]),
      );
      const x = tf.tensor2d([
        [0.5, 1],
        [-1, 2],
      ]);
      const { grads } = tf.variableGrads(() => tf.sum(tf.relu(tf.matMul(x, w))), [w]);
      // d/dw sum(relu(xw)) = xᵀ · step(xw); xw = [[2.5, 0], [3, 2]]
      expect(Array.from(grads[w.name].dataSync())).toEqual([-0.5, -1, 3, 2]);
      w.dispose();
    });
  });
});
