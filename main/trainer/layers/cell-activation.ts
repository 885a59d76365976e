import * as tf from "@tensorflow/tfjs";
import { ACTIVATION_NAMES, type ActivationName } from "../../../shared/layers/activations";
import { nativeActivation } from "../compile/activation";
import { applyActivation } from "./activation-fn";

/**
 * Activations inside recurrent cells (activation, recurrentActivation) for the functions tfjs
 * lacks (step, bipolarSigmoid, leakyRelu). A cell cannot be followed by a layer, so the function
 * must be a tfjs Activation object. tfjs resolves a cell's activation through the serialization
 * registry by class name (activations.ts getActivation) and saves only that name
 * (serializeActivation), so each function gets its own registered class with an empty config.
 * The names are lowerCamelCase, as tfjs requires of activations: saving snake-cases the value
 * and loading camel-cases it back ("NetForgeX" would come back as "netForgeX" and not resolve).
 */
const CLASSES = new Map<ActivationName, string>();

for (const fn of ACTIVATION_NAMES) {
  if (nativeActivation(fn) !== null) continue;
  const className = `netForgeCell${fn[0].toUpperCase()}${fn.slice(1)}`;
  const cls = class extends tf.serialization.Serializable {
    static className = className;
    apply(x: tf.Tensor): tf.Tensor {
      return applyActivation(fn, x);
    }
    getConfig(): tf.serialization.ConfigDict {
      return {};
    }
  };
  tf.serialization.registerClass(cls);
  CLASSES.set(fn, className);
}

/** tfjs' own identifier where it has one, else the config of NetForge's registered class. */
export function cellActivation(fn: ActivationName): string | tf.serialization.ConfigDict {
  const native = nativeActivation(fn);
  if (native) return native as string;
  return { className: CLASSES.get(fn) as string, config: {} };
}
