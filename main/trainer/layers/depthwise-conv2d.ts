import * as tf from "@tensorflow/tfjs";
import type { InitializerName } from "../../../shared/layers/initializers";
import type { Regularizer } from "../../../shared/layers/params";
import { convOutputLength, type Padding } from "../../../shared/shapes/conv";
import { regularizer } from "../compile/weights-config";
import { convolve, depthwiseWith, window2d } from "./conv-ops";
import { inputList } from "./layer-io";
import { initializerObject } from "./weight-init";

export interface DepthwiseConfig {
  kernelSize: number[];
  strides: number[];
  padding: Exclude<Padding, "causal">;
  dilationRate: number[];
  depthMultiplier: number;
  useBias: boolean;
  depthwiseInitializer: InitializerName;
  biasInitializer: InitializerName;
  depthwiseRegularizer: Regularizer | null;
  biasRegularizer: Regularizer | null;
  /** SeparableConv2D only: the 1x1 convolution after the depthwise one (filters outputs). */
  pointwise?: { filters: number; initializer: InitializerName; regularizer: Regularizer | null };
  name?: string;
}

/**
 * DepthwiseConv2D and SeparableConv2D as tfjs 4.22 gets wrong: its DepthwiseConv2D ignores
 * dilationRate (in shapes and at run time), the depthwise gradient refuses dilation > 1, and its
 * SeparableConv2D initializes the pointwise kernel with the depthwise initializer. Dilation goes
 * through conv-ops.ts (spaceToBatchND). Weights in the spec's order: depthwise_kernel
 * [kh, kw, C, M], then pointwise_kernel [1, 1, C*M, filters] (separable), then bias.
 */
export class DepthwiseConv extends tf.layers.Layer {
  static className = "NetForgeDepthwiseConv";
  private readonly cfg: DepthwiseConfig;
  private depthwise: tf.LayerVariable | null = null;
  private pointwise: tf.LayerVariable | null = null;
  private bias: tf.LayerVariable | null = null;

  constructor(config: DepthwiseConfig) {
    super({ name: config.name });
    this.cfg = { ...config };
  }

  private outChannels(cin: number): number {
    return this.cfg.pointwise?.filters ?? cin * this.cfg.depthMultiplier;
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    const cin = shape[3] as number;
    const c = this.cfg;
    const add = (name: string, s: number[], init: InitializerName, reg: Regularizer | null) =>
      this.addWeight(name, s, "float32", initializerObject(init), regularizer(reg), true);
    const m = c.depthMultiplier;
    this.depthwise = add("depthwise_kernel", [...c.kernelSize, cin, m], c.depthwiseInitializer, c.depthwiseRegularizer);
    if (c.pointwise) {
      const p = c.pointwise;
      this.pointwise = add("pointwise_kernel", [1, 1, cin * m, p.filters], p.initializer, p.regularizer);
    }
    if (c.useBias) this.bias = add("bias", [this.outChannels(cin)], c.biasInitializer, c.biasRegularizer);
    this.built = true;
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    const c = this.cfg;
    const [h, w] = [1, 2].map((a, i) =>
      convOutputLength(shape[a], c.kernelSize[i], c.padding, c.strides[i], c.dilationRate[i]),
    );
    return [shape[0], h, w, this.outChannels(shape[3] as number)];
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => {
      const [x] = inputList(inputs);
      const c = this.cfg;
      const w = window2d(c.kernelSize, c.strides, c.dilationRate, c.padding);
      let y: tf.Tensor = convolve(x as tf.Tensor4D, w, depthwiseWith(this.depthwise?.read() as tf.Tensor4D));
      if (this.pointwise) y = tf.conv2d(y as tf.Tensor4D, this.pointwise.read() as tf.Tensor4D, 1, "valid");
      return this.bias ? tf.add(y, this.bias.read()) : y;
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    const { name: _name, ...cfg } = this.cfg;
    return { ...super.getConfig(), ...(cfg as unknown as tf.serialization.ConfigDict) };
  }
}
tf.serialization.registerClass(DepthwiseConv);
