import * as tf from "@tensorflow/tfjs";
import type { NestedLayer } from "../../../../shared/layers/params";
import type { Shape } from "../../../../shared/shapes/shape";
import { ActivationFn } from "../../layers/activation-fn";
import { applyChain, applyLayer } from "../apply";
import { makeInnerLayer, trailingActivation } from "../inner-layer";
import type { BuilderTable, ParamsOf } from "../types";
import { batchNormalizationLayer, layerNormalizationLayer } from "./normalization";
import { RNN_KINDS, type RnnKind, recurrentLayer } from "./recurrent";

/** Builders for the wrapper family (see shared/layers/wrappers.ts). */
export const wrapperBuilders = {
  /**
   * tfjs clones the inner layer twice from its config (forward_ and backward_ copies, the latter
   * with goBackwards flipped) and lists the forward weights first, as the spec does.
   */
  Bidirectional: ({ params, inputs, name }) => {
    const { kind, params: inner } = params.layer;
    if (!RNN_KINDS.includes(kind as RnnKind)) throw new Error(`Bidirectional cannot wrap a ${kind} layer`);
    const rnn = recurrentLayer(kind as RnnKind, inner, `${name}_rnn`);
    return applyLayer(tf.layers.bidirectional({ name, layer: rnn, mergeMode: params.mergeMode }), inputs);
  },
  /**
   * The inner layer is built unapplied and wrapped. An activation tfjs lacks (step, leakyRelu...)
   * on a Dense or Conv cannot live inside the wrapped layer; since it is element-wise, applying it
   * once after the wrapper gives the same result as applying it per step.
   */
  TimeDistributed: ({ params, inputs, name, node }) => {
    const { kind, params: inner } = resolvedReshape(params.layer, node.outputShapes?.[0]);
    if (kind === "BatchNormalization" || kind === "LayerNormalization")
      return normalizeEveryStep(kind, inner, name, inputs);
    const fn = trailingActivation(kind, inner);
    const layer = makeInnerLayer(
      kind,
      fn ? { ...inner, activation: "linear" } : inner,
      `${name}_${kind.toLowerCase()}`,
    );
    const wrapped = tf.layers.timeDistributed({ name, layer });
    return fn
      ? applyChain([wrapped, new ActivationFn({ fn, name: `${name}_act` })], inputs)
      : applyLayer(wrapped, inputs);
  },
} satisfies Partial<BuilderTable>;

/**
 * TimeDistributed(normalization) as the normalization of the whole sequence with the axis moved
 * past the time axis. Keras reshapes (batch, T, ...) to (batch * T, ...), so batch statistics
 * span every step; tfjs' TimeDistributed loops over steps instead, which would take statistics
 * per step and update BatchNormalization's moving averages T times per batch. A negative axis
 * counts from the end and stays; a positive one (batch = 0) shifts by one. Weights are the same.
 */
function normalizeEveryStep(
  kind: "BatchNormalization" | "LayerNormalization",
  inner: Record<string, unknown>,
  name: string,
  inputs: tf.SymbolicTensor[],
) {
  const axis = inner.axis as number;
  const p = { ...inner, axis: axis > 0 ? axis + 1 : axis };
  const layer =
    kind === "BatchNormalization"
      ? batchNormalizationLayer(p as ParamsOf<"BatchNormalization">, name)
      : layerNormalizationLayer(p as ParamsOf<"LayerNormalization">, name);
  return applyLayer(layer, inputs);
}

/**
 * Reshape's -1 resolved from the inferred output: tfjs leaves a -1 target dimension unknown in
 * TimeDistributed's symbolic shape (shared/layers/reshaping.ts), while the spec resolves it.
 */
function resolvedReshape(layer: NestedLayer, out: Shape | undefined): NestedLayer {
  const step = out?.slice(1);
  if (layer.kind !== "Reshape" || !step || step.some((d) => d === null)) return layer;
  return { kind: layer.kind, params: { ...layer.params, targetShape: step } };
}
