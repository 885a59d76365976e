import * as tf from "@tensorflow/tfjs";

export interface SaltAndPepperConfig {
  rate: number;
  low: number;
  high: number;
  name?: string;
}

/**
 * Salt-and-pepper (impulse) noise, training only (shared/layers/regularization.ts): each element
 * becomes `low` with probability rate/2, `high` with probability rate/2, and stays x otherwise;
 * identity at inference. The masks come from a uniform draw that does not depend on x, so the
 * comparisons are off the gradient path: dy/dx = keep mask.
 */
export class SaltAndPepperNoise extends tf.layers.Layer {
  static className = "NetForgeSaltAndPepperNoise";
  private readonly rate: number;
  private readonly low: number;
  private readonly high: number;

  constructor(config: SaltAndPepperConfig) {
    super({ name: config.name });
    this.rate = config.rate;
    this.low = config.low;
    this.high = config.high;
  }

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: { training?: boolean } = {}): tf.Tensor {
    const x = Array.isArray(inputs) ? inputs[0] : inputs;
    if (kwargs.training !== true || this.rate === 0) return x;
    return tf.tidy(() => {
      const u = tf.randomUniform(x.shape, 0, 1);
      const pepper = tf.cast(tf.less(u, this.rate / 2), "float32");
      const salt = tf.cast(tf.logicalAnd(tf.greaterEqual(u, this.rate / 2), tf.less(u, this.rate)), "float32");
      const keep = tf.sub(1, tf.add(pepper, salt));
      return tf.addN([tf.mul(x, keep), tf.mul(pepper, this.low), tf.mul(salt, this.high)]);
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), rate: this.rate, low: this.low, high: this.high };
  }
}
tf.serialization.registerClass(SaltAndPepperNoise);
