import type * as tf from "@tensorflow/tfjs";
import type { Built } from "./types";

/** The common case: one layer applied to the node's input(s), one output. */
export function applyLayer(layer: tf.layers.Layer, inputs: tf.SymbolicTensor[]): Built {
  const out = layer.apply(inputs.length === 1 ? inputs[0] : inputs) as tf.SymbolicTensor | tf.SymbolicTensor[];
  return { outputs: Array.isArray(out) ? out : [out], layers: [layer] };
}

/** Several layers applied in sequence (e.g. a tfjs layer followed by a custom activation). */
export function applyChain(layers: tf.layers.Layer[], inputs: tf.SymbolicTensor[]): Built {
  let x: tf.SymbolicTensor | tf.SymbolicTensor[] = inputs.length === 1 ? inputs[0] : inputs;
  for (const layer of layers) x = layer.apply(x) as tf.SymbolicTensor | tf.SymbolicTensor[];
  return { outputs: Array.isArray(x) ? x : [x], layers };
}
