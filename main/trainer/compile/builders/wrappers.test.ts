import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { GraphBuilder, sequential } from "../../../../shared/ir/builder";
import { Dense } from "../../../../shared/layers/core";
import { resolveParams } from "../../../../shared/layers/resolve";
import { useBackend } from "../../testing/tf-setup";
import { compileGraph } from "../compile";
import { makeInnerLayer } from "../inner-layer";
import { oneStep } from "./one-step.testutil";

/** Bidirectional and TimeDistributed: hand-computed numbers, every inner kind, training steps. */

function single(kind: string, params: Record<string, unknown>, shape: (number | null)[]) {
  const b = new GraphBuilder();
  b.connect(b.add("Input", { shape }), b.add(kind, params, { id: "w" }));
  const compiled = compileGraph(b.build());
  return { model: compiled.model, layers: compiled.layersByNode.get("w") as tf.layers.Layer[] };
}

const predict = (model: tf.LayersModel, x: number[], shape: number[]) =>
  tf.tidy(() => Array.from((model.predict(tf.tensor(x, shape)) as tf.Tensor).dataSync()));

const expectClose = (got: number[], want: number[], tol = 1e-5) => {
  expect(got.length).toBe(want.length);
  got.forEach((g, i) => {
    expect(Math.abs(g - want[i])).toBeLessThan(tol);
  });
};

/** Scalar SimpleRNN states h_t = tanh(w x_t + u h_(t-1) + b). */
const scalarRnn = (xs: number[], w: number, u: number, b: number) => {
  let h = 0;
  return xs.map((x) => {
    h = Math.tanh(w * x + u * h + b);
    return h;
  });
};

describe("Bidirectional", () => {
  beforeAll(() => useBackend("cpu"));
  const xs = [1, 0, -1];
  const fwd = scalarRnn(xs, 0.5, 0.8, 0); // G-28: 0.462117, 0.353724, -0.213677
  // The backward copy reads x_3, x_2, x_1; its output at step t is its state after reading x_t.
  const bwd = scalarRnn([...xs].reverse(), -0.3, 0.6, 0.1).reverse();

  it.each([
    ["concat", fwd.flatMap((f, t) => [f, bwd[t]])],
    ["sum", fwd.map((f, t) => f + bwd[t])],
    ["mul", fwd.map((f, t) => f * bwd[t])],
    ["ave", fwd.map((f, t) => (f + bwd[t]) / 2)],
  ])("SimpleRNN per step, mergeMode %s: forward weights first, backward second", (mergeMode, want) => {
    const layer = { kind: "SimpleRNN", params: { units: 1, returnSequences: true } };
    const { model, layers } = single("Bidirectional", { layer, mergeMode }, [3, 1]);
    const [bi] = layers;
    expect(bi.weights.map((w) => w.name.split("/").at(-2)?.split("_")[0])).toEqual([
      ...["forward", "forward", "forward"],
      ...["backward", "backward", "backward"],
    ]);
    bi.setWeights([[[0.5]], [[0.8]], [0], [[-0.3]], [[0.6]], [0.1]].map((v) => tf.tensor(v)));
    expectClose(predict(model, xs, [1, 3, 1]), want);
    expectClose(fwd, [0.462117, 0.353724, -0.213677]);
    model.dispose();
  });

  it("clones an LSTM with NetForge activations, keeps both copies' regularizers, saves and loads", async () => {
    const r = { l1: 0.01, l2: 0 };
    const params = {
      units: 2,
      activation: "leakyRelu",
      recurrentActivation: "bipolarSigmoid",
      kernelRegularizer: r,
      recurrentRegularizer: r,
      biasRegularizer: r,
    };
    const { model } = single("Bidirectional", { layer: { kind: "LSTM", params } }, [4, 3]);
    expect(tf.tidy(() => model.calculateLosses().length)).toBe(6);
    const loaded = await saveAndLoad(model);
    tf.tidy(() => {
      const x = tf.randomNormal([2, 4, 3]);
      const diff = tf.sub(model.predict(x) as tf.Tensor, loaded.predict(x) as tf.Tensor);
      expect(tf.max(tf.abs(diff)).dataSync()[0]).toBe(0);
      expect(loaded.calculateLosses().length).toBe(6);
    });
    model.dispose();
    loaded.dispose();
  });
});

/** The tfjs layers format in memory: what a checkpoint stores and loads. */
async function saveAndLoad(model: tf.LayersModel): Promise<tf.LayersModel> {
  let artifacts: tf.io.ModelArtifacts | undefined;
  await model.save(
    tf.io.withSaveHandler(async (a) => {
      artifacts = a;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: "JSON" } };
    }),
  );
  return tf.loadLayersModel(tf.io.fromMemory(artifacts as tf.io.ModelArtifacts));
}

/** [inner kind, inner params, input shape] for every kind TimeDistributed allows. */
const INNER: [string, Record<string, unknown>, number[]][] = [
  ["Dense", { units: 3, activation: "leakyRelu" }, [4, 5]],
  ["Flatten", {}, [4, 2, 3]],
  ["Activation", { activation: "sigmoid", steepness: 2 }, [4, 3]],
  ["Dropout", { rate: 0.3, noiseShape: [1, null] }, [4, 2, 3]],
  ["Conv1D", { filters: 2, kernelSize: 3, padding: "same", activation: "relu" }, [4, 6, 2]],
  ["Conv2D", { filters: 2, kernelSize: [2, 2], strides: 2 }, [3, 6, 6, 1]],
  ["MaxPooling2D", {}, [3, 4, 4, 2]],
  ["AveragePooling2D", { poolSize: 3, strides: 1 }, [3, 5, 5, 1]],
  ["GlobalAveragePooling2D", {}, [3, 4, 4, 2]],
  ["BatchNormalization", {}, [4, 3]],
  ["BatchNormalization", { axis: 1, center: false }, [4, 3, 2]],
  ["LayerNormalization", { axis: 1 }, [4, 3, 2]],
  ["Reshape", { targetShape: [-1, 2] }, [4, 3, 2]],
];

describe("TimeDistributed", () => {
  beforeAll(() => useBackend("cpu"));

  it.each(INNER)("wraps %s %j on %j: shapes and weights agree with the spec", (kind, params, shape) => {
    const { model } = single("TimeDistributed", { layer: { kind, params } }, shape);
    const y = model.predict(tf.randomNormal([2, ...shape])) as tf.Tensor;
    expect(y.shape.slice(1)).toEqual((model.outputs[0].shape as number[]).slice(1));
    tf.dispose(y);
    model.dispose();
  });

  it("Dense with leakyRelu: the activation follows the wrapper, y_t = leakyRelu(x_t W + b, 0.01)", () => {
    const { model, layers } = single(
      "TimeDistributed",
      { layer: { kind: "Dense", params: { units: 1, activation: "leakyRelu" } } },
      [3, 2],
    );
    expect(layers.map((l) => l.name)).toEqual(["w", "w_act"]);
    layers[0].setWeights([tf.tensor2d([[1], [-2]]), tf.tensor1d([0.5])]);
    const x = [1, 1, 2, 0, -1, 3];
    const z = [1 - 2 + 0.5, 2 + 0.5, -1 - 6 + 0.5];
    expectClose(
      predict(model, x, [1, 3, 2]),
      z.map((v) => (v > 0 ? v : 0.01 * v)),
    );
    model.dispose();
  });

  it("BatchNormalization takes its training statistics over the batch and every step (as Keras)", () => {
    const { model, layers } = single("TimeDistributed", { layer: { kind: "BatchNormalization", params: {} } }, [3, 1]);
    const x = [1, 2, 3, 4, 5, 9]; // batch 2, 3 steps, 1 feature: one mean over all six values
    const y = tf.tidy(() =>
      Array.from((layers[0].apply(tf.tensor3d(x, [2, 3, 1]), { training: true }) as tf.Tensor).dataSync()),
    );
    const mean = 4;
    const variance = x.reduce((a, v) => a + (v - mean) ** 2, 0) / 6;
    expectClose(
      y,
      x.map((v) => (v - mean) / Math.sqrt(variance + 1e-3)),
    );
    model.dispose();
  });

  it("refuses what tfjs cannot train inside the wrapper, with the kind and the reason", () => {
    const dilated = { kind: "Conv2D", params: { filters: 1, dilationRate: 2 } };
    expect(() => single("TimeDistributed", { layer: dilated }, [2, 8, 8, 1])).toThrow(
      /TimeDistributed\(Conv2D\).*dilationRate/,
    );
    const causal = { kind: "Conv1D", params: { filters: 1, padding: "causal" } };
    expect(() => single("TimeDistributed", { layer: causal }, [2, 8, 1])).toThrow(/TimeDistributed\(Conv1D\).*causal/);
    const penalized = { kind: "Dense", params: { units: 2, activityRegularizer: { l1: 0.1, l2: 0 } } };
    expect(() => single("TimeDistributed", { layer: penalized }, [2, 3])).toThrow(/activityRegularizer/);
    const step = resolveParams(Dense, { units: 2, activation: "step" }).params;
    expect(() => makeInnerLayer("Dense", step, "d")).toThrow(/Dense with activation "step"/);
    expect(() => makeInnerLayer("LSTM", {}, "l")).toThrow(/LSTM/);
  });
});

const TRAINING_CASES: [string, unknown][] = [
  ["Bidirectional LSTM concat -> Dense", sequential([5, 3], ["Bidirectional", {}], ["Dense", { units: 1 }])],
  [
    "Bidirectional GRU sum, sequences",
    sequential(
      [5, 3],
      ["Bidirectional", { layer: { kind: "GRU", params: { units: 3, returnSequences: true } }, mergeMode: "sum" }],
    ),
  ],
  [
    "LSTM sequences -> TimeDistributed Dense softmax",
    sequential(
      [null, 3],
      ["LSTM", { units: 4, returnSequences: true }],
      ["TimeDistributed", { layer: { kind: "Dense", params: { units: 3, activation: "softmax" } } }],
    ),
  ],
  [
    "TimeDistributed Dense leakyRelu -> TimeDistributed BatchNormalization",
    sequential(
      [4, 3],
      ["TimeDistributed", { layer: { kind: "Dense", params: { units: 3, activation: "leakyRelu" } } }],
      ["TimeDistributed", { layer: { kind: "BatchNormalization", params: {} } }],
    ),
  ],
];

for (const backend of ["cpu", "wasm"] as const) {
  describe(`one training step on ${backend}`, () => {
    beforeAll(() => useBackend(backend));

    it.each(TRAINING_CASES)("%s: finite loss, every weight moves", async (_name, graph) => {
      const { loss, frozen } = await oneStep(graph);
      expect(Number.isFinite(loss)).toBe(true);
      expect(frozen).toEqual([]);
    });
  });
}
