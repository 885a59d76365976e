import { ShapeError } from "../diagnostics";
import { type Dim, formatShape, lastDim, type Shape } from "../shapes/shape";
import { kernelInitializerParam, weightParams } from "./common-params";
import { bool, float, int, oneOf } from "./params";
import { defineLayer, expectRank, known, type WeightSpec, weight } from "./spec";

/**
 * Attention layers. tfjs 4.22's `tf.layers` exports none of them; MultiHeadAttention follows the
 * weight layout of Keras 3 (and of tfjs' unexported nlp/multihead_attention.js, checked against it).
 */

const differ = (a: Dim | undefined, b: Dim | undefined) =>
  a !== null && a !== undefined && b !== null && b !== undefined && a !== b;

/** Checks the (T, d) ranks of query/value/key and that key and value have the same Tv. */
function sequencePorts(kind: string, [q, v, k]: readonly Shape[]): { q: Shape; v: Shape; key: Shape } {
  expectRank(kind, q as Shape, 2, "query (Tq, d_q)");
  expectRank(kind, v as Shape, 2, "value (Tv, d_v)");
  if (k) {
    expectRank(kind, k, 2, "key (Tv, d_k)");
    if (differ(k[0], (v as Shape)[0])) {
      throw new ShapeError(
        "E_SHAPE_MISMATCH",
        `${kind} needs key and value with the same number of time steps Tv (one value per key); received key ${formatShape(k)} and value ${formatShape(v as Shape)}`,
      );
    }
  }
  return { q: q as Shape, v: v as Shape, key: k ?? (v as Shape) };
}

const QUERY_VALUE_KEY = [
  {
    name: "query",
    doc: "Queries (Tq, d): the positions that ask; for self-attention, the same tensor as value.",
  },
  {
    name: "value",
    doc: "Values (Tv, d_v): what is averaged; also used as the keys when key is not connected.",
  },
  {
    name: "key",
    doc: "Keys (Tv, d_k), optional: compared with the queries; defaults to value.",
    optional: true,
  },
] as const;

export const ScaledDotProductAttention = defineLayer({
  kind: "ScaledDotProductAttention",
  title: "Scaled Dot-Product Attention",
  category: "Attention",
  params: {
    causal: bool({
      default: false,
      doc: "Mask future positions: query i only attends to keys j <= i (decoder self-attention, language models).",
    }),
  },
  inputs: QUERY_VALUE_KEY,
  infer: (_p, inputs) => {
    const { q, v, key } = sequencePorts("ScaledDotProductAttention", inputs);
    if (differ(lastDim(q), lastDim(key))) {
      throw new ShapeError(
        "E_SHAPE_MISMATCH",
        `ScaledDotProductAttention needs query and key with the same last dimension d_k (Q K^T is a dot product); received query ${formatShape(q)} and ${inputs[2] ? "key" : "key (= value, key not connected)"} ${formatShape(key)}`,
      );
    }
    return [[q[0] as Dim, lastDim(v)]];
  },
  weights: () => [],
  label: (p) => (p.causal ? "causal" : ""),
  doc: {
    summary: "softmax(Q K^T / sqrt(d_k)) V: each query takes a weighted average of the values.",
    formula:
      "A = softmax(Q K^T / sqrt(d_k) + M) with softmax over the keys j; out = A V. M[i][j] = -inf for j > i when causal, else 0. Example: Q = [[1,0]], K = [[1,0],[0,1]], V = [[1,2],[3,4]], d_k = 2: scores [0.707107, 0], weights [0.669762, 0.330238], output [1.660477, 2.660477]",
    inputShape: "query (Tq, d_k), value (Tv, d_v), key (Tv, d_k) optional (defaults to value)",
    outputShape: "(Tq, d_v)",
    whenToUse:
      "The attention core without learned projections: self-attention on features that are already projected, or to see the mechanism itself. For learned Q/K/V projections and several heads use MultiHeadAttention.",
    aliases: ["attention", "dot-product attention", "self-attention", "qkv", "scaled attention", "sdpa"],
    notes: [
      "The notes write softmax as e^{z_i} / Σ_{i} e^{z_i}, reusing i as the summation index; the attention weights are α_ij = exp(s_ij) / Σ_j' exp(s_ij'), normalised over the keys j for each query i.",
      "Dividing by sqrt(d_k) keeps the scores' variance near 1 so the softmax does not saturate (Vaswani et al. 2017, section 3.2.1). Keras' own Attention layer is Luong's unscaled dot product; this layer scales.",
      "No weights, 0 parameters: the learned parts of a Transformer are the projections in MultiHeadAttention.",
    ],
  },
});

/** Keras 3 MultiHeadAttention weights: EinsumDense query/key/value [d_in, H, dim] and output [H, valueDim, d_out]. */
export function multiHeadAttentionWeights(
  prefix: string,
  dims: { query: number; key: number; value: number; output: number },
  heads: number,
  keyDim: number,
  valueDim: number,
  useBias: boolean,
): WeightSpec[] {
  const dense = (name: string, kernel: number[], bias: number[]) => [
    weight(`${prefix}${name}/kernel`, kernel),
    ...(useBias ? [weight(`${prefix}${name}/bias`, bias)] : []),
  ];
  return [
    ...dense("query", [dims.query, heads, keyDim], [heads, keyDim]),
    ...dense("key", [dims.key, heads, keyDim], [heads, keyDim]),
    ...dense("value", [dims.value, heads, valueDim], [heads, valueDim]),
    ...dense("attentionOutput", [heads, valueDim, dims.output], [dims.output]),
  ];
}

export const MultiHeadAttention = defineLayer({
  kind: "MultiHeadAttention",
  title: "Multi-Head Attention",
  category: "Attention",
  params: {
    numHeads: int({
      default: 4,
      min: 1,
      max: 256,
      doc: "Number of attention heads run in parallel.",
    }),
    keyDim: int({
      default: 16,
      min: 1,
      max: 4096,
      doc: "Size of each head's query and key projections (d_k).",
    }),
    valueDim: int({
      default: null,
      nullable: true,
      nullMeans: "= keyDim",
      min: 1,
      max: 4096,
      doc: "Size of each head's value projection (d_v); null = keyDim.",
    }),
    outputDim: int({
      default: null,
      nullable: true,
      nullMeans: "= query size",
      min: 1,
      max: 100_000,
      doc: "Size of the output projection W_O (Keras: output_shape); null = the query's last dimension.",
    }),
    dropout: float({
      default: 0,
      min: 0,
      max: 1,
      exclusiveMax: true,
      doc: "Dropout rate on the attention weights, during training only.",
    }),
    causal: bool({
      default: false,
      doc: "Mask future positions (Keras passes use_causal_mask at call time; stored here as a param).",
    }),
    ...weightParams("glorotUniform"),
  },
  inputs: QUERY_VALUE_KEY,
  infer: (p, inputs) => {
    const { q } = sequencePorts("MultiHeadAttention", inputs);
    return [[q[0] as Dim, p.outputDim ?? lastDim(q)]];
  },
  weights: (p, inputs) => {
    const { q, v, key } = sequencePorts("MultiHeadAttention", inputs);
    const query = known("MultiHeadAttention", lastDim(q), "query feature size");
    const dims = {
      query,
      key: known("MultiHeadAttention", lastDim(key), "key feature size"),
      value: known("MultiHeadAttention", lastDim(v), "value feature size"),
      output: p.outputDim ?? query,
    };
    return multiHeadAttentionWeights("", dims, p.numHeads, p.keyDim, p.valueDim ?? p.keyDim, p.useBias);
  },
  label: (p) => `${p.numHeads}x${p.keyDim}${p.causal ? " causal" : ""}`,
  doc: {
    summary: "Several scaled dot-product attentions on learned projections, concatenated and projected by W_O.",
    formula:
      "head_h = softmax(Q_h K_h^T / sqrt(keyDim) + M) V_h with Q_h = query W_h^Q + b_h^Q, K_h = key W_h^K + b_h^K, V_h = value W_h^V + b_h^V; out = Concat(head_1..head_H) W^O + b^O. Kernels: query/key [d, H, keyDim], value [d_v, H, valueDim], attentionOutput [H, valueDim, d_out]. Params = (d_q + d_k) H keyDim + d_v H valueDim + H valueDim d_out, plus biases 2 H keyDim + H valueDim + d_out; with d_q = d_k = d_v = d = H keyDim: 4d^2 + 4d",
    inputShape: "query (Tq, d_q), value (Tv, d_v), key (Tv, d_k) optional (defaults to value)",
    outputShape: "(Tq, outputDim), outputDim defaulting to d_q",
    whenToUse:
      "Self-attention (connect the same tensor to query and value) inside Transformer-style models; cross-attention (decoder query, encoder value) in translation and captioning. Set causal for autoregressive decoders.",
    aliases: ["mha", "multi-head attention", "multihead", "self-attention", "cross-attention", "transformer attention"],
    notes: [
      "The notes say the heads' results 'are concatenated' and stop there; the concatenation is followed by the output projection W_O (here the attentionOutput kernel [H, valueDim, d_out]), which has learned weights.",
      "Each head uses its own slice of the projections; the query, key and value feature sizes may all differ, only key and value must have the same number of time steps.",
    ],
  },
});

export const LuongAttention = defineLayer({
  kind: "LuongAttention",
  title: "Luong Attention",
  category: "Attention",
  params: {
    score: oneOf(["dot", "general", "concat"], {
      default: "general",
      doc: "Score function: dot h_t·h_s; general h_t W_a h_s (multiplicative); concat v_a·tanh([h_t; h_s] W_a) (additive).",
    }),
    units: int({
      default: 32,
      min: 1,
      max: 100_000,
      relevantIf: { param: "score", in: ["concat"] },
      doc: "Hidden size of the concat score (columns of W_a, length of v_a).",
    }),
    kernelInitializer: {
      ...kernelInitializerParam(),
      relevantIf: { param: "score", in: ["general", "concat"] },
    },
  },
  inputs: [
    {
      name: "query",
      doc: "Decoder states h_t (Tq, d_q), e.g. an LSTM with returnSequences.",
    },
    {
      name: "value",
      doc: "Encoder states h_s (Tv, d_v), the sequence being attended to.",
    },
  ],
  infer: (p, [q, v]) => {
    expectRank("LuongAttention", q as Shape, 2, "query (Tq, d_q)");
    expectRank("LuongAttention", v as Shape, 2, "value (Tv, d_v)");
    if (p.score === "dot" && differ(lastDim(q as Shape), lastDim(v as Shape))) {
      throw new ShapeError(
        "E_SHAPE_MISMATCH",
        `LuongAttention with score "dot" needs decoder and encoder states of the same size (h_t·h_s); received query ${formatShape(q as Shape)} and value ${formatShape(v as Shape)}. Use score "general" for different sizes`,
      );
    }
    return [[(q as Shape)[0] as Dim, lastDim(v as Shape)]];
  },
  weights: (p, [q, v]) => {
    if (p.score === "dot") return [];
    const dq = known("LuongAttention", lastDim(q as Shape), "query (decoder state) size");
    const dv = known("LuongAttention", lastDim(v as Shape), "value (encoder state) size");
    return p.score === "general"
      ? [weight("W_a", [dq, dv])]
      : [weight("W_a", [dq + dv, p.units]), weight("v_a", [p.units])];
  },
  label: (p) => (p.score === "concat" ? `concat ${p.units}` : p.score),
  doc: {
    summary: "Encoder-decoder (global) attention: each decoder state gets a context vector from the encoder states.",
    formula:
      "score(h_t, h_s) = h_t · h_s (dot) | h_t W_a h_s^T (general, W_a: [d_q, d_v]) | v_a · tanh([h_t; h_s] W_a) (concat, W_a: [d_q + d_v, units], v_a: [units]); α_ts = exp(score(h_t, h_s)) / Σ_s' exp(score(h_t, h_s')); c_t = Σ_s α_ts h_s. No biases, as in Luong et al. 2015, section 3.1",
    inputShape: "query (Tq, d_q) decoder states, value (Tv, d_v) encoder states",
    outputShape: "(Tq, d_v): one context vector c_t per decoder step",
    whenToUse:
      "Seq2seq translation or summarisation with RNNs: feed encoder states (returnSequences) to value and decoder states to query, then Concatenate [c_t; h_t] and a Dense tanh (Luong's attentional state h~_t = tanh(W_c [c_t; h_t])) before the softmax output.",
    aliases: [
      "luong",
      "global attention",
      "encoder-decoder attention",
      "seq2seq attention",
      "bahdanau",
      "additive attention",
      "multiplicative attention",
    ],
    notes: [
      "The notes mix two variants: their score uses the current decoder state s_t (Luong) but they also say the state is updated with the context vector (Bahdanau, score on s_{t-1}). This layer is Luong's: scores use s_t and the context is combined after the RNN step.",
      "The notes' 'additive' score is Bahdanau's v·tanh(W_1 s + W_2 h); Luong's concat is the same form with one matrix over [h_t; h_s] and no bias.",
      "Parameters: dot 0; general d_q·d_v; concat (d_q + d_v)·units + units.",
    ],
  },
});

export const attentionLayers = [ScaledDotProductAttention, MultiHeadAttention, LuongAttention] as const;
