import * as tf from "@tensorflow/tfjs";
import { AttentionLayerBase, type SpecLayerConfig } from "./attention-layer";
import { attend, dense } from "./attention-ops";
import { pick, type WeightInit } from "./weight-init";

export type LuongAttentionConfig = SpecLayerConfig<"LuongAttention">;

/**
 * Luong et al. 2015 global attention: scores dot h_t·h_s | general h_t W_a h_s | concat
 * v_a·tanh([h_t; h_s] W_a), softmax over the encoder steps, context c_t = sum_s a_ts h_s.
 * Inputs: query (decoder states), value (encoder states). No scaling, no biases, no mask.
 */
export class LuongAttentionLayer extends AttentionLayerBase<"LuongAttention"> {
  static className = "NetForgeLuongAttention";

  constructor(config: LuongAttentionConfig) {
    super("LuongAttention", config);
  }

  protected override weightInit(): WeightInit {
    return { init: this.p.kernelInitializer };
  }

  protected override forward([q, v]: tf.Tensor[], training: boolean): tf.Tensor {
    const o = { scale: 1, causal: false, dropout: 0, training };
    if (this.p.score === "dot") return attend(q, v, v, o);
    const wa = pick(this.w, "W_a");
    if (this.p.score === "general") return attend(dense(q, wa, null), v, v, o);
    return tf.matMul(tf.softmax(this.concatScores(q, v, wa, pick(this.w, "v_a"))), v);
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
}
tf.serialization.registerClass(LuongAttentionLayer);
