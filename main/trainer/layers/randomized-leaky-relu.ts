import * as tf from "@tensorflow/tfjs";

export interface RandomizedLeakyReLUConfig {
  lower: number;
  upper: number;
  name?: string;
}

/**
 * RReLU (Xu et al. 2015, PyTorch's RReLU): y = x for x >= 0, a x below, with a ~ U(lower, upper)
 * drawn per element at every training call and a = (lower + upper) / 2 at inference. Written as
 * relu(x) - a relu(-x), so the gradient is 1 above zero and a below, with no comparison op.
 * tfjs passes kwargs.training = true only inside fit() / trainOnBatch().
 */
export class RandomizedLeakyReLU extends tf.layers.Layer {
  static className = "NetForgeRandomizedLeakyReLU";
  private readonly lower: number;
  private readonly upper: number;

  constructor(config: RandomizedLeakyReLUConfig) {
    super({ name: config.name });
    this.lower = config.lower;
    this.upper = config.upper;
  }

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: { training?: boolean } = {}): tf.Tensor {
    return tf.tidy(() => {
      const x = Array.isArray(inputs) ? inputs[0] : inputs;
      const training = kwargs.training === true && this.lower < this.upper;
      const slope = training ? tf.randomUniform(x.shape, this.lower, this.upper) : (this.lower + this.upper) / 2;
      return tf.sub(tf.relu(x), tf.mul(slope, tf.relu(tf.neg(x))));
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), lower: this.lower, upper: this.upper };
  }
}
tf.serialization.registerClass(RandomizedLeakyReLU);
