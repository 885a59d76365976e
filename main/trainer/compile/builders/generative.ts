import * as tf from "@tensorflow/tfjs";
import { VAESamplingLayer } from "../../layers/vae-sampling";
import { applyLayer } from "../apply";
import type { BuilderTable } from "../types";

/**
 * Builders for the generative family (see shared/layers/generative.ts). The GAN markers are a
 * linear Activation (identity, no weights, serializes natively), so each marker is a named layer in
 * the model and the GAN trainer can find G(z) and D(x) by node even when the marker follows an Input.
 */
export const generativeBuilders = {
  VAESampling: ({ params, inputs, name }) =>
    applyLayer(new VAESamplingLayer({ klWeight: params.klWeight, name }), inputs),
  GANGenerator: ({ inputs, name }) => applyLayer(tf.layers.activation({ activation: "linear", name }), inputs),
  GANDiscriminator: ({ inputs, name }) => applyLayer(tf.layers.activation({ activation: "linear", name }), inputs),
} satisfies Partial<BuilderTable>;
