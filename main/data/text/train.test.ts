import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { useBackend } from "../../trainer/testing/tf-setup";
import { trainOn } from "./train-on";

describe("training on a text file", () => {
  beforeAll(() => useBackend("cpu"));

  it("an Embedding + GlobalAveragePooling1D + Dense classifier learns labelled sentences", async () => {
    const r = await trainOn(
      "text",
      [
        { id: "in", kind: "Input", params: { shape: [8], dtype: "int32" } },
        { id: "emb", kind: "Embedding", params: { inputDim: 32, outputDim: 8 } },
        { id: "pool", kind: "GlobalAveragePooling1D", params: {} },
        { id: "out", kind: "Dense", params: { units: 2, activation: "softmax" } },
      ],
      { kind: "text", path: join(import.meta.dirname, "../__fixtures__/text/sentiment.txt"), maxLength: 8 },
      {
        epochs: 30,
        batchSize: 8,
        learningRate: 0.05,
        loss: { type: "sparseCategoricalCrossentropy" },
        metrics: ["accuracy"],
      },
    );
    expect(r.errors).toEqual([]);
    const [first, last] = [r.epochs[0], r.epochs.at(-1) as Record<string, number>];
    expect(last.loss).toBeLessThan(first.loss * 0.5);
    expect(last.val_accuracy).toBeGreaterThanOrEqual(0.9);
  });

  it("sentence pairs need an encoder and a decoder Input: a one-Input model is refused with a coded error", async () => {
    const r = await trainOn(
      "pairs",
      [
        { id: "in", kind: "Input", params: { shape: [5], dtype: "int32" } },
        { id: "out", kind: "Dense", params: { units: 2 } },
      ],
      { kind: "sentencePairs", path: join(import.meta.dirname, "../__fixtures__/text/pairs.csv") },
      { epochs: 1, loss: { type: "meanSquaredError" } },
    );
    expect(JSON.stringify(r.errors)).toContain("E_DATA_SHAPE");
    expect(JSON.stringify(r.errors)).toContain("an encoder Input and a decoder Input");
  });
});
