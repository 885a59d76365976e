import * as tf from "@tensorflow/tfjs";
import { AttentionLayerBase, type SpecLayerConfig } from "./attention-layer";
import { attend } from "./attention-ops";

/**
 * softmax(Q K^T / sqrt(d_k) + M) V without weights (Vaswani et al. 2017, eq. 1). Inputs in the
 * spec's port order: query, value, key (optional, defaults to value). Masks: see AttentionLayerBase
 * (accepted, not applied, not passed on).
 */
export class ScaledDotProductAttentionLayer extends AttentionLayerBase<"ScaledDotProductAttention"> {
  static className = "NetForgeScaledDotProductAttention";

  constructor(config: SpecLayerConfig<"ScaledDotProductAttention">) {
    super("ScaledDotProductAttention", config);
  }

  protected override forward([q, v, k = v]: tf.Tensor[], training: boolean): tf.Tensor {
    const scale = 1 / Math.sqrt(q.shape[q.rank - 1]);
    return attend(q, k, v, { scale, causal: this.p.causal, dropout: 0, training });
  }
}
tf.serialization.registerClass(ScaledDotProductAttentionLayer);
