import * as tf from "@tensorflow/tfjs";
import type { InitializerName } from "../../../shared/layers/initializers";
import { convOutputLength } from "../../../shared/shapes/conv";
import { inputList } from "./layer-io";
import { initializerObject } from "./weight-init";

export interface TiledConvConfig {
  filters: number;
  kernelSize: number[];
  strides: number[];
  padding: "valid" | "same";
  tiles: number;
  useBias: boolean;
  kernelInitializer: InitializerName;
  biasInitializer: InitializerName;
  name?: string;
}

/**
 * Tiled convolution (Goodfellow et al. 2016, eq. 9.10; shared/layers/conv-tiled.ts):
 *   Z[i, j, f] = b[f] + sum_{m, n, c} V[i*s + m, j*s + n, c] * K[i mod t, j mod t, m, n, c, f].
 * All t*t kernel sets run as ONE convolution (their filters side by side), then a constant 0/1
 * mask keeps, at output (i, j), only set (i mod t, j mod t): a multiply and a sum, so the gradient
 * path has no comparison, gather or stridedSlice. Weights: kernel [t, t, kh, kw, C_in, filters],
 * bias [filters].
 */
export class TiledConv2D extends tf.layers.Layer {
  static className = "NetForgeTiledConv2D";
  private readonly cfg: TiledConvConfig;
  private kernel: tf.LayerVariable | null = null;
  private bias: tf.LayerVariable | null = null;

  constructor(config: TiledConvConfig) {
    super({ name: config.name });
    this.cfg = { ...config };
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    const c = this.cfg;
    const t = c.tiles;
    const kshape = [t, t, ...c.kernelSize, shape[3] as number, c.filters];
    this.kernel = this.addWeight("kernel", kshape, "float32", initializerObject(c.kernelInitializer), undefined, true);
    if (c.useBias) {
      this.bias = this.addWeight("bias", [c.filters], "float32", initializerObject(c.biasInitializer), undefined, true);
    }
    this.built = true;
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    const c = this.cfg;
    const [h, w] = [1, 2].map((a, i) => convOutputLength(shape[a], c.kernelSize[i], c.padding, c.strides[i]));
    return [shape[0], h, w, c.filters];
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => {
      const [x] = inputList(inputs);
      const { tiles: t, filters: f, kernelSize: k, strides, padding } = this.cfg;
      const kernel = (this.kernel as tf.LayerVariable).read();
      const cin = kernel.shape[4] as number;
      // [t, t, kh, kw, C, F] -> [kh, kw, C, t*t*F]: set (a, b) owns filters (a*t + b)*F ... + F-1.
      const sets = tf.reshape(tf.transpose(kernel, [2, 3, 4, 0, 1, 5]), [k[0], k[1], cin, t * t * f]);
      const all = tf.conv2d(x as tf.Tensor4D, sets as tf.Tensor4D, strides as [number, number], padding);
      const [n, oh, ow] = all.shape;
      let y: tf.Tensor = all;
      if (t > 1) {
        const picked = tf.mul(tf.reshape(all, [n, oh, ow, t * t, f]), tileMask(oh, ow, t));
        y = tf.sum(picked, 3);
      }
      return this.bias ? tf.add(y, this.bias.read()) : y;
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    const { name: _name, ...cfg } = this.cfg;
    return { ...super.getConfig(), ...(cfg as unknown as tf.serialization.ConfigDict) };
  }
}
tf.serialization.registerClass(TiledConv2D);

/** [oh, ow, t*t, 1]: 1 where the set index is (i mod t)*t + (j mod t), else 0 (a constant). */
export function tileMask(oh: number, ow: number, t: number): tf.Tensor {
  const m = new Float32Array(oh * ow * t * t);
  for (let i = 0; i < oh; i++) {
    for (let j = 0; j < ow; j++) m[(i * ow + j) * t * t + (i % t) * t + (j % t)] = 1;
  }
  return tf.tensor(m, [oh, ow, t * t, 1]);
}
