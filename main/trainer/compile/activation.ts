import * as tf from "@tensorflow/tfjs";
import type { ActivationOpts } from "../../../shared/layers/activation-math";
import { ACTIVATIONS, type ActivationName } from "../../../shared/layers/activations";
import { ActivationFn } from "../layers/activation-fn";
import { applyChain, applyLayer } from "./apply";
import type { Built } from "./types";

type TfjsActivation = Parameters<typeof tf.layers.dense>[0]["activation"];

/**
 * A weight layer with an activation. tfjs gets the activation as its own string where it has one
 * (and the options are the defaults); otherwise the layer is built linear and NetForge's
 * activation layer follows it, named `<name>_act`. Weights stay on the first layer either way.
 */
export function withActivation(
  make: (activation: TfjsActivation) => tf.layers.Layer,
  fn: ActivationName,
  name: string,
  inputs: tf.SymbolicTensor[],
  opts: ActivationOpts = {},
): Built {
  const native = nativeActivation(fn, opts);
  if (native) return applyLayer(make(native), inputs);
  return applyChain([make("linear"), new ActivationFn({ fn, opts, name: `${name}_act` })], inputs);
}

/** The tfjs identifier for this activation, or null when NetForge must compute it itself. */
export function nativeActivation(fn: ActivationName, opts: ActivationOpts = {}): TfjsActivation | null {
  const id = ACTIVATIONS[fn].tfjs;
  const plain =
    opts.alpha === undefined && (opts.lambda === undefined || opts.lambda === 1) && opts.threshold === undefined;
  return id !== null && plain ? (id as TfjsActivation) : null;
}

/** A standalone activation layer (the Activation block and the parametric activation blocks). */
export function activationLayer(fn: ActivationName, name: string, opts: ActivationOpts = {}): tf.layers.Layer {
  const native = nativeActivation(fn, opts);
  return native ? tf.layers.activation({ activation: native as never, name }) : new ActivationFn({ fn, opts, name });
}
