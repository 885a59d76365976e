import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { LSTM_SEQUENCE } from "../kernels/lstm-sequence";
import { describeFailures, gradCheck } from "../testing/gradcheck";
import { useBackend } from "../testing/tf-setup";
import { FusedLSTM } from "./fused-lstm";

/**
 * FusedLSTM against tfjs' LSTM with the same weights, on both backends: outputs, states and the
 * gradients w.r.t. the input and every weight agree to 1e-5 of the largest value, for the output
 * variants (sequences, states, backwards); the fused path is taken where it should be and not
 * where it must not be (dropout in training, hardSigmoid gates); the fused gradient matches
 * finite differences; the layer saves and loads as NetForgeLSTM.
 */

type Args = Parameters<typeof tf.layers.lstm>[0];
const BASE: Args = { units: 5, recurrentActivation: "sigmoid", unitForgetBias: true };

function pair(args: Partial<Args>, tag: string) {
  const stock = tf.layers.lstm({ ...BASE, ...args, name: `stock_${tag}` } as Args);
  const fused = new FusedLSTM({ ...BASE, ...args, name: `fused_${tag}` } as Args);
  const x = tf.randomNormal([3, 7, 4], 0, 1, "float32", 11);
  stock.apply(x);
  fused.apply(x);
  fused.setWeights(stock.getWeights());
  return { stock, fused, x };
}

const list = (t: tf.Tensor | tf.Tensor[]) => (Array.isArray(t) ? t : [t]);

function relative(a: tf.Tensor, b: tf.Tensor): number {
  return tf.tidy(() => tf.max(tf.abs(tf.sub(a, b))).dataSync()[0] / tf.max(tf.abs(a)).dataSync()[0]);
}

/** Outputs and gradients of sum(outputs * R) w.r.t. x and the layer's weights. */
function evaluate(layer: tf.layers.Layer, x: tf.Tensor, training: boolean) {
  const weights = layer.trainableWeights.map((w) => w.read() as tf.Variable);
  const outs = list(layer.apply(x, { training }) as tf.Tensor | tf.Tensor[]);
  const rs = outs.map((o, i) => tf.randomNormal(o.shape, 0, 1, "float32", 100 + i));
  const objective = (input: tf.Tensor) =>
    tf.addN(list(layer.apply(input, { training }) as tf.Tensor | tf.Tensor[]).map((o, i) => tf.sum(tf.mul(o, rs[i]))));
  const dx = tf.grad(objective)(x);
  const { grads } = tf.variableGrads(() => objective(x) as tf.Scalar, weights);
  return { outs, grads: [dx, ...weights.map((w) => grads[w.name])] };
}

describe.each(["cpu", "wasm"] as const)("FusedLSTM on %s", (backend) => {
  beforeAll(() => useBackend(backend));

  it.each([
    ["last output", {}],
    ["sequences and states", { returnSequences: true, returnState: true }],
    ["backwards, states", { goBackwards: true, returnState: true }],
    ["no bias", { useBias: false, returnSequences: true }],
  ] as const)("equals tfjs' LSTM: %s", (title, args) => {
    tf.tidy(() => {
      const { stock, fused, x } = pair(args, `${backend}_${title.replace(/\W/g, "")}`);
      const want = evaluate(stock, x, true);
      const got = evaluate(fused, x, true);
      expect(got.outs.length).toBe(want.outs.length);
      for (const [i, o] of want.outs.entries()) expect(relative(o, got.outs[i])).toBeLessThan(1e-5);
      for (const [i, g] of want.grads.entries()) expect(relative(g, got.grads[i])).toBeLessThan(1e-5);
    });
  });

  it("equals tfjs' LSTM from given initial states, fused, with the states' gradients", async () => {
    const { stock, fused, x } = pair({ returnSequences: true, returnState: true }, `${backend}_initial`);
    const h0 = tf.randomNormal([3, 5], 0, 1, "float32", 21);
    const c0 = tf.randomNormal([3, 5], 0, 1, "float32", 22);
    const rs = [
      [3, 7, 5],
      [3, 5],
      [3, 5],
    ].map((s, i) => tf.randomNormal(s, 0, 1, "float32", 30 + i));
    const run = (layer: tf.layers.Layer) => {
      const objective = (...ins: tf.Tensor[]) =>
        tf.addN(list(layer.apply(ins, { training: true }) as tf.Tensor[]).map((o, i) => tf.sum(tf.mul(o, rs[i]))));
      const weights = layer.trainableWeights.map((w) => w.read() as tf.Variable);
      const { grads } = tf.variableGrads(() => objective(x, h0, c0) as tf.Scalar, weights);
      const outs = list(layer.apply([x, h0, c0], { training: true }) as tf.Tensor[]);
      return [...outs, ...tf.grads(objective)([x, h0, c0]), ...weights.map((w) => grads[w.name])];
    };
    const want = run(stock);
    const got = run(fused);
    for (const [i, o] of want.entries()) expect(relative(o, got[i])).toBeLessThan(1e-5);
    const info = await tf.profile(() => {
      tf.dispose(fused.apply([x, h0, c0], { training: true }) as tf.Tensor[]);
    });
    expect(info.kernelNames).toContain(LSTM_SEQUENCE);
    tf.dispose([...want, ...got, x, h0, c0, ...rs]);
  });

  it("takes the fused path only when it computes the same thing", async () => {
    const uses = async (args: Partial<Args>, training: boolean) => {
      const { fused, x } = pair(args, `${backend}_path_${Object.keys(args).join("")}_${training}`);
      const info = await tf.profile(() => {
        tf.dispose(fused.apply(x, { training }) as tf.Tensor);
      });
      x.dispose();
      fused.dispose();
      return info.kernelNames.includes(LSTM_SEQUENCE);
    };
    expect(await uses({}, true)).toBe(true);
    expect(await uses({ dropout: 0.3 }, false)).toBe(true);
    expect(await uses({ dropout: 0.3 }, true)).toBe(false);
    expect(await uses({ recurrentActivation: "hardSigmoid" }, true)).toBe(false);
  });

  it("its gradient matches finite differences", () => {
    const layer = new FusedLSTM({ ...BASE, units: 3, returnSequences: true, name: `fd_${backend}` } as Args);
    layer.apply(tf.zeros([2, 4, 2]));
    const report = gradCheck({
      name: "fused LSTM",
      inputs: [[2, 4, 2]],
      build: () => ({
        fn: ([x]) => layer.apply(x, { training: true }) as tf.Tensor,
        weights: layer.trainableWeights.map((w) => w.read() as tf.Variable),
      }),
    });
    expect(report.failures, describeFailures(report)).toEqual([]);
    expect(report.checked).toBeGreaterThan(0);
    layer.dispose();
  });

  it("saves and loads as NetForgeLSTM with the same outputs", async () => {
    const input = tf.input({ shape: [5, 2] });
    const out = new FusedLSTM({ ...BASE, units: 3, name: `io_${backend}` } as Args).apply(input) as tf.SymbolicTensor;
    const model = tf.model({ inputs: input, outputs: out });
    const x = tf.randomNormal([2, 5, 2]);
    let saved: tf.io.ModelArtifacts | undefined;
    await model.save(
      tf.io.withSaveHandler(async (artifacts) => {
        saved = artifacts;
        return { modelArtifactsInfo: {} as never };
      }),
    );
    expect(JSON.stringify(saved?.modelTopology)).toContain('"class_name":"NetForgeLSTM"');
    const loaded = await tf.loadLayersModel(tf.io.fromMemory(saved as tf.io.ModelArtifacts));
    expect(relative(model.predict(x) as tf.Tensor, loaded.predict(x) as tf.Tensor)).toBeLessThan(1e-6);
    tf.dispose([x]);
    model.dispose();
    loaded.dispose();
  });
});
