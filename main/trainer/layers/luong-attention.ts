import * as tf from "@tensorflow/tfjs";
import { LuongAttention } from "../../../shared/layers/attention";
import { specContext } from "../../../shared/layers/catalog";
import type { ParamsOf } from "../compile/types";
import { attend, dense } from "./attention-ops";
import {
  inputList,
  isTraining,
  type Kwargs,
  NO_MASK,
  type ShapeList,
  sampleShape,
  shapeList,
  specParams,
} from "./layer-io";
import { type AddWeight, createWeights, pick } from "./weight-init";

type Params = ParamsOf<"LuongAttention">;
export type LuongAttentionConfig = Partial<Params> & { name?: string };

/**
 * Luong et al. 2015 global attention: scores dot h_t·h_s | general h_t W_a h_s | concat
 * v_a·tanh([h_t; h_s] W_a), softmax over the encoder steps, context c_t = sum_s a_ts h_s.
 * Inputs: query (decoder states), value (encoder states). No scaling, no biases, no mask.
 */
export class LuongAttentionLayer extends tf.layers.Layer {
  static className = "NetForgeLuongAttention";
  readonly p: Params;
  private w = new Map<string, tf.LayerVariable>();

  constructor(config: LuongAttentionConfig) {
    super({ name: config.name });
    this.p = specParams("LuongAttention", config);
    this.supportsMasking = true;
  }

  override build(inputShape: ShapeList): void {
    const shapes = shapeList(inputShape).map(sampleShape);
    const specs = LuongAttention.weights(this.p, shapes, specContext);
    const add: AddWeight = (n, s, init, reg) => this.addWeight(n, s, "float32", init, reg, true);
    this.w = createWeights(specs, add, () => ({ init: this.p.kernelInitializer }));
    this.built = true;
  }

  override computeOutputShape(inputShape: ShapeList): tf.Shape {
    const [q, v] = shapeList(inputShape);
    return [q[0], q[1], v[2]];
  }

  override computeMask(): tf.Tensor {
    return NO_MASK;
  }

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: Kwargs): tf.Tensor {
    return tf.tidy(() => {
      const [q, v] = inputList(inputs);
      const o = { scale: 1, causal: false, dropout: 0, training: isTraining(kwargs) };
      if (this.p.score === "dot") return attend(q, v, v, o);
      const wa = pick(this.w, "W_a");
      if (this.p.score === "general") return attend(dense(q, wa, null), v, v, o);
      return tf.matMul(tf.softmax(this.concatScores(q, v, wa, pick(this.w, "v_a"))), v);
    });
  }

  /** v_a · tanh(h_t W_q + h_s W_s) for every (t, s): [h_t; h_s] W_a split into its two row blocks. */
  private concatScores(q: tf.Tensor, v: tf.Tensor, wa: tf.Tensor, va: tf.Tensor): tf.Tensor {
    const [b, tq, dq] = q.shape;
    const [, tv, dv] = v.shape;
    const units = va.shape[0];
    const hq = dense(q, tf.slice(wa, [0, 0], [dq, units]), null); // [B, Tq, units]
    const hs = dense(v, tf.slice(wa, [dq, 0], [dv, units]), null); // [B, Tv, units]
    const e = tf.tanh(tf.add(tf.expandDims(hq, 2), tf.expandDims(hs, 1))); // [B, Tq, Tv, units]
    const scores = tf.matMul(tf.reshape(e, [b * tq * tv, units]), tf.reshape(va, [units, 1]));
    return tf.reshape(scores, [b, tq, tv]);
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), ...this.p } as unknown as tf.serialization.ConfigDict;
  }
}
tf.serialization.registerClass(LuongAttentionLayer);
