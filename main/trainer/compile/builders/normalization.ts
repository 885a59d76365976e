import * as tf from "@tensorflow/tfjs";
import { BatchNormAxis } from "../../layers/batch-norm-axis";
import { applyLayer } from "../apply";
import type { BuilderTable, ParamsOf } from "../types";
import { initializer, regularizer } from "../weights-config";

/**
 * Builders for the normalization family (see shared/layers/normalization.ts). The spec's axis
 * counts the batch as axis 0, as tfjs does, so it passes through unchanged. tfjs creates gamma,
 * beta (then moving_mean, moving_variance) in the spec's order.
 */

function affine(p: ParamsOf<"LayerNormalization">) {
  return {
    axis: p.axis,
    epsilon: p.epsilon,
    center: p.center,
    scale: p.scale,
    betaInitializer: initializer(p.betaInitializer),
    gammaInitializer: initializer(p.gammaInitializer),
    betaRegularizer: regularizer(p.betaRegularizer),
    gammaRegularizer: regularizer(p.gammaRegularizer),
  };
}

/**
 * The unapplied layers, shared with TimeDistributed (compile/inner-layer.ts). tfjs' own
 * BatchNormalization is right only on the last axis (see layers/batch-norm-axis.ts); any other
 * axis gets NetForge's layer. A positive axis may also be the last one: that is merely slower.
 */
export function batchNormalizationLayer(p: ParamsOf<"BatchNormalization">, name: string): tf.layers.Layer {
  if (p.axis !== -1) return new BatchNormAxis({ name, ...p });
  return tf.layers.batchNormalization({
    name,
    ...affine(p),
    momentum: p.momentum,
    movingMeanInitializer: initializer(p.movingMeanInitializer),
    movingVarianceInitializer: initializer(p.movingVarianceInitializer),
  });
}

export function layerNormalizationLayer(p: ParamsOf<"LayerNormalization">, name: string): tf.layers.Layer {
  return tf.layers.layerNormalization({ name, ...affine(p) });
}

export const normalizationBuilders = {
  BatchNormalization: ({ params, inputs, name }) => applyLayer(batchNormalizationLayer(params, name), inputs),
  LayerNormalization: ({ params, inputs, name }) => applyLayer(layerNormalizationLayer(params, name), inputs),
} satisfies Partial<BuilderTable>;
