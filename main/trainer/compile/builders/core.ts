import * as tf from "@tensorflow/tfjs";
import type { ActivationOpts } from "../../../../shared/layers/activation-math";
import { Perceptron } from "../../layers/perceptron";
import { activationLayer, withActivation } from "../activation";
import { applyLayer } from "../apply";
import type { BuilderTable } from "../types";
import { weightOptions } from "../weights-config";

/** Builders for the core family (see shared/layers/core.ts); Reshape & co. are in reshaping.ts. */
export const coreBuilders = {
  Input: ({ params, name }) => ({
    outputs: [tf.input({ shape: params.shape, dtype: params.dtype, name })],
    layers: [],
  }),
  Dense: ({ params, inputs, name }) =>
    withActivation(
      (activation) => tf.layers.dense({ name, units: params.units, activation, ...weightOptions(params) }),
      params.activation,
      name,
      inputs,
    ),
  Activation: ({ params, inputs, name }) => {
    // Steepness only means something for the sigmoids (the spec's relevantIf); elsewhere it is ignored.
    const sigmoid = params.activation === "sigmoid" || params.activation === "bipolarSigmoid";
    const opts: ActivationOpts = sigmoid ? { lambda: params.steepness } : {};
    return applyLayer(activationLayer(params.activation, name, opts), inputs);
  },
  Flatten: ({ inputs, name }) => applyLayer(tf.layers.flatten({ name }), inputs),
  Perceptron: ({ params, inputs, name }) =>
    applyLayer(
      new Perceptron({ units: params.units, threshold: params.threshold, outputCoding: params.outputCoding, name }),
      inputs,
    ),
} satisfies Partial<BuilderTable>;
