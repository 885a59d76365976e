import * as tf from "@tensorflow/tfjs";
import type { InitializerName } from "../../../shared/layers/initializers";
import type { Regularizer } from "../../../shared/layers/params";
import { initializer, regularizer } from "../compile/weights-config";

/**
 * Batch normalization over any feature axis. tfjs 4.22's BatchNormalization is wrong whenever the
 * axis is not the last one: its batchNorm kernels index mean and variance by (flat index mod
 * length), i.e. assume the last axis (forward off by 0.03 on a (3, 8, 4) axis-1 example), and
 * the kernel's gradient throws ("Size(60) must match the product of shape 1,5,1"). This layer
 * uses moments and element-wise ops only, whose gradients are correct; it keeps tfjs' semantics:
 * population variance, moving = momentum * moving + (1 - momentum) * batch statistic, and
 * weights gamma, beta, moving_mean, moving_variance in that order (Keras build()).
 */
export interface BatchNormAxisConfig {
  name?: string;
  axis: number;
  momentum: number;
  epsilon: number;
  center: boolean;
  scale: boolean;
  betaInitializer: InitializerName;
  gammaInitializer: InitializerName;
  movingMeanInitializer: InitializerName;
  movingVarianceInitializer: InitializerName;
  betaRegularizer: Regularizer | null;
  gammaRegularizer: Regularizer | null;
}

// tfjs' Initializer class is not exported by name; it is the non-string member of this option.
type Initializer = Exclude<NonNullable<Parameters<typeof tf.layers.dense>[0]["kernelInitializer"]>, string>;
type Factory = (args: object) => Initializer;

/** addWeight wants an Initializer object; tf.initializers has one factory per tfjs identifier. */
function initializerObject(name: InitializerName): Initializer {
  const id = initializer(name);
  return typeof id === "string" ? (tf.initializers as unknown as Record<string, Factory>)[id]({}) : (id as Initializer);
}

export class BatchNormAxis extends tf.layers.Layer {
  static className = "NetForgeBatchNormalization";
  private readonly cfg: BatchNormAxisConfig;
  private gamma: tf.LayerVariable | null = null;
  private beta: tf.LayerVariable | null = null;
  private movingMean!: tf.LayerVariable;
  private movingVariance!: tf.LayerVariable;

  constructor(config: BatchNormAxisConfig) {
    // name, and trainable and dtype when rebuilt from a saved config.
    super(config as unknown as ConstructorParameters<typeof tf.layers.Layer>[0]);
    this.cfg = { ...config };
    this.supportsMasking = true;
  }

  private axisOf(rank: number): number {
    return this.cfg.axis < 0 ? rank + this.cfg.axis : this.cfg.axis;
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    const dim = shape[this.axisOf(shape.length)] as number;
    const c = this.cfg;
    const add = (name: string, init: InitializerName, reg: Regularizer | null, trainable: boolean) =>
      this.addWeight(name, [dim], "float32", initializerObject(init), regularizer(reg), trainable);
    if (c.scale) this.gamma = add("gamma", c.gammaInitializer, c.gammaRegularizer, true);
    if (c.center) this.beta = add("beta", c.betaInitializer, c.betaRegularizer, true);
    this.movingMean = add("moving_mean", c.movingMeanInitializer, null, false);
    this.movingVariance = add("moving_variance", c.movingVarianceInitializer, null, false);
    this.built = true;
  }

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: { training?: boolean }): tf.Tensor {
    return tf.tidy(() => {
      const x = Array.isArray(inputs) ? inputs[0] : inputs;
      const axis = this.axisOf(x.rank);
      const reduce = x.shape.map((_, i) => i).filter((i) => i !== axis);
      const along = x.shape.map((d, i) => (i === axis ? d : 1));
      let mean: tf.Tensor;
      let variance: tf.Tensor;
      if (kwargs.training === true) {
        ({ mean, variance } = tf.moments(x, reduce, true));
        this.updateMoving(mean, variance);
      } else {
        mean = this.movingMean.read().reshape(along);
        variance = this.movingVariance.read().reshape(along);
      }
      let y = tf.mul(tf.sub(x, mean), tf.rsqrt(tf.add(variance, this.cfg.epsilon)));
      if (this.gamma) y = tf.mul(y, this.gamma.read().reshape(along));
      if (this.beta) y = tf.add(y, this.beta.read().reshape(along));
      return y;
    });
  }

  /** Moving averages, as tfjs' BatchNormalization updates them (written, not trained). */
  private updateMoving(mean: tf.Tensor, variance: tf.Tensor): void {
    const m = this.cfg.momentum;
    this.movingMean.write(tf.add(tf.mul(this.movingMean.read(), m), tf.mul(mean.reshape([-1]), 1 - m)));
    this.movingVariance.write(tf.add(tf.mul(this.movingVariance.read(), m), tf.mul(variance.reshape([-1]), 1 - m)));
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape | tf.Shape[] {
    return inputShape;
  }

  override getConfig(): tf.serialization.ConfigDict {
    const { name: _name, ...rest } = this.cfg;
    return { ...super.getConfig(), ...(rest as unknown as tf.serialization.ConfigDict) };
  }
}
tf.serialization.registerClass(BatchNormAxis);
