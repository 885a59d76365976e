import * as tf from "@tensorflow/tfjs";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { GraphBuilder } from "../../../shared/ir/builder";
import { compileGraph } from "../compile/compile";
import { useBackend } from "../testing/tf-setup";
import { klDivergence, VAESamplingLayer } from "./vae-sampling";

/**
 * VAESampling: the reparameterisation and, above all, that klWeight * KL really reaches the
 * encoder's gradients, through fit() (addLoss) and through a custom loop (calculateLosses).
 */

const X = [
  [1, 0.5, -1],
  [0, 2, 1],
  [-1, 1, 0.5],
  [0.5, -0.5, 2],
];

/** Input(3) -> Dense(2) mean, Dense(2) logVar -> VAESampling, compiled from the IR. */
function encoder(klWeight: number) {
  const b = new GraphBuilder();
  const x = b.add("Input", { shape: [3] }, { id: "x" });
  const mean = b.add("Dense", { units: 2, biasInitializer: "randomNormal" }, { id: "mean" });
  const logVar = b.add("Dense", { units: 2, biasInitializer: "randomNormal" }, { id: "logVar" });
  const z = b.add("VAESampling", { klWeight }, { id: "z" });
  b.connect(x, mean).connect(x, logVar).connect(mean, z, "mean").connect(logVar, z, "logVar");
  const { model } = compileGraph(b.build());
  return { model, vae: model.getLayer("z") as VAESamplingLayer };
}

/** The analytic step on the heads' kernels: dKL/dmean = mean / B, dKL/dlogVar = (exp(logVar) - 1) / 2B. */
function expectedKernelGrads(model: tf.LayersModel, klWeight: number): { mean: number[][]; logVar: number[][] } {
  return tf.tidy(() => {
    const x = tf.tensor2d(X);
    const mean = model.getLayer("mean").apply(x) as tf.Tensor;
    const logVar = model.getLayer("logVar").apply(x) as tf.Tensor;
    const dMean = tf.div(mean, X.length);
    const dLogVar = tf.div(tf.sub(tf.exp(logVar), 1), 2 * X.length);
    const grad = (d: tf.Tensor) => tf.mul(tf.matMul(x, d, true, false), klWeight).arraySync() as number[][];
    return { mean: grad(dMean), logVar: grad(dLogVar) };
  });
}

const kernel = (model: tf.LayersModel, layer: string) =>
  model.getLayer(layer).getWeights()[0].arraySync() as number[][];

function expectMatrixClose(got: number[][], want: number[][], tol: number): void {
  for (const [i, row] of got.entries())
    for (const [j, v] of row.entries()) expect(Math.abs(v - want[i][j])).toBeLessThan(tol);
}

describe.each(["cpu", "wasm"] as const)("VAESampling on %s", (backend) => {
  beforeAll(() => useBackend(backend));
  let model: tf.LayersModel | null = null;
  afterEach(() => {
    model?.dispose();
    model = null;
  });

  it("KL matches the closed form: mean [1, 0], logVar [0, 0] gives 0.5 (the spec's example), batch-averaged", () => {
    const [one, batch] = tf.tidy(() => [
      klDivergence(tf.tensor2d([[1, 0]]), tf.zeros([1, 2])).dataSync()[0],
      klDivergence(
        tf.tensor2d([
          [1, 0],
          [0, 0],
        ]),
        tf.tensor2d([
          [0, 0],
          [Math.log(4), 0],
        ]),
      ).dataSync()[0],
    ]);
    expect(one).toBeCloseTo(0.5, 6);
    // Sample 2: -0.5 (1 + ln 4 - 4) = 1.5 - ln 2; mean with 0.5 over the batch.
    expect(batch).toBeCloseTo((0.5 + 1.5 - Math.log(2)) / 2, 6);
  });

  it("z = mean at inference; z = mean + exp(logVar / 2) eps at training", () => {
    const layer = new VAESamplingLayer({ klWeight: 1, name: "s" });
    const stats = tf.tidy(() => {
      const mean = tf.fill([20000, 1], 3);
      const logVar = tf.fill([20000, 1], Math.log(4));
      const inference = layer.apply([mean, logVar]) as tf.Tensor;
      const z = layer.apply([mean, logVar], { training: true }) as tf.Tensor;
      const m = tf.moments(z);
      return [tf.max(tf.abs(tf.sub(inference, mean))), m.mean, tf.sqrt(m.variance)].map((t) => t.dataSync()[0]);
    });
    layer.dispose();
    expect(stats[0]).toBe(0);
    expect(stats[1]).toBeCloseTo(3, 1);
    expect(stats[2]).toBeCloseTo(2, 1);
  });

  it("fit() with a zero reconstruction loss moves the mean/logVar kernels by exactly -lr * klWeight * dKL", async () => {
    const klWeight = 2;
    const enc = encoder(klWeight);
    model = enc.model;
    const before = { mean: kernel(model, "mean"), logVar: kernel(model, "logVar") };
    const grads = expectedKernelGrads(model, klWeight);
    const klBefore = tf.tidy(() => {
      enc.model.predict(tf.tensor2d(X));
      return (enc.vae.lastKl() as tf.Scalar).dataSync()[0];
    });
    const lr = 0.1;
    const optimizer = tf.train.sgd(lr);
    const zeroLoss = (_yTrue: tf.Tensor, yPred: tf.Tensor) => tf.mul(tf.mean(yPred, -1), 0);
    model.compile({ optimizer, loss: zeroLoss });
    const [x, y] = [tf.tensor2d(X), tf.zeros([X.length, 2])];
    const history = await model.fit(x, y, { epochs: 1, batchSize: X.length, shuffle: false, verbose: 0 });
    // The reported loss is the KL term alone (the reconstruction loss is 0).
    expect(history.history.loss[0] as number).toBeCloseTo(klWeight * klBefore, 4);
    for (const head of ["mean", "logVar"] as const) {
      const want = before[head].map((row, i) => row.map((w, j) => w - lr * grads[head][i][j]));
      expectMatrixClose(kernel(model, head), want, 1e-5);
    }
    // The step moved the code toward the prior N(0, I).
    const klAfter = tf.tidy(() => {
      enc.model.predict(x);
      return (enc.vae.lastKl() as tf.Scalar).dataSync()[0];
    });
    expect(klAfter).toBeLessThan(klBefore);
    tf.dispose([x, y]);
    optimizer.dispose();
  });

  it("a custom loop gets the same KL gradients from model.calculateLosses() (model.losses stays empty)", () => {
    const klWeight = 0.5;
    const enc = encoder(klWeight);
    model = enc.model;
    const m = model;
    expect(m.losses).toHaveLength(0);
    expect(enc.vae.losses).toHaveLength(1);
    const want = expectedKernelGrads(m, klWeight);
    const vars = ["mean", "logVar"].map((n) => m.getLayer(n).trainableWeights[0].read() as tf.Variable);
    const got = tf.tidy(() => {
      const { grads } = tf.variableGrads(() => {
        const z = m.apply(tf.tensor2d(X), { training: true }) as tf.Tensor;
        const reconstruction = tf.mul(tf.sum(z), 0);
        // model.calculateLosses() runs every layer's loss closures (what train/step.ts adds).
        return tf.addN([reconstruction, ...m.calculateLosses()]) as tf.Scalar;
      }, vars);
      return vars.map((v) => grads[v.name].arraySync() as number[][]);
    });
    expectMatrixClose(got[0], want.mean, 1e-6);
    expectMatrixClose(got[1], want.logVar, 1e-6);
  });

  it("klWeight 0 adds no loss; no tensor survives build-fit-predict-dispose cycles", async () => {
    const plain = encoder(0);
    expect(plain.vae.losses).toHaveLength(0);
    plain.model.dispose();
    const start = tf.memory().numTensors;
    for (let cycle = 0; cycle < 3; cycle++) {
      const { model: m } = encoder(1);
      m.compile({ optimizer: "sgd", loss: "meanSquaredError" });
      const [x, y] = [tf.tensor2d(X), tf.zeros([X.length, 2])];
      await m.fit(x, y, { epochs: 2, batchSize: 2, verbose: 0 });
      tf.dispose([x, y, m.predict(x)]);
      m.dispose();
    }
    expect(tf.memory().numTensors).toBe(start);
  });
});
