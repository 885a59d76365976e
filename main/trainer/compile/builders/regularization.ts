import * as tf from "@tensorflow/tfjs";
import { SaltAndPepperNoise } from "../../layers/salt-and-pepper";
import { applyLayer } from "../apply";
import type { BuilderTable } from "../types";

/** Builders for Dropout and the noise layers (shared/layers/regularization.ts). */
export const regularizationBuilders = {
  Dropout: ({ params, inputs, name }) => {
    // The spec's noiseShape excludes the batch axis and uses [] for "one decision per element";
    // tfjs' includes the batch axis (null = the input's size there, a fresh mask per sample).
    const noiseShape = params.noiseShape.length > 0 ? ([null, ...params.noiseShape] as unknown as number[]) : undefined;
    return applyLayer(tf.layers.dropout({ rate: params.rate, noiseShape, name }), inputs);
  },
  GaussianNoise: ({ params, inputs, name }) =>
    applyLayer(tf.layers.gaussianNoise({ stddev: params.stddev, name }), inputs),
  SaltAndPepperNoise: ({ params, inputs, name }) =>
    applyLayer(new SaltAndPepperNoise({ rate: params.rate, low: params.low, high: params.high, name }), inputs),
} satisfies Partial<BuilderTable>;
