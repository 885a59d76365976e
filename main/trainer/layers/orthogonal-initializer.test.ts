import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { useBackend } from "../testing/tf-setup";
import { FastOrthogonal } from "./orthogonal-initializer";

/** The oracle is tfjs' own Orthogonal initializer: with the same seed it draws the same matrix. */
describe("FastOrthogonal", () => {
  beforeAll(() => useBackend("cpu"));

  it.each([[[8, 32]], [[32, 8]], [[5, 5]], [[2, 3, 4]]])(
    "equals tfjs' orthogonal initializer for shape %j with the same seed",
    (shape) => {
      const ours = new FastOrthogonal({ seed: 7 }).apply(shape);
      const theirs = tf.initializers.orthogonal({ seed: 7 }).apply(shape);
      expect(ours.shape).toEqual(shape);
      const diff = tf.tidy(() => tf.max(tf.abs(tf.sub(ours, theirs))).dataSync()[0]);
      expect(diff).toBeLessThan(1e-4);
      tf.dispose([ours, theirs]);
    },
  );

  it("gives orthonormal rows (wide) or columns (tall), scaled by the gain, fast", () => {
    const t0 = Date.now();
    const wide = new FastOrthogonal({ gain: 2 }).apply([256, 1024]);
    expect(Date.now() - t0).toBeLessThan(3000); // tfjs' own takes minutes on cpu
    tf.tidy(() => {
      const gram = tf.matMul(wide, wide, false, true).div(4);
      expect(tf.max(tf.abs(tf.sub(gram, tf.eye(256)))).dataSync()[0]).toBeLessThan(1e-5);
      const tall = new FastOrthogonal().apply([40, 6]);
      const g2 = tf.matMul(tall, tall, true, false);
      expect(tf.max(tf.abs(tf.sub(g2, tf.eye(6)))).dataSync()[0]).toBeLessThan(1e-5);
    });
    wide.dispose();
  });

  it("round-trips through a layer's config by class name", () => {
    const layer = tf.layers.dense({
      units: 3,
      kernelInitializer: { className: "NetForgeOrthogonal", config: { gain: 0.5 } } as never,
    });
    const config = layer.getConfig() as { kernelInitializer: { className: string; config: { gain: number } } };
    expect(config.kernelInitializer).toEqual({ className: "NetForgeOrthogonal", config: { gain: 0.5 } });
    const clone = tf.layers.dense(config as never);
    tf.tidy(() => {
      clone.apply(tf.zeros([1, 3])); // builds it (and lets dispose() release the weights)
      const w = clone.getWeights()[0];
      const gram = tf.matMul(w, w, true, false);
      expect(tf.max(tf.abs(tf.sub(gram, tf.eye(3).mul(0.25)))).dataSync()[0]).toBeLessThan(1e-5);
    });
    clone.dispose();
  });
});
