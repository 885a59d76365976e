import * as tf from "@tensorflow/tfjs";
import { PositionalEncodingLayer } from "../../layers/positional-encoding";
import { applyLayer } from "../apply";
import type { BuilderTable } from "../types";
import { initializer, regularizer } from "../weights-config";

/** Builders for the embedding family (see shared/layers/embedding.ts). */
export const embeddingBuilders = {
  Embedding: ({ params, inputs, name }) => {
    const layer = tf.layers.embedding({
      name,
      inputDim: params.inputDim,
      outputDim: params.outputDim,
      maskZero: params.maskZero,
      embeddingsInitializer: initializer(params.embeddingsInitializer),
      embeddingsRegularizer: regularizer(params.embeddingsRegularizer),
    });
    return applyLayer(layer, inputs);
  },
  PositionalEncoding: ({ params, inputs, name }) =>
    applyLayer(new PositionalEncodingLayer({ ...params, name }), inputs),
} satisfies Partial<BuilderTable>;
