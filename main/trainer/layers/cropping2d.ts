import * as tf from "@tensorflow/tfjs";
import { inputList } from "./layer-io";

/**
 * Cropping2D whose symbolic shape keeps an unknown height or width unknown: tfjs 4.22's reports
 * null - top - bottom, a negative number (shared/layers/spatial.ts notes). The crop is one slice,
 * whose gradient is a zero pad. Margins: [top, bottom, left, right].
 */
export class Cropping2D extends tf.layers.Layer {
  static className = "NetForgeCropping2D";
  private readonly cropping: [number, number, number, number];

  constructor(config: { cropping: number[]; name?: string }) {
    super({ name: config.name });
    const [t, b, l, r] = config.cropping;
    this.cropping = [t, b, l, r];
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    const s = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    const [t, b, l, r] = this.cropping;
    const cut = (n: number | null, m: number) => (n === null ? null : n - m);
    return [s[0], cut(s[1], t + b), cut(s[2], l + r), s[3]];
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    const [x] = inputList(inputs);
    const [t, b, l, r] = this.cropping;
    const [n, h, w, c] = x.shape;
    return tf.slice(x, [0, t, l, 0], [n, h - t - b, w - l - r, c]);
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), cropping: [...this.cropping] };
  }
}
tf.serialization.registerClass(Cropping2D);
