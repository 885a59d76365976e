import type { LayerCase } from "./case";

// MultiHeadAttention counts checked against tfjs 4.22's unexported nlp/multihead_attention.js
// (Keras 3 layout); LuongAttention against the equivalent bias-free tfjs Dense layers.
export const attentionCases = {
  ScaledDotProductAttention: [
    {
      name: "self-attention",
      params: {},
      inputs: [
        [10, 16],
        [10, 16],
      ],
      outputs: [[10, 16]],
      trainable: 0,
    },
    {
      name: "G-30 shapes: Q (1,2), V (2,2), K (2,2)",
      params: {},
      inputs: [
        [1, 2],
        [2, 2],
        [2, 2],
      ],
      outputs: [[1, 2]],
      trainable: 0,
      source: "G-30",
    },
    {
      name: "cross: key d_k 8, value d_v 12",
      params: {},
      inputs: [
        [5, 8],
        [7, 12],
        [7, 8],
      ],
      outputs: [[5, 12]],
      trainable: 0,
    },
    {
      name: "causal, unknown T",
      params: { causal: true },
      inputs: [
        [null, 16],
        [null, 16],
      ],
      outputs: [[null, 16]],
      trainable: 0,
    },
  ],
  MultiHeadAttention: [
    {
      name: "defaults, self-attention d 32",
      params: {},
      inputs: [
        [10, 32],
        [10, 32],
      ],
      outputs: [[10, 32]],
      trainable: 8416,
    },
    {
      name: "cross with key, valueDim and outputDim",
      params: { numHeads: 2, keyDim: 8, valueDim: 4, outputDim: 6 },
      inputs: [
        [5, 12],
        [7, 20],
        [7, 10],
      ],
      outputs: [[5, 6]],
      trainable: 606,
    },
    {
      name: "no bias",
      params: { numHeads: 2, keyDim: 8, useBias: false },
      inputs: [
        [5, 12],
        [7, 20],
      ],
      outputs: [[5, 12]],
      trainable: 1024,
    },
    {
      name: "Transformer base: 8 heads x 64, d 512 (4d^2 + 4d)",
      params: { numHeads: 8, keyDim: 64, causal: true },
      inputs: [
        [null, 512],
        [null, 512],
      ],
      outputs: [[null, 512]],
      trainable: 1_050_624,
      source: "Vaswani et al. 2017",
    },
  ],
  LuongAttention: [
    {
      name: "dot: no weights",
      params: { score: "dot" },
      inputs: [
        [6, 32],
        [9, 32],
      ],
      outputs: [[6, 32]],
      trainable: 0,
    },
    {
      name: "general: W_a 16 x 32",
      params: {},
      inputs: [
        [6, 16],
        [9, 32],
      ],
      outputs: [[6, 32]],
      trainable: 512,
    },
    {
      name: "concat: W_a 48 x 10 + v_a 10",
      params: { score: "concat", units: 10 },
      inputs: [
        [6, 16],
        [9, 32],
      ],
      outputs: [[6, 32]],
      trainable: 490,
    },
    {
      name: "general, unknown lengths",
      params: { score: "general" },
      inputs: [
        [null, 64],
        [null, 64],
      ],
      outputs: [[null, 64]],
      trainable: 4096,
    },
  ],
} satisfies Record<string, LayerCase[]>;
