import { TransformerDecoderBlockLayer } from "../../layers/transformer-decoder-block";
import { TransformerEncoderBlockLayer } from "../../layers/transformer-encoder-block";
import { applyLayer } from "../apply";
import type { BuilderTable } from "../types";

/**
 * Builders for the Transformer blocks (see shared/layers/transformer.ts): one custom layer each,
 * owning every weight of the block in the spec's order. The decoder gets [target] or
 * [target, memory] depending on whether the optional memory port is connected.
 */
export const transformerBuilders = {
  TransformerEncoderBlock: ({ params, inputs, name }) =>
    applyLayer(new TransformerEncoderBlockLayer({ ...params, name }), inputs),
  TransformerDecoderBlock: ({ params, inputs, name }) =>
    applyLayer(new TransformerDecoderBlockLayer({ ...params, name }), inputs),
} satisfies Partial<BuilderTable>;
