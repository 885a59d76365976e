import type { LayerCase } from "./case";

/** Bidirectional doubles the inner layer's weights; TimeDistributed shares one step's weights. */
export const wrapperCases = {
  Bidirectional: [
    {
      name: "defaults: LSTM(32), concat",
      params: {},
      inputs: [[10, 8]],
      outputs: [[64]],
      trainable: 10_496,
    },
    {
      name: "BiLSTM tagger: LSTM(64) per step on 100-d embeddings",
      params: {
        layer: { kind: "LSTM", params: { units: 64, returnSequences: true } },
      },
      inputs: [[null, 100]],
      outputs: [[null, 128]],
      trainable: 84_480,
      source: "T10",
    },
    {
      name: "BiGRU, sum",
      params: {
        layer: { kind: "GRU", params: { units: 8 } },
        mergeMode: "sum",
      },
      inputs: [[20, 16]],
      outputs: [[8]],
      trainable: 1200,
    },
    {
      name: "SimpleRNN per step, average",
      params: {
        layer: {
          kind: "SimpleRNN",
          params: { units: 4, returnSequences: true },
        },
        mergeMode: "ave",
      },
      inputs: [[5, 3]],
      outputs: [[5, 4]],
      trainable: 64,
    },
    {
      name: "LSTM, product",
      params: {
        layer: { kind: "LSTM", params: { units: 2, useBias: false } },
        mergeMode: "mul",
      },
      inputs: [[3, 1]],
      outputs: [[2]],
      trainable: 48,
    },
  ],
  TimeDistributed: [
    {
      name: "defaults: Dense(32)",
      params: {},
      inputs: [[5, 16]],
      outputs: [[5, 32]],
      trainable: 544,
    },
    {
      name: "seq2seq decoder softmax head",
      params: {
        layer: { kind: "Dense", params: { units: 10, activation: "softmax" } },
      },
      inputs: [[null, 64]],
      outputs: [[null, 10]],
      trainable: 650,
      source: "T11",
    },
    {
      name: "Dense on rank-3 steps",
      params: {
        layer: { kind: "Dense", params: { units: 4, useBias: false } },
      },
      inputs: [[4, 8, 3]],
      outputs: [[4, 8, 4]],
      trainable: 12,
    },
    {
      name: "Conv2D on every video frame",
      params: {
        layer: {
          kind: "Conv2D",
          params: { filters: 8, kernelSize: [3, 3], activation: "relu" },
        },
      },
      inputs: [[10, 28, 28, 1]],
      outputs: [[10, 26, 26, 8]],
      trainable: 80,
    },
    {
      name: "Flatten every frame",
      params: { layer: { kind: "Flatten", params: {} } },
      inputs: [[10, 4, 4, 2]],
      outputs: [[10, 32]],
      trainable: 0,
    },
  ],
} satisfies Record<string, LayerCase[]>;
