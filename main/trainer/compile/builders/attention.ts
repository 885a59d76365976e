import { LuongAttentionLayer } from "../../layers/luong-attention";
import { MultiHeadAttentionLayer } from "../../layers/multi-head-attention";
import { ScaledDotProductAttentionLayer } from "../../layers/scaled-dot-product-attention";
import { applyLayer } from "../apply";
import type { BuilderTable } from "../types";

/**
 * Builders for the attention family (see shared/layers/attention.ts). tfjs 4.22 exports no
 * attention layer, so all three are NetForge custom layers; inputs arrive in port order
 * (query, value[, key]), which is the order the layers expect.
 */
export const attentionBuilders = {
  ScaledDotProductAttention: ({ params, inputs, name }) =>
    applyLayer(new ScaledDotProductAttentionLayer({ causal: params.causal, name }), inputs),
  MultiHeadAttention: ({ params, inputs, name }) => {
    return applyLayer(new MultiHeadAttentionLayer({ ...params, activityRegularizer: null, name }), inputs);
  },
  LuongAttention: ({ params, inputs, name }) => applyLayer(new LuongAttentionLayer({ ...params, name }), inputs),
} satisfies Partial<BuilderTable>;
