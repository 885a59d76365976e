import { ShapeError } from "../diagnostics";
import { formatShape, lastDim, type Shape } from "../shapes/shape";
import { multiHeadAttentionWeights } from "./attention";
import { bool, float, int, oneOf } from "./params";
import { defineLayer, expectRank, known, type WeightSpec, weight } from "./spec";

/**
 * Transformer blocks (Vaswani et al. 2017, section 3.1), laid out like keras-hub's
 * TransformerEncoder/TransformerDecoder: Keras MultiHeadAttention sub-layers with
 * keyDim = d / numHeads, LayerNormalization, and a two-Dense feed-forward network.
 */

const blockParams = {
  numHeads: int({
    default: 4,
    min: 1,
    max: 256,
    doc: "Number of attention heads.",
  }),
  keyDim: int({
    default: null,
    nullable: true,
    nullMeans: "= d / numHeads",
    min: 1,
    max: 4096,
    doc: "Size of each head's query/key/value projection; null = d / numHeads (d must then be divisible by numHeads).",
  }),
  ffDim: int({
    default: 128,
    min: 1,
    max: 100_000,
    doc: "Hidden size of the position-wise feed-forward network (2048 for d = 512 in Vaswani et al.).",
  }),
  dropout: float({
    default: 0.1,
    min: 0,
    max: 1,
    exclusiveMax: true,
    doc: "Dropout rate on the attention weights and on each sub-layer's output before the residual add.",
  }),
  activation: oneOf(["relu", "gelu"], {
    default: "relu",
    doc: "Activation inside the feed-forward network (relu as in Vaswani et al.; gelu as in BERT/GPT).",
  }),
  layerNormEpsilon: float({
    default: 1e-5,
    min: 0,
    exclusiveMin: true,
    max: 1,
    doc: "Small constant added to the variance in each LayerNormalization (keras-hub default 1e-5).",
  }),
  normFirst: bool({
    default: false,
    doc: "false: post-norm LN(x + sublayer(x)) as in Vaswani et al.; true: pre-norm x + sublayer(LN(x)), steadier for deep stacks.",
  }),
};

/** The per-head size: keyDim, or d / numHeads when d divides evenly (keras-hub would silently floor). */
function headDim(kind: string, p: { numHeads: number; keyDim: number | null }, d: number | null): number | null {
  if (p.keyDim !== null) return p.keyDim;
  if (d === null) return null;
  if (d % p.numHeads !== 0) {
    throw new ShapeError(
      "E_SHAPE_MISMATCH",
      `${kind} splits the model dimension d = ${d} into numHeads = ${p.numHeads} heads, but ${d} is not divisible by ${p.numHeads}; choose numHeads dividing ${d} or set keyDim explicitly`,
      "numHeads",
    );
  }
  return d / p.numHeads;
}

const layerNorm = (name: string, d: number) => [weight(`${name}/gamma`, [d]), weight(`${name}/beta`, [d])];

const feedForward = (d: number, ff: number): WeightSpec[] => [
  weight("feedforwardIntermediateDense/kernel", [d, ff]),
  weight("feedforwardIntermediateDense/bias", [ff]),
  weight("feedforwardOutputDense/kernel", [ff, d]),
  weight("feedforwardOutputDense/bias", [d]),
];

export const TransformerEncoderBlock = defineLayer({
  kind: "TransformerEncoderBlock",
  title: "Transformer Encoder Block",
  category: "Attention",
  params: blockParams,
  inputs: [
    {
      name: "in",
      doc: "Sequence (T, d), e.g. Embedding + PositionalEncoding or a previous block.",
    },
  ],
  infer: (p, [x]) => {
    expectRank("TransformerEncoderBlock", x as Shape, 2, "input (T, d)");
    headDim("TransformerEncoderBlock", p, lastDim(x as Shape));
    return [x as Shape];
  },
  weights: (p, [x]) => {
    const d = known("TransformerEncoderBlock", lastDim(x as Shape), "model dimension d");
    const k = headDim("TransformerEncoderBlock", p, d) as number;
    const dims = { query: d, key: d, value: d, output: d };
    return [
      ...multiHeadAttentionWeights("selfAttention/", dims, p.numHeads, k, k, true),
      ...layerNorm("selfAttentionLayerNorm", d),
      ...feedForward(d, p.ffDim),
      ...layerNorm("feedforwardLayerNorm", d),
    ];
  },
  label: (p) => `${p.numHeads}h ff${p.ffDim}${p.normFirst ? " pre-norm" : ""}`,
  doc: {
    summary:
      "One Transformer encoder layer: self-attention and a feed-forward network, each with residual + LayerNorm.",
    formula:
      "post-norm (normFirst = false): h = LN(x + Dropout(MHA(x, x, x))); y = LN(h + Dropout(FFN(h))). pre-norm: h = x + Dropout(MHA(LN(x))); y = h + Dropout(FFN(LN(h))). FFN(h) = act(h W1 + b1) W2 + b2, W1: [d, ffDim], W2: [ffDim, d]. Params with keyDim = d / numHeads: 4d^2 + 4d (attention) + 2 d ffDim + ffDim + d (FFN) + 4d (two LayerNorms); d = 512, 8 heads, ffDim 2048: 3,152,384",
    inputShape: "(T, d)",
    outputShape: "(T, d), unchanged, so blocks stack",
    whenToUse:
      "Text classification, tagging and encoders for translation/summarisation: Embedding -> PositionalEncoding -> N encoder blocks -> GlobalAveragePooling1D (or the first token) -> Dense. Vaswani et al. stack 6.",
    aliases: ["transformer", "encoder layer", "transformer encoder", "bert block", "self-attention block"],
    notes: [
      "The notes describe the Transformer only as self-attention plus multi-head concatenation. A working block also needs the output projection W_O, the position-wise feed-forward network, residual connections, layer normalization and (before the first block) positional encoding; all but the last are inside this block.",
      "The residual adds x to the attention output, so the attention output must have the input's size d; that is why the output projection maps back to d.",
    ],
  },
});

export const TransformerDecoderBlock = defineLayer({
  kind: "TransformerDecoderBlock",
  title: "Transformer Decoder Block",
  category: "Attention",
  params: blockParams,
  inputs: [
    {
      name: "target",
      doc: "Target sequence so far (T, d): shifted-right target embeddings or a previous decoder block.",
    },
    {
      name: "memory",
      doc: "Encoder output (S, d_m) for cross-attention; d_m may differ from d. Leave unconnected for a decoder-only (GPT-style) block.",
      optional: true,
    },
  ],
  infer: (p, [x, m]) => {
    expectRank("TransformerDecoderBlock", x as Shape, 2, "target (T, d)");
    if (m) expectRank("TransformerDecoderBlock", m, 2, "memory (S, d_m)");
    headDim("TransformerDecoderBlock", p, lastDim(x as Shape));
    return [x as Shape];
  },
  weights: (p, [x, m]) => {
    const d = known("TransformerDecoderBlock", lastDim(x as Shape), "model dimension d of target");
    const k = headDim("TransformerDecoderBlock", p, d) as number;
    const cross = (memory: Shape) => {
      const dm = known(
        "TransformerDecoderBlock",
        lastDim(memory),
        `memory feature size d_m (memory ${formatShape(memory)})`,
      );
      return [
        ...multiHeadAttentionWeights(
          "crossAttention/",
          { query: d, key: dm, value: dm, output: d },
          p.numHeads,
          k,
          k,
          true,
        ),
        ...layerNorm("crossAttentionLayerNorm", d),
      ];
    };
    return [
      ...multiHeadAttentionWeights("selfAttention/", { query: d, key: d, value: d, output: d }, p.numHeads, k, k, true),
      ...layerNorm("selfAttentionLayerNorm", d),
      ...(m ? cross(m) : []),
      ...feedForward(d, p.ffDim),
      ...layerNorm("feedforwardLayerNorm", d),
    ];
  },
  label: (p) => `${p.numHeads}h ff${p.ffDim}${p.normFirst ? " pre-norm" : ""}`,
  doc: {
    summary:
      "One Transformer decoder layer: causal self-attention, cross-attention on the encoder output, feed-forward.",
    formula:
      "post-norm: h1 = LN(x + Dropout(MHA_causal(x, x))); h2 = LN(h1 + Dropout(MHA(h1, memory))); y = LN(h2 + Dropout(FFN(h2))); pre-norm moves each LN to the start of its residual branch. MHA_causal masks j > i so step i cannot see later targets; cross-attention takes queries from h1 and keys/values from memory (S, d_m). Params with keyDim = d / numHeads: self-attention 4d^2 + 4d, cross-attention 2d^2 + 2 d_m d + 4d, FFN 2 d ffDim + ffDim + d, three LayerNorms 6d; d = d_m = 512, 8 heads, ffDim 2048: 4,204,032. Without memory the cross-attention step and its LayerNorm are absent (decoder-only, GPT-style)",
    inputShape: "target (T, d), memory (S, d_m) optional",
    outputShape: "(T, d)",
    whenToUse:
      "The decoder of an encoder-decoder Transformer (translation, summarisation, captioning): target embeddings + PositionalEncoding -> N decoder blocks (each also fed the encoder output) -> Dense(vocabulary) softmax. Without memory: next-token text generation.",
    aliases: ["transformer decoder", "decoder layer", "cross-attention block", "seq2seq transformer"],
    notes: [
      "The notes omit decoder masking and encoder-decoder cross-attention: without the causal mask the decoder sees the word it must predict during training.",
      "memory's feature size d_m need not equal d: the cross-attention key/value kernels are [d_m, H, keyDim] (Keras MultiHeadAttention layout) and its output projection maps back to d.",
      "Self-attention is always causal here; leaving memory unconnected gives a decoder-only block (GPT-style language model), as keras-hub's TransformerDecoder called without an encoder sequence.",
    ],
  },
});

export const transformerLayers = [TransformerEncoderBlock, TransformerDecoderBlock] as const;
