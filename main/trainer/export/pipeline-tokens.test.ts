import { join } from "node:path";
import * as ort from "onnxruntime-node";
import { describe, expect, it } from "vitest";
import { SentencePairsSourceSchema } from "../../../shared/datasets/sources/sentence-pairs";
import { TextSourceSchema } from "../../../shared/datasets/sources/text";
import { GraphBuilder } from "../../../shared/ir/builder";
import type { WeightTensor } from "../../../shared/onnx/emitters/types";
import { encodeSentencePairs, encodeText, readSentencePairs, readText } from "../../data/text/index";
import { argmax, build, dense, maxAbsDiff, run, softmax, tempDir, training } from "./pipeline.testkit";

/**
 * Text and sentence pairs: the file takes the token ids NetForge's tokenizer makes (standard ONNX
 * has no tokenizer) and the vocabulary goes beside it; the answers are class names, or per-step
 * target tokens for the dates seq2seq model, as the same network computes them.
 */

const dir = tempDir();
const REMARKS = join(__dirname, "../../../resources/datasets/product-remarks.csv");
const DATES = join(__dirname, "../../../resources/datasets/dates-to-iso.csv");

/** Embedding rows of `ids` ([n, T]): [n, T, E] flattened. */
function embed(ids: Int32Array, [table]: readonly WeightTensor[]): Float64Array {
  const e = table.shape[1];
  const out = new Float64Array(ids.length * e);
  ids.forEach((id, i) => {
    for (let k = 0; k < e; k++) out[i * e + k] = table.data[id * e + k];
  });
  return out;
}

describe("token pipelines", () => {
  it("text classifier: token ids in, class names out, vocabulary and tokenizer beside the model", async () => {
    const source = { kind: "text" as const, path: REMARKS, format: "table" as const, maxLength: 12 };
    const enc = encodeText(await readText(source), source);
    // As main/trainer/run/dataset.ts saves it.
    const { tokenizer, maxLength, padding, truncation } = TextSourceSchema.parse(source);
    const pre = {
      kind: "text",
      tokenizer,
      maxLength,
      padding,
      truncation,
      vocabulary: enc.vocabulary,
      classNames: enc.classNames,
    };
    const V = enc.vocabulary.length;
    const graph = new GraphBuilder();
    graph.chain(
      null,
      ["Input", { shape: [12], dtype: "int32" }],
      ["Embedding", { inputDim: V, outputDim: 3 }],
      ["Flatten"],
      ["Dense", { units: enc.classNames.length }],
    );
    const b = await build(dir, "remarks", graph.build(), {
      preprocessing: pre,
      source,
      classNames: enc.classNames,
      training: training({ loss: { type: "sparseCategoricalCrossentropy", fromLogits: true } }),
      options: { inputs: "raw", tableInputs: "columns" },
      fileStem: "remarks",
    });
    const d = b.description;
    expect(d.inputs.map((p) => [p.dtype, p.shape])).toEqual([["int32", ["N", 12]]]);
    expect(d.metadata["netforge.vocabulary_file"]).toBe("remarks.vocabulary.json");
    const side = JSON.parse(d.sideFiles[0].contents);
    expect(side.vocabulary).toEqual(enc.vocabulary);
    expect([side.maxLength, side.padding, side.paddingId, side.oovId]).toEqual([12, "post", 0, 1]);
    expect(d.userSteps.join(" ")).toMatch(/Tokenize .*remarks\.vocabulary\.json/);
    const n = 20;
    const ids = enc.ids.subarray(0, n * 12);
    const out = await run(b.session, { [d.inputs[0].name]: new ort.Tensor("int32", Int32Array.from(ids), [n, 12]) });
    const [embedding, , head] = b.analysis.order.slice(1);
    const want = dense(embed(ids, b.weights[embedding]), n, b.weights[head]).map(softmax);
    expect(maxAbsDiff(out.probabilities.data as Float32Array, want.flat())).toBeLessThan(1e-5);
    expect(out.label.data).toEqual(want.map((p) => enc.classNames[argmax(p)]));
  });

  it("dates seq2seq: encoder and decoder ids in, per-step probabilities and target tokens out", async () => {
    const source = {
      kind: "sentencePairs" as const,
      path: DATES,
      maxLength: 12,
      tokenizer: { level: "char" as const },
    };
    const pairs = await readSentencePairs(source);
    const enc = encodeSentencePairs(pairs, source);
    const T = 12;
    const V = enc.targetVocabulary.length;
    const g = new GraphBuilder();
    const encoder = g.add("Input", { shape: [T], dtype: "int32" }, { id: "encoder", name: "encoder" });
    const decoder = g.add("Input", { shape: [T], dtype: "int32" }, { id: "decoder", name: "decoder" });
    const [e1] = g.chain(encoder, ["Embedding", { inputDim: enc.sourceVocabulary.length, outputDim: 2 }]);
    const [e2] = g.chain(decoder, ["Embedding", { inputDim: V, outputDim: 2 }]);
    const cat = g.add("Concatenate", { axis: -1 });
    g.connect(e1, cat, "in").connect(e2, cat, "in");
    const [out] = g.chain(cat, ["Dense", { units: V, activation: "softmax" }]);
    const { tokenizer, startToken, endToken } = SentencePairsSourceSchema.parse(source);
    const pre = {
      kind: "sentencePairs",
      ...{ tokenizer, maxLength: T, startToken, endToken },
      ...{ encoderInput: "encoder", decoderInput: "decoder" },
      ...{ sourceVocabulary: enc.sourceVocabulary, targetVocabulary: enc.targetVocabulary },
    };
    const b = await build(dir, "dates", g.build(), {
      preprocessing: pre,
      source,
      classNames: null,
      training: training({ loss: { type: "sparseCategoricalCrossentropy" } }),
      options: { inputs: "raw", tableInputs: "columns" },
    });
    const d = b.description;
    expect(d.inputs.map((p) => p.description)).toEqual([
      expect.stringMatching(/^encoder token ids/),
      expect.stringMatching(/^decoder token ids/),
    ]);
    expect(d.outputs.map((p) => [p.name, p.dtype, p.shape])).toEqual([
      ["probabilities", "float32", ["N", T, V]],
      ["tokens", "string", ["N", T]],
    ]);
    const n = 8;
    const encIds = enc.encoderInput.subarray(0, n * T);
    const decIds = enc.decoderInput.subarray(0, n * T);
    const result = await run(b.session, {
      [d.inputs[0].name]: new ort.Tensor("int32", Int32Array.from(encIds), [n, T]),
      [d.inputs[1].name]: new ort.Tensor("int32", Int32Array.from(decIds), [n, T]),
    });
    const [a, c] = [embed(encIds, b.weights[e1]), embed(decIds, b.weights[e2])];
    const joined = Float64Array.from({ length: n * T * 4 }, (_, i) => {
      const [step, k] = [Math.floor(i / 4), i % 4];
      return k < 2 ? a[step * 2 + k] : c[step * 2 + k - 2];
    });
    const want = dense(joined, n * T, b.weights[out], "softmax");
    expect(maxAbsDiff(result.probabilities.data as Float32Array, want.flat())).toBeLessThan(1e-5);
    expect(result.tokens.data).toEqual(want.map((p) => enc.targetVocabulary[argmax(p)]));
  });
});
