import * as tf from "@tensorflow/tfjs";
import type { ParamsOf } from "../compile/types";
import { inputList, type ShapeList, shapeList, specParams } from "./layer-io";
import { initializerObject } from "./weight-init";

type Params = ParamsOf<"PositionalEncoding">;
export type PositionalEncodingConfig = Partial<Params> & { name?: string };

/**
 * The sinusoidal table of Vaswani et al. 2017, section 3.5: PE[pos][2i] = sin(pos / 10000^(2i/d)),
 * PE[pos][2i+1] = cos(pos / 10000^(2i/d)), computed in float64 and stored as float32.
 */
export function sinusoidTable(length: number, d: number): Float32Array {
  const out = new Float32Array(length * d);
  for (let c = 0; c < d; c++) {
    const rate = 10000 ** (-(c - (c % 2)) / d);
    for (let pos = 0; pos < length; pos++) {
      out[pos * d + c] = c % 2 === 0 ? Math.sin(pos * rate) : Math.cos(pos * rate);
    }
  }
  return out;
}

/**
 * y = x + PE[:T]. Sinusoidal: a constant table for the run's T (any length, no weights). Learned:
 * rows 0..T-1 of a trained [maxLength, d] table named "embeddings" (initialised glorotUniform, as
 * keras-hub's PositionEmbedding). Masks pass through unchanged, so an Embedding's maskZero still
 * reaches recurrent layers downstream.
 */
export class PositionalEncodingLayer extends tf.layers.Layer {
  static className = "NetForgePositionalEncoding";
  readonly p: Params;
  private table: tf.LayerVariable | null = null;
  private cache: { t: number; d: number; data: Float32Array } | null = null;

  constructor(config: PositionalEncodingConfig) {
    super({ name: config.name });
    this.p = specParams("PositionalEncoding", config);
    this.supportsMasking = true;
  }

  override build(inputShape: ShapeList): void {
    const [x] = shapeList(inputShape);
    const d = x[x.length - 1];
    if (this.p.mode === "learned") {
      if (d === null) throw new Error(`${this.name}: the feature size d must be known`);
      const init = initializerObject("glorotUniform");
      this.table = this.addWeight("embeddings", [this.p.maxLength, d], "float32", init, undefined, true);
    }
    this.built = true;
  }

  override computeOutputShape(inputShape: ShapeList): tf.Shape {
    return shapeList(inputShape)[0];
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => {
      const [x] = inputList(inputs);
      const [t, d] = x.shape.slice(-2);
      return tf.add(x, this.encoding(t, d));
    });
  }

  /** PE[:t] as a [t, d] tensor. */
  private encoding(t: number, d: number): tf.Tensor {
    if (this.table) {
      if (t > this.p.maxLength) {
        throw new Error(
          `${this.name}: the learned table has ${this.p.maxLength} positions (maxLength) but the input has ${t} time steps`,
        );
      }
      return tf.slice(this.table.read(), [0, 0], [t, d]);
    }
    if (this.cache?.t !== t || this.cache.d !== d) this.cache = { t, d, data: sinusoidTable(t, d) };
    return tf.tensor2d(this.cache.data.slice(), [t, d]); // a copy: the cpu backend keeps the array it is given
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), ...this.p } as unknown as tf.serialization.ConfigDict;
  }
}
tf.serialization.registerClass(PositionalEncodingLayer);
