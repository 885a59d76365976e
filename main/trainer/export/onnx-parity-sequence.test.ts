import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { GraphBuilder, sequential } from "../../../shared/ir/builder";
import { EMITTERS } from "../../../shared/onnx/emitters/index";
import type { EmitterTable } from "../../../shared/onnx/emitters/types";
import { compileGraph } from "../compile/compile";
import { useBackend } from "../testing/tf-setup";
import { parity, pythonOnnxCheck, pythonOnnxMissing, randomizeWeights } from "./parity.testkit";

/**
 * ONNX parity beyond the catalog rows (onnx-parity.test.ts runs those) for the sequence families:
 * every cell activation the ONNX recurrent ops take, goBackwards and Bidirectional orders,
 * dynamic lengths, and models where layouts and families meet (Conv1D into an LSTM, embeddings
 * into attention). Negative controls show the check catches a wrong gate order or GRU variant.
 */
const TOLERANCE = 1e-5;
const dir = mkdtempSync(join(tmpdir(), "netforge-onnx-seq-"));
const files: string[] = [];

async function diff(graph: unknown, opts: { xs?: tf.Tensor[]; emitters?: EmitterTable } = {}) {
  const c = compileGraph(graph);
  randomizeWeights(c, 3);
  const xs = opts.xs ?? c.model.inputs.map((t) => tf.randomNormal([2, ...(t.shape.slice(1) as number[])]));
  const { maxAbsDiff, exported } = await parity(c, xs, opts.emitters ? { emitters: opts.emitters } : {});
  const file = join(dir, `${files.length}.onnx`);
  writeFileSync(file, exported.bytes);
  files.push(file);
  c.model.dispose();
  return maxAbsDiff;
}

const ids = (t: number, vocab: number) => [tf.randomUniform([2, t], 0, vocab, "int32")];

beforeAll(() => useBackend("cpu"));

describe("recurrent cells", () => {
  it.each(["tanh", "relu", "linear", "softsign", "softplus", "elu", "leakyRelu", "bipolarSigmoid"])(
    "%s activation in SimpleRNN, LSTM and GRU",
    async (activation) => {
      for (const kind of ["SimpleRNN", "LSTM", "GRU"]) {
        const gates = kind === "SimpleRNN" ? {} : { recurrentActivation: "hardSigmoid" };
        const g = sequential([5, 3], [kind, { units: 4, activation, returnSequences: true, ...gates }]);
        expect(await diff(g)).toBeLessThan(TOLERANCE);
      }
    },
  );

  it("an activation ONNX's recurrent ops lack is refused with its name", async () => {
    const g = sequential([5, 3], ["LSTM", { units: 4, activation: "gelu" }]);
    await expect(diff(g)).rejects.toThrow(/activation "gelu"/);
  });

  it.each(["SimpleRNN", "GRU"])("%s goBackwards: sequence in tfjs' order and final state", async (kind) => {
    const g = sequential([6, 3], [kind, { units: 5, goBackwards: true, returnSequences: true, returnState: true }]);
    expect(await diff(g)).toBeLessThan(TOLERANCE);
  });

  it.each([
    ["LSTM", "concat", true],
    ["GRU", "mul", true],
    ["LSTM", "ave", false],
    ["SimpleRNN", "sum", true],
  ] as const)("Bidirectional(%s goBackwards) %s, sequences %s", async (kind, mergeMode, returnSequences) => {
    const layer = { kind, params: { units: 3, goBackwards: true, returnSequences } };
    expect(await diff(sequential([5, 2], ["Bidirectional", { layer, mergeMode }]))).toBeLessThan(TOLERANCE);
  });
});

describe("models where families and layouts meet", () => {
  it("Conv1D (channels first in ONNX) into a stacked LSTM and GRU", async () => {
    const g = sequential(
      [12, 4],
      ["Conv1D", { filters: 6, kernelSize: 3, padding: "same", activation: "relu" }],
      ["LSTM", { units: 8, returnSequences: true }],
      ["LayerNormalization"],
      ["GRU", { units: 5 }],
      ["Dense", { units: 2 }],
    );
    expect(await diff(g)).toBeLessThan(TOLERANCE);
  });

  it("LayerNormalization on a convolution's channels and on a spatial axis", async () => {
    const g = sequential(
      [6, 5, 3],
      ["Conv2D", { filters: 4, kernelSize: 3, padding: "same" }],
      ["LayerNormalization", { axis: -1 }],
      ["Conv2D", { filters: 4, kernelSize: 1 }],
      ["LayerNormalization", { axis: 1 }],
    );
    expect(await diff(g)).toBeLessThan(TOLERANCE);
  });

  it("BiLSTM tagger: Embedding, Bidirectional sequences, TimeDistributed softmax, unknown T", async () => {
    const g = sequential(
      [null],
      ["Embedding", { inputDim: 20, outputDim: 6 }],
      ["Bidirectional", { layer: { kind: "LSTM", params: { units: 4, returnSequences: true } } }],
      ["TimeDistributed", { layer: { kind: "Dense", params: { units: 3, activation: "softmax" } } }],
    );
    const input = { shape: [null], dtype: "int32" };
    const graph = { ...g, nodes: g.nodes.map((n) => (n.kind === "Input" ? { ...n, params: input } : n)) };
    expect(await diff(graph, { xs: ids(7, 20) })).toBeLessThan(TOLERANCE);
  });

  it("video frames: TimeDistributed Conv2D and Flatten into an LSTM", async () => {
    const g = sequential(
      [4, 8, 8, 2],
      ["TimeDistributed", { layer: { kind: "Conv2D", params: { filters: 3, kernelSize: 3, activation: "relu" } } }],
      ["TimeDistributed", { layer: { kind: "MaxPooling2D", params: { poolSize: 2 } } }],
      ["TimeDistributed", { layer: { kind: "Flatten", params: {} } }],
      ["LSTM", { units: 5 }],
    );
    expect(await diff(g)).toBeLessThan(TOLERANCE);
  });

  it("text encoder: Embedding, PositionalEncoding, two encoder blocks, pooling, unknown T", async () => {
    const b = new GraphBuilder();
    const x = b.add("Input", { shape: [null], dtype: "int32" });
    b.chain(
      x,
      ["Embedding", { inputDim: 30, outputDim: 16 }],
      ["PositionalEncoding", {}],
      ["TransformerEncoderBlock", { numHeads: 4, ffDim: 24 }],
      ["TransformerEncoderBlock", { numHeads: 2, ffDim: 24, activation: "gelu", normFirst: true }],
      ["GlobalAveragePooling1D"],
      ["Dense", { units: 3, activation: "softmax" }],
    );
    expect(await diff(b.build(), { xs: ids(9, 30) })).toBeLessThan(TOLERANCE);
  });

  it("seq2seq: decoder block with causal self-attention (unknown T) and cross-attention", async () => {
    const b = new GraphBuilder();
    const target = b.add("Input", { shape: [null, 8] });
    const memory = b.add("Input", { shape: [null, 12] });
    const dec = b.add("TransformerDecoderBlock", { numHeads: 2, ffDim: 16, normFirst: true });
    b.connect(target, dec, "target").connect(memory, dec, "memory");
    const mha = b.add("MultiHeadAttention", { numHeads: 2, keyDim: 4, causal: true });
    b.connect(dec, mha, "query").connect(dec, mha, "value");
    const xs = [tf.randomNormal([2, 5, 8]), tf.randomNormal([2, 7, 12])];
    expect(await diff(b.build(), { xs })).toBeLessThan(TOLERANCE);
  });
});

describe("the parity check catches broken recurrent mappings", () => {
  const lstm = sequential([6, 3], ["LSTM", { units: 4, returnSequences: true }]);
  const gru = sequential([6, 3], ["GRU", { units: 4, returnSequences: true }]);

  it("LSTM gates left in Keras order (i, f, c, o)", async () => {
    const real = EMITTERS.LSTM as NonNullable<(typeof EMITTERS)["LSTM"]>;
    const emitters: EmitterTable = {
      ...EMITTERS,
      // Swapping tfjs' f and o blocks before the reorder leaves ONNX reading them as i, f, c, o.
      LSTM: (ctx) => real({ ...ctx, weights: ctx.weights.map((w, i) => (i < 3 ? swapBlocks(w, 1, 3) : w)) }),
    };
    expect(await diff(lstm)).toBeLessThan(TOLERANCE);
    expect(await diff(lstm, { emitters })).toBeGreaterThan(1e-2);
  });

  it("GRU with linear_before_reset = 1 (the Keras reset_after cell)", async () => {
    const real = EMITTERS.GRU as NonNullable<(typeof EMITTERS)["GRU"]>;
    const emitters: EmitterTable = {
      ...EMITTERS,
      GRU: (ctx) => {
        const out = real(ctx);
        const node = ctx.g.nodes.find((n) => n.opType === "GRU");
        if (node) node.attributes.linear_before_reset = { type: "int", value: 1 };
        return out;
      },
    };
    expect(await diff(gru, { emitters })).toBeGreaterThan(1e-2);
  });
});

/** The weight with gate blocks a and b (of `units` columns each, along the last axis) swapped. */
function swapBlocks(w: { shape: number[]; data: Float32Array }, a: number, b: number) {
  const cols = w.shape[w.shape.length - 1];
  const units = cols / 4;
  const data = Float32Array.from(w.data);
  for (let r = 0; r < w.data.length / cols; r++)
    for (let j = 0; j < units; j++) {
      data[r * cols + a * units + j] = w.data[r * cols + b * units + j];
      data[r * cols + b * units + j] = w.data[r * cols + a * units + j];
    }
  return { shape: w.shape, data };
}

describe("python3-onnx accepts every file above", () => {
  it("check_model(full_check), strict shape inference", (ctx) => {
    const missing = pythonOnnxMissing();
    if (missing) ctx.skip();
    expect(files.length).toBeGreaterThan(10);
    expect(pythonOnnxCheck(dir, files)).toEqual([]);
  });
});
