import * as tf from "@tensorflow/tfjs";
import { resolvePoolStrides } from "../../../../shared/layers/pooling";
import { applyLayer } from "../apply";
import type { BuilderTable, ParamsOf } from "../types";

/**
 * Builders for the pooling family (shared/layers/pooling.ts). strides null means "the pool size"
 * (Keras' strides=None), resolved by the spec's own resolvePoolStrides. Their gradients rely on the
 * MaxPoolGrad and AvgPoolGrad patches (kernels/pool-grads.ts): stock wasm drops all-negative
 * windows, and stock 'same' average pooling divides the border gradients by the wrong count.
 */
type Pool1D = ParamsOf<"MaxPooling1D">;
type Pool2D = ParamsOf<"MaxPooling2D">;

const pool1d = (p: Pool1D, name: string) => ({
  name,
  poolSize: p.poolSize[0] ?? 2,
  strides: resolvePoolStrides(p.poolSize, p.strides)[0],
  padding: p.padding,
});

const pool2d = (p: Pool2D, name: string) => ({
  name,
  poolSize: p.poolSize.map((k) => k ?? 2) as [number, number],
  strides: resolvePoolStrides(p.poolSize, p.strides) as [number, number],
  padding: p.padding,
});

export const poolingBuilders = {
  MaxPooling1D: ({ params, inputs, name }) => applyLayer(tf.layers.maxPooling1d(pool1d(params, name)), inputs),
  AveragePooling1D: ({ params, inputs, name }) => applyLayer(tf.layers.averagePooling1d(pool1d(params, name)), inputs),
  MaxPooling2D: ({ params, inputs, name }) => applyLayer(tf.layers.maxPooling2d(pool2d(params, name)), inputs),
  AveragePooling2D: ({ params, inputs, name }) => applyLayer(tf.layers.averagePooling2d(pool2d(params, name)), inputs),
  GlobalMaxPooling1D: ({ inputs, name }) => applyLayer(tf.layers.globalMaxPooling1d({ name }), inputs),
  GlobalAveragePooling1D: ({ inputs, name }) => applyLayer(tf.layers.globalAveragePooling1d({ name }), inputs),
  GlobalMaxPooling2D: ({ inputs, name }) => applyLayer(tf.layers.globalMaxPooling2d({ name }), inputs),
  GlobalAveragePooling2D: ({ inputs, name }) => applyLayer(tf.layers.globalAveragePooling2d({ name }), inputs),
} satisfies Partial<BuilderTable>;
