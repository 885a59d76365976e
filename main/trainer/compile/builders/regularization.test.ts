import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { sequential } from "../../../../shared/ir/builder";
import type { Shape } from "../../../../shared/shapes/shape";
import { useBackend } from "../../testing/tf-setup";
import { compileGraph } from "../compile";

/**
 * Training-only behaviour of Dropout and the noise layers. `model.apply(x, {training: true})` runs
 * the graph the way fit() does (tfjs training.js: execute(..., {training: true})); predict() is
 * inference. Tolerances are several binomial standard deviations wide, so they fail only on a bug.
 */

function model(kind: string, params: Record<string, unknown>, shape: Shape): tf.LayersModel {
  return compileGraph(sequential([...shape], [kind, params])).model;
}

function values(t: tf.Tensor | tf.Tensor[] | tf.SymbolicTensor | tf.SymbolicTensor[]): number[] {
  return Array.from((t as tf.Tensor).dataSync());
}

describe.each(["cpu", "wasm"] as const)("regularization builders (%s)", (backend) => {
  beforeAll(() => useBackend(backend));

  it("SaltAndPepperNoise corrupts a `rate` fraction in training, half to low and half to high", () => {
    const m = model("SaltAndPepperNoise", { rate: 0.2, low: -1, high: 1 }, [500]);
    const x = tf.fill([200, 500], 0.5);
    const y = tf.tidy(() => values(m.apply(x, { training: true })));
    const n = y.length;
    const count = (v: number) => y.filter((e) => e === v).length;
    const frac = (v: number) => count(v) / n;
    // Each fraction is binomial with sd sqrt(0.1 * 0.9 / 1e5) = 0.00095; +-0.005 is over 5 sd.
    expect(Math.abs(frac(-1) - 0.1)).toBeLessThan(0.005);
    expect(Math.abs(frac(1) - 0.1)).toBeLessThan(0.005);
    // Every element is unchanged, low or high: compared as counts, exact (summed fractions can round).
    expect(count(0.5) + count(-1) + count(1)).toBe(n);
    x.dispose();
    m.dispose();
  });

  it("SaltAndPepperNoise is the identity at inference", () => {
    const m = model("SaltAndPepperNoise", { rate: 0.5 }, [4, 4, 1]);
    const x = tf.randomNormal([3, 4, 4, 1]);
    expect(tf.tidy(() => values(m.predict(x)))).toEqual(Array.from(x.dataSync()));
    expect(tf.tidy(() => values(m.apply(x, { training: false })))).toEqual(Array.from(x.dataSync()));
    x.dispose();
    m.dispose();
  });

  it("SaltAndPepperNoise passes the gradient through the kept elements only", () => {
    const m = model("SaltAndPepperNoise", { rate: 0.5, low: -7, high: 7 }, [1000]);
    const layer = m.layers[1];
    const x = tf.fill([1, 1000], 0.25);
    // The probe records the output of the same call whose gradient is taken (same random draw).
    let y: number[] = [];
    const probe = (t: tf.Tensor) => {
      const r = layer.apply(t, { training: true }) as tf.Tensor;
      y = values(r);
      return tf.sum(r);
    };
    const g = tf.tidy(() => values(tf.grad(probe)(x)));
    const kept = y.map((v) => (v === 0.25 ? 1 : 0));
    expect(g).toEqual(kept);
    expect(kept.filter((k) => k === 0).length).toBeGreaterThan(400);
    x.dispose();
    m.dispose();
  });

  it("Dropout's noiseShape [1, 16] drops whole feature columns for every time step, per sample", () => {
    const m = model("Dropout", { rate: 0.5, noiseShape: [1, 16] }, [10, 16]);
    const x = tf.ones([8, 10, 16]);
    const y = tf.tidy(() => (m.apply(x, { training: true }) as tf.Tensor).arraySync() as number[][][]);
    for (const sample of y) {
      for (let c = 0; c < 16; c++) {
        const column = sample.map((row) => row[c]);
        // Inverted dropout: kept units are scaled by 1 / (1 - 0.5) = 2.
        expect(column.every((v) => v === column[0]) && (column[0] === 0 || column[0] === 2)).toBe(true);
      }
    }
    // The batch axis is not shared: 8 samples drawing the same 16-column mask has probability 2^-112.
    const masks = new Set(y.map((s) => s[0].join(",")));
    expect(masks.size).toBeGreaterThan(1);
    expect(tf.tidy(() => values(m.predict(x)))).toEqual(new Array(8 * 10 * 16).fill(1));
    x.dispose();
    m.dispose();
  });

  it("Dropout drops about `rate` of the units per element with the default (empty) noiseShape", () => {
    const m = model("Dropout", { rate: 0.2 }, [1000]);
    const x = tf.ones([50, 1000]);
    const y = tf.tidy(() => values(m.apply(x, { training: true })));
    const dropped = y.filter((v) => v === 0).length / y.length;
    // sd sqrt(0.2 * 0.8 / 5e4) = 0.0018.
    expect(Math.abs(dropped - 0.2)).toBeLessThan(0.01);
    expect(y.filter((v) => v !== 0).every((v) => Math.abs(v - 1.25) < 1e-6)).toBe(true);
    x.dispose();
    m.dispose();
  });

  it("GaussianNoise adds noise of the given stddev in training and nothing at inference", () => {
    const m = model("GaussianNoise", { stddev: 0.5 }, [1000]);
    const x = tf.zeros([20, 1000]);
    const y = tf.tidy(() => values(m.apply(x, { training: true })));
    const mean = y.reduce((a, b) => a + b, 0) / y.length;
    const sd = Math.sqrt(y.reduce((a, b) => a + (b - mean) ** 2, 0) / y.length);
    expect(Math.abs(mean)).toBeLessThan(0.02);
    expect(Math.abs(sd - 0.5)).toBeLessThan(0.02);
    expect(tf.tidy(() => values(m.predict(x))).every((v) => v === 0)).toBe(true);
    x.dispose();
    m.dispose();
  });
});
