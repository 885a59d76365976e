import * as tf from "@tensorflow/tfjs";
import { INITIALIZERS, type InitializerName } from "../../../shared/layers/initializers";
import type { Regularizer } from "../../../shared/layers/params";
import type { WeightSpec } from "../../../shared/layers/spec";
import { regularizer } from "../compile/weights-config";

type Initializer = ReturnType<typeof tf.initializers.zeros>;
type Make = (args: object) => Initializer;

/**
 * A NetForge initializer name as a tfjs Initializer object: custom layers call addWeight, which
 * takes objects, not the identifier strings tf.layers.* constructors accept.
 */
export function initializerObject(name: InitializerName): Initializer {
  const t = INITIALIZERS[name].tfjs;
  if (typeof t !== "string") return tf.initializers.varianceScaling(t.config);
  const make = (tf.initializers as unknown as Record<string, Make>)[t];
  if (!make) throw new Error(`tfjs has no initializer "${t}"`);
  return make({});
}

/** Layer.addWeight is protected: a custom layer hands this closure to the helpers below. */
export type AddWeight = (
  name: string,
  shape: number[],
  init: Initializer,
  reg?: ReturnType<typeof regularizer>,
) => tf.LayerVariable;

export interface WeightInit {
  init: InitializerName;
  reg?: Regularizer | null;
}

/**
 * Creates the spec's weights in the spec's order, names and shapes (so verify.ts agrees by
 * construction) and returns them by name. `initFor` picks each weight's initializer and regularizer.
 */
export function createWeights(
  specs: readonly WeightSpec[],
  add: AddWeight,
  initFor: (name: string) => WeightInit,
): Map<string, tf.LayerVariable> {
  const out = new Map<string, tf.LayerVariable>();
  for (const w of specs) {
    const { init, reg } = initFor(w.name);
    out.set(w.name, add(w.name, w.shape, initializerObject(init), regularizer(reg ?? null)));
  }
  return out;
}

/** Keras defaults for the weights of blocks that expose no initializer params (keras-hub). */
export function defaultInit(name: string): WeightInit {
  if (name.endsWith("/gamma")) return { init: "ones" };
  if (name.endsWith("/bias") || name.endsWith("/beta")) return { init: "zeros" };
  return { init: "glorotUniform" };
}

/** The weight `name` of a map built by createWeights (an error names the missing one). */
export function pick(weights: Map<string, tf.LayerVariable>, name: string): tf.Tensor {
  const w = weights.get(name);
  if (!w) throw new Error(`weight ${name} was not created`);
  return w.read();
}

export function pickOptional(weights: Map<string, tf.LayerVariable>, name: string): tf.Tensor | null {
  return weights.get(name)?.read() ?? null;
}
