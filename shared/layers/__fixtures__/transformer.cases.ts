import type { LayerCase } from "./case";

// Counts checked against tfjs 4.22 pieces: the unexported nlp MultiHeadAttention plus
// tf.layers.layerNormalization and tf.layers.dense, summed as each block builds them.
export const transformerCases = {
  TransformerEncoderBlock: [
    {
      name: "defaults, d 32 (keyDim 8)",
      params: {},
      inputs: [[10, 32]],
      outputs: [[10, 32]],
      trainable: 12_704,
    },
    {
      name: "Transformer base layer: d 512, 8 heads, ffDim 2048",
      params: { numHeads: 8, ffDim: 2048 },
      inputs: [[null, 512]],
      outputs: [[null, 512]],
      trainable: 3_152_384,
      source: "Vaswani et al. 2017",
    },
    {
      name: "explicit keyDim, d 12 not divisible by 5 heads",
      params: { numHeads: 5, keyDim: 8, ffDim: 16 },
      inputs: [[5, 12]],
      outputs: [[5, 12]],
      trainable: 2512,
    },
    {
      name: "gelu, pre-norm, d 64",
      params: { activation: "gelu", normFirst: true, dropout: 0 },
      inputs: [[null, 64]],
      outputs: [[null, 64]],
      trainable: 33_472,
    },
  ],
  TransformerDecoderBlock: [
    {
      name: "defaults, d = d_m = 32",
      params: {},
      inputs: [
        [10, 32],
        [12, 32],
      ],
      outputs: [[10, 32]],
      trainable: 16_992,
    },
    {
      name: "memory d_m 64 differs from d 32",
      params: {},
      inputs: [
        [10, 32],
        [12, 64],
      ],
      outputs: [[10, 32]],
      trainable: 19_040,
    },
    {
      name: "Transformer base layer: d 512, 8 heads, ffDim 2048",
      params: { numHeads: 8, ffDim: 2048 },
      inputs: [
        [null, 512],
        [null, 512],
      ],
      outputs: [[null, 512]],
      trainable: 4_204_032,
      source: "Vaswani et al. 2017",
    },
    {
      name: "decoder-only (no memory)",
      params: {},
      inputs: [[20, 32]],
      outputs: [[20, 32]],
      trainable: 12_704,
    },
  ],
} satisfies Record<string, LayerCase[]>;
