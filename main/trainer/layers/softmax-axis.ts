import * as tf from "@tensorflow/tfjs";

/**
 * Softmax over any axis (Keras numbering: the batch is axis 0, -1 the last). tfjs' softmax op runs
 * only on the last axis, so this computes exp(x - logSumExp(x, axis)): stable, since logSumExp
 * subtracts the maximum, and built from ops that all have gradients.
 */
export class SoftmaxAxis extends tf.layers.Layer {
  static className = "NetForgeSoftmax";
  private readonly axis: number;

  constructor(config: { axis: number; name?: string }) {
    super({ name: config.name });
    this.axis = config.axis;
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => {
      const x = Array.isArray(inputs) ? inputs[0] : inputs;
      const axis = this.axis < 0 ? x.rank + this.axis : this.axis;
      return tf.exp(tf.sub(x, tf.logSumExp(x, axis, true)));
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), axis: this.axis };
  }
}
tf.serialization.registerClass(SoftmaxAxis);
