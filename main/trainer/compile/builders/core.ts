import * as tf from "@tensorflow/tfjs";
import { withActivation } from "../activation";
import type { BuilderTable } from "../types";
import { weightOptions } from "../weights-config";

/** Builders for the core family (see shared/layers/core.ts). */
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
} satisfies Partial<BuilderTable>;
