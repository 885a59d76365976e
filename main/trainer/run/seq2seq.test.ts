import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { GraphBuilder, sequential } from "../../../shared/ir/builder";
import type { TrainerMessage } from "../../../shared/trainer/protocol";
import { useBackend } from "../testing/tf-setup";
import { startRun } from "./fit";

/**
 * Sentence pairs train a two-Input seq2seq model (teacher forcing): spelled-out dates to ISO
 * dates, word-level tokens ("2031-09-20" -> 2031, 09, 20), on the first 300 pairs of the sample.
 */
const L = 10;
const VOCAB = 300;

function firstPairs(rows: number): string {
  const text = readFileSync(join(import.meta.dirname, "../../../resources/datasets/dates-to-iso.csv"), "utf8");
  const dir = mkdtempSync(join(tmpdir(), "netforge-seq2seq-"));
  const path = join(dir, "dates.csv");
  writeFileSync(
    path,
    `${text
      .split("\n")
      .slice(0, rows + 1)
      .join("\n")}\n`,
  );
  return path;
}

/** Encoder summary (mean of its embeddings) repeated per step, joined with the decoder's tokens. */
function seq2seqGraph() {
  const b = new GraphBuilder();
  const enc = b.add("Input", { shape: [L], dtype: "int32" }, { id: "encoder_tokens" });
  const [, , repeated] = b.chain(
    enc,
    ["Embedding", { inputDim: VOCAB, outputDim: 16 }],
    ["GlobalAveragePooling1D"],
    ["RepeatVector", { n: L }],
  );
  const dec = b.add("Input", { shape: [L], dtype: "int32" }, { id: "decoder_tokens" });
  const [decEmb] = b.chain(dec, ["Embedding", { inputDim: VOCAB, outputDim: 16 }]);
  const cat = b.add("Concatenate");
  b.connect(repeated, cat).connect(decEmb, cat);
  b.chain(cat, ["LSTM", { units: 32, returnSequences: true }], ["Dense", { units: VOCAB, activation: "softmax" }]);
  return b.build();
}

const source = (path: string) => ({
  kind: "sentencePairs",
  path,
  maxLength: L,
  tokenizer: { vocabSize: VOCAB },
});

describe("training seq2seq models on sentence pairs", () => {
  let path: string;
  beforeAll(async () => {
    await useBackend("wasm");
    path = firstPairs(300);
  });

  it("feeds encoder and decoder ids to the two Inputs and reduces the loss", async () => {
    const runDir = mkdtempSync(join(tmpdir(), "netforge-seq2seq-run-"));
    const data = { source: source(path), split: { validation: 0.2, test: 0, seed: 1 } };
    const training = {
      loss: { type: "sparseCategoricalCrossentropy" },
      optimizer: { type: "adam" },
      learningRate: 0.01,
      epochs: 8,
      batchSize: 32,
      metrics: ["accuracy"],
      seed: 5,
    };
    const messages: TrainerMessage[] = [];
    const run = startRun(
      { type: "start", runId: "s2s", graph: seq2seqGraph(), training, data: data as never, runDir },
      (m) => messages.push(m),
    );
    await run.finished;
    expect(messages.filter((m) => m.type === "error")).toEqual([]);
    const epochs = messages.flatMap((m) => (m.type === "epoch" ? [m.metrics] : []));
    expect(epochs).toHaveLength(8);
    const losses = epochs.map((m) => m.loss as number);
    // Over real tokens only (padding steps are masked out of the loss, ~5.5 = ln(vocabulary) at
    // first): 8 epochs on 240 pairs take off well over a third.
    expect(losses.at(-1)).toBeLessThan(0.7 * losses[0]);
    expect(epochs.at(-1)?.val_loss).toBeLessThan(epochs[0].val_loss as number);
    const progress = messages.find((m) => m.type === "progress");
    if (progress?.type === "progress") expect(progress.batchesPerEpoch).toBe(8); // 240 training pairs / 32
    const pre = JSON.parse(readFileSync(join(runDir, "preprocessing.json"), "utf8"));
    expect(pre).toMatchObject({
      kind: "sentencePairs",
      encoderInput: "encoder_tokens",
      decoderInput: "decoder_tokens",
    });
    expect(pre.targetVocabulary.slice(0, 4)).toEqual(["<pad>", "<oov>", "<start>", "<end>"]);
    run.dispose();
  }, 240_000);

  it("refuses a model with one Input: a sentence-pair set needs an encoder and a decoder Input", async () => {
    const graph = sequential(
      [L],
      ["Embedding", { inputDim: VOCAB, outputDim: 8 }],
      ["Dense", { units: VOCAB, activation: "softmax" }],
    );
    graph.nodes[0].params.dtype = "int32";
    const messages: TrainerMessage[] = [];
    const run = startRun(
      {
        type: "start",
        runId: "one",
        graph,
        training: { loss: { type: "sparseCategoricalCrossentropy" }, epochs: 1 },
        data: { source: source(path) } as never,
      },
      (m) => messages.push(m),
    );
    await run.finished;
    const errors = messages.filter((m) => m.type === "error");
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: "E_DATA_SHAPE" });
    if (errors[0].type === "error") expect(errors[0].message).toMatch(/encoder Input and a decoder Input/);
    run.dispose();
  });
});
