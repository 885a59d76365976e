import type { LayerCase } from "./case";

// Embedding rows checked against tfjs 4.22 (tf.layers.embedding: outputShape and countParams).
export const embeddingCases = {
  Embedding: [
    {
      params: { inputDim: 1000, outputDim: 64 },
      inputs: [[10]],
      outputs: [[10, 64]],
      trainable: 64_000,
    },
    {
      name: "10k vocabulary, maskZero, unknown length",
      params: { inputDim: 10_000, outputDim: 128, maskZero: true },
      inputs: [[null]],
      outputs: [[null, 128]],
      trainable: 1_280_000,
    },
    {
      name: "rank-2 ids (H, W)",
      params: { inputDim: 50, outputDim: 8 },
      inputs: [[4, 5]],
      outputs: [[4, 5, 8]],
      trainable: 400,
    },
    {
      params: { inputDim: 5, outputDim: 2 },
      inputs: [[3]],
      outputs: [[3, 2]],
      trainable: 10,
    },
  ],
  PositionalEncoding: [
    {
      name: "sinusoidal: no weights",
      params: {},
      inputs: [[10, 32]],
      outputs: [[10, 32]],
      trainable: 0,
    },
    {
      name: "sinusoidal, unknown length",
      params: {},
      inputs: [[null, 64]],
      outputs: [[null, 64]],
      trainable: 0,
    },
    {
      name: "sinusoidal ignores maxLength",
      params: { maxLength: 8 },
      inputs: [[1000, 16]],
      outputs: [[1000, 16]],
      trainable: 0,
    },
    {
      name: "learned 128 x 32",
      params: { mode: "learned", maxLength: 128 },
      inputs: [[100, 32]],
      outputs: [[100, 32]],
      trainable: 4096,
    },
    {
      name: "learned, T = maxLength, unknown T",
      params: { mode: "learned", maxLength: 50 },
      inputs: [[null, 16]],
      outputs: [[null, 16]],
      trainable: 800,
    },
  ],
} satisfies Record<string, LayerCase[]>;
