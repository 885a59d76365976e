import * as tf from "@tensorflow/tfjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GraphBuilder } from "../../../shared/ir/builder";
import type { Shape } from "../../../shared/shapes/shape";
import { compileGraph } from "../compile/compile";
import { useBackend } from "../testing/tf-setup";
import { layerModel, randomizeWeights } from "./attention-testkit";

/**
 * The embedding, attention, Transformer and generative builders' layers survive a save/load
 * round trip in the tfjs layers format (topology + weights) with identical predictions, and the
 * Embedding and GAN builders do what their specs say.
 */

async function roundTrip(model: tf.LayersModel): Promise<tf.LayersModel> {
  let saved: tf.io.ModelArtifacts | null = null;
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      saved = artifacts;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: "JSON" } };
    }),
  );
  // The topology goes through JSON on disk; do the same here so nothing non-serializable hides.
  const artifacts = saved as unknown as tf.io.ModelArtifacts;
  const json = JSON.parse(JSON.stringify(artifacts.modelTopology));
  return tf.loadLayersModel(tf.io.fromMemory({ ...artifacts, modelTopology: json }));
}

function inputsFor(shapes: Shape[], int: boolean): tf.Tensor[] {
  return shapes.map((s, i) => {
    const dims = [2, ...s.map((d) => d ?? 4)];
    return int ? tf.randomUniform(dims, 0, 10, "int32", i + 1) : tf.randomNormal(dims, 0, 1, "float32", i + 1);
  });
}

const CASES: [title: string, kind: string, params: Record<string, unknown>, ports: [string, Shape][]][] = [
  [
    "causal scaled dot-product attention",
    "ScaledDotProductAttention",
    { causal: true },
    [
      ["query", [null, 4]],
      ["value", [null, 4]],
    ],
  ],
  [
    "multi-head attention with key, regularizers and an activity penalty",
    "MultiHeadAttention",
    {
      numHeads: 2,
      keyDim: 3,
      valueDim: 2,
      outputDim: 5,
      causal: true,
      kernelInitializer: "heNormal",
      kernelRegularizer: { l1: 0, l2: 0.01 },
      activityRegularizer: { l1: 0.001, l2: 0 },
    },
    [
      ["query", [4, 6]],
      ["value", [4, 3]],
      ["key", [4, 5]],
    ],
  ],
  [
    "Luong concat",
    "LuongAttention",
    { score: "concat", units: 5, kernelInitializer: "leCunUniform" },
    [
      ["query", [3, 4]],
      ["value", [5, 6]],
    ],
  ],
  ["learned positional encoding", "PositionalEncoding", { mode: "learned", maxLength: 9 }, [["in", [null, 4]]]],
  ["sinusoidal positional encoding", "PositionalEncoding", {}, [["in", [7, 5]]]],
  [
    "pre-norm gelu encoder block",
    "TransformerEncoderBlock",
    { numHeads: 2, ffDim: 6, normFirst: true, activation: "gelu" },
    [["in", [5, 4]]],
  ],
  [
    "decoder block with memory",
    "TransformerDecoderBlock",
    { numHeads: 2, ffDim: 6, layerNormEpsilon: 1e-3 },
    [
      ["target", [5, 4]],
      ["memory", [3, 6]],
    ],
  ],
  [
    "VAE sampling (inference: z = mean)",
    "VAESampling",
    { klWeight: 3 },
    [
      ["mean", [4]],
      ["logVar", [4]],
    ],
  ],
];

describe.each(["cpu", "wasm"] as const)("serialization on %s", (backend) => {
  beforeAll(() => useBackend(backend));
  const models: tf.LayersModel[] = [];
  afterAll(() => {
    for (const m of models) m.dispose();
  });

  it.each(CASES)("%s reloads with identical predictions", async (_title, kind, params, ports) => {
    const model = layerModel(kind, params, ports);
    randomizeWeights(model, 5);
    const reloaded = await roundTrip(model);
    models.push(model, reloaded);
    const layer = model.getLayer("layer");
    const again = reloaded.getLayer("layer");
    expect(again.getClassName()).toBe(layer.getClassName());
    expect(again.getConfig()).toEqual(layer.getConfig());
    expect(again.weights.map((w) => w.originalName)).toEqual(layer.weights.map((w) => w.originalName));
    const diff = tf.tidy(() => {
      const xs = inputsFor(
        ports.map(([, s]) => s),
        false,
      );
      const [a, b] = [model.predict(xs), reloaded.predict(xs)] as tf.Tensor[];
      return tf.max(tf.abs(tf.sub(a, b))).dataSync()[0];
    });
    expect(diff).toBe(0);
  });

  it("Embedding: maskZero, initializer, activity penalty and a reload", async () => {
    const b = new GraphBuilder();
    const ids = b.add("Input", { shape: [5], dtype: "int32" }, { id: "ids" });
    const params = {
      inputDim: 10,
      outputDim: 3,
      maskZero: true,
      embeddingsInitializer: "ones",
      activityRegularizer: { l1: 0.5, l2: 0 },
    };
    const emb = b.add("Embedding", params, { id: "layer" });
    b.connect(ids, emb);
    const { model, layersByNode } = compileGraph(b.build());
    const [embedding, activity] = layersByNode.get("layer") as tf.layers.Layer[];
    expect(layersByNode.get("layer")).toHaveLength(2);
    const [penalty, masked] = tf.tidy(() => {
      const x = tf.tensor2d([[1, 2, 0, 0, 3]], undefined, "int32");
      model.predict(x);
      const mask = embedding.computeMask(x) as tf.Tensor;
      return [activity.calculateLosses()[0].dataSync()[0], Array.from(mask.dataSync())];
    });
    // All-ones table: |y| sums to 5 steps x 3 = 15 per sample, times l1 0.5, over a batch of 1.
    expect(penalty).toBeCloseTo(7.5, 5);
    expect(masked).toEqual([1, 1, 0, 0, 1]);
    randomizeWeights(model, 2);
    const reloaded = await roundTrip(model);
    const diff = tf.tidy(() => {
      const [x] = inputsFor([[5]], true);
      return tf.max(tf.abs(tf.sub(model.predict(x) as tf.Tensor, reloaded.predict(x) as tf.Tensor))).dataSync()[0];
    });
    expect(diff).toBe(0);
    models.push(model, reloaded);
  });

  it("PositionalEncoding passes an Embedding's padding mask on unchanged", () => {
    const model = layerModel("PositionalEncoding", {}, [["in", [4, 3]]]);
    models.push(model);
    const kept = tf.tidy(() => {
      const mask = tf.tensor2d([[1, 1, 0, 0]], undefined, "bool");
      return Array.from((model.getLayer("layer").computeMask(tf.zeros([1, 4, 3]), mask) as tf.Tensor).dataSync());
    });
    expect(kept).toEqual([1, 1, 0, 0]);
  });

  it("GAN markers are identities named after their nodes, in a generator/discriminator pair", async () => {
    const b = new GraphBuilder();
    const [, gen] = b.chain(null, ["Input", { shape: [4] }], ["Dense", { units: 6, activation: "tanh" }]);
    const g = b.add("GANGenerator", {}, { id: "G" });
    b.connect(gen, g);
    const [, disc] = b.chain(null, ["Input", { shape: [6] }], ["Dense", { units: 1, activation: "sigmoid" }]);
    const d = b.add("GANDiscriminator", {}, { id: "D" });
    b.connect(disc, d);
    const compiled = compileGraph(b.build());
    expect(compiled.outputs).toEqual(["G", "D"]);
    expect(compiled.layersByNode.get("G")?.map((l) => l.name)).toEqual(["G"]);
    const generator = compileGraph(b.build(), { outputs: ["G"] }).model;
    models.push(compiled.model, generator);
    const diff = tf.tidy(() => {
      const z = tf.randomNormal([3, 4]);
      const dense = generator.getLayer(generator.layers[1].name);
      const expected = dense.apply(z) as tf.Tensor;
      return tf.max(tf.abs(tf.sub(generator.predict(z) as tf.Tensor, expected))).dataSync()[0];
    });
    expect(diff).toBe(0);
    const reloaded = await roundTrip(generator);
    models.push(reloaded);
    expect(reloaded.outputNames).toEqual(generator.outputNames);
  });
});
