import * as tf from "@tensorflow/tfjs";
import { applyActivation } from "./activation-fn";

export interface ReLUConfig {
  maxValue: number | null;
  negativeSlope: number;
  threshold: number;
  name?: string;
}

/**
 * Keras' full ReLU (shared/layers/activation-layers.ts): y = x for threshold <= x, capped at
 * maxValue, and negativeSlope (x - threshold) below the threshold. tfjs' ReLU layer has only
 * maxValue. The threshold mask is a step with a zero gradient (no comparison op on the gradient
 * path), so dy/dx = mask + slope (1 - mask), capped by minimum()'s own gradient.
 */
export class FullReLU extends tf.layers.Layer {
  static className = "NetForgeReLU";
  private readonly maxValue: number | null;
  private readonly negativeSlope: number;
  private readonly threshold: number;

  constructor(config: ReLUConfig) {
    super({ name: config.name });
    this.maxValue = config.maxValue;
    this.negativeSlope = config.negativeSlope;
    this.threshold = config.threshold;
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => {
      const x = Array.isArray(inputs) ? inputs[0] : inputs;
      const t = this.threshold;
      // The spec's y = x on [threshold, maxValue); a zero threshold needs no mask.
      let pos = t === 0 ? tf.relu(x) : tf.mul(x, applyActivation("step", x, { threshold: t }));
      if (this.maxValue !== null) pos = tf.minimum(pos, this.maxValue);
      if (this.negativeSlope === 0) return pos;
      // relu(t - x) is (t - x) below the threshold and 0 above it.
      return tf.sub(pos, tf.mul(this.negativeSlope, tf.relu(tf.sub(t, x))));
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return {
      ...super.getConfig(),
      maxValue: this.maxValue,
      negativeSlope: this.negativeSlope,
      threshold: this.threshold,
    };
  }
}
tf.serialization.registerClass(FullReLU);
