import * as tf from "@tensorflow/tfjs";
import { RandomizedLeakyReLU } from "../../layers/randomized-leaky-relu";
import { FullReLU } from "../../layers/relu";
import { SoftmaxAxis } from "../../layers/softmax-axis";
import { activationLayer } from "../activation";
import { applyLayer } from "../apply";
import type { BuilderTable } from "../types";
import { initializer, regularizer } from "../weights-config";

/** Builders for the parametric activation layers (shared/layers/activation-layers.ts). */
export const activationLayerBuilders = {
  ReLU: ({ params, inputs, name }) => {
    const { maxValue, negativeSlope, threshold } = params;
    // tfjs' ReLU layer knows only maxValue; the Keras extras need NetForge's layer.
    const layer =
      negativeSlope === 0 && threshold === 0
        ? tf.layers.reLU({ maxValue: maxValue ?? undefined, name })
        : new FullReLU({ maxValue, negativeSlope, threshold, name });
    return applyLayer(layer, inputs);
  },
  // Always pass alpha: tfjs defaults to 0.3, the spec (and the notes) to 0.01.
  LeakyReLU: ({ params, inputs, name }) => applyLayer(tf.layers.leakyReLU({ alpha: params.alpha, name }), inputs),
  PReLU: ({ params, inputs, name }) =>
    applyLayer(
      tf.layers.prelu({
        alphaInitializer: initializer(params.alphaInitializer),
        alphaRegularizer: regularizer(params.alphaRegularizer),
        // The spec writes "no sharing" as []; tfjs' weight shape then equals the input's, as the spec's.
        sharedAxes: params.sharedAxes.length > 0 ? (params.sharedAxes as number[]) : undefined,
        name,
      }),
      inputs,
    ),
  // tfjs' ELU layer throws for alpha != 1; NetForge's activation layer handles any alpha.
  ELU: ({ params, inputs, name }) =>
    applyLayer(activationLayer("elu", name, params.alpha === 1 ? {} : { alpha: params.alpha }), inputs),
  Softmax: ({ params, inputs, name }) => {
    // Keras numbering counts the batch as axis 0, so params.axis indexes the batched tensor as is.
    const rank = inputs[0].shape.length;
    const last = params.axis === -1 || params.axis === rank - 1;
    // tfjs' layer defaults to axis 1 and its op runs on the last axis only: pass -1, or go custom.
    const layer = last ? tf.layers.softmax({ axis: -1, name }) : new SoftmaxAxis({ axis: params.axis, name });
    return applyLayer(layer, inputs);
  },
  RandomizedLeakyReLU: ({ params, inputs, name }) =>
    applyLayer(new RandomizedLeakyReLU({ lower: params.lower, upper: params.upper, name }), inputs),
} satisfies Partial<BuilderTable>;
