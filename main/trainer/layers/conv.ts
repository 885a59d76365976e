import * as tf from "@tensorflow/tfjs";
import type { InitializerName } from "../../../shared/layers/initializers";
import type { Regularizer } from "../../../shared/layers/params";
import { convOutputLength, type Padding } from "../../../shared/shapes/conv";
import { regularizer } from "../compile/weights-config";
import { conv2dWith, convolve, window1d, window2d } from "./conv-ops";
import { inputList } from "./layer-io";
import { initializerObject } from "./weight-init";

export interface ConvConfig {
  rank: 1 | 2;
  filters: number;
  kernelSize: number[];
  strides: number[];
  padding: Padding;
  dilationRate: number[];
  useBias: boolean;
  kernelInitializer: InitializerName;
  biasInitializer: InitializerName;
  kernelRegularizer: Regularizer | null;
  biasRegularizer: Regularizer | null;
  name?: string;
}

/**
 * Conv1D / Conv2D for what tfjs cannot train: causal padding and dilationRate > 1 (see
 * conv-ops.ts). Weights as tfjs' own conv layers and the spec: kernel [...kernelSize, C_in,
 * filters], then bias [filters]. No activation: the builder adds one after it.
 */
export class Conv extends tf.layers.Layer {
  static className = "NetForgeConv";
  private readonly cfg: ConvConfig;
  private kernel: tf.LayerVariable | null = null;
  private bias: tf.LayerVariable | null = null;

  constructor(config: ConvConfig) {
    super({ name: config.name });
    this.cfg = { ...config };
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    const cin = shape[shape.length - 1] as number;
    const c = this.cfg;
    this.kernel = this.addWeight(
      "kernel",
      [...c.kernelSize, cin, c.filters],
      "float32",
      initializerObject(c.kernelInitializer),
      regularizer(c.kernelRegularizer),
      true,
    );
    if (c.useBias) {
      this.bias = this.addWeight(
        "bias",
        [c.filters],
        "float32",
        initializerObject(c.biasInitializer),
        regularizer(c.biasRegularizer),
        true,
      );
    }
    this.built = true;
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    const c = this.cfg;
    const spatial = shape
      .slice(1, 1 + c.rank)
      .map((n, i) => convOutputLength(n, c.kernelSize[i], c.padding, c.strides[i], c.dilationRate[i]));
    return [shape[0], ...spatial, c.filters];
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => {
      const [x] = inputList(inputs);
      const c = this.cfg;
      const kernel = (this.kernel as tf.LayerVariable).read();
      let y: tf.Tensor;
      if (c.rank === 1) {
        // [N, T, C] as [N, T, 1, C]; kernel [k, C, F] as [k, 1, C, F].
        const [k, cin, f] = kernel.shape;
        const w = window1d(c.kernelSize[0], c.strides[0], c.dilationRate[0], c.padding);
        const y4 = convolve(tf.expandDims(x, 2) as tf.Tensor4D, w, conv2dWith(tf.reshape(kernel, [k, 1, cin, f])));
        y = tf.squeeze(y4, [2]);
      } else {
        const w = window2d(c.kernelSize, c.strides, c.dilationRate, c.padding);
        y = convolve(x as tf.Tensor4D, w, conv2dWith(kernel as tf.Tensor4D));
      }
      return this.bias ? tf.add(y, this.bias.read()) : y;
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    const { name: _name, ...cfg } = this.cfg;
    return { ...super.getConfig(), ...(cfg as unknown as tf.serialization.ConfigDict) };
  }
}
tf.serialization.registerClass(Conv);
