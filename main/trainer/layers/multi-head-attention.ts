import * as tf from "@tensorflow/tfjs";
import { AttentionLayerBase, type SpecLayerConfig } from "./attention-layer";
import { multiHeadAttention } from "./attention-ops";
import { type ShapeList, shapeList } from "./layer-io";
import type { WeightInit } from "./weight-init";

/** The spec's params (activityRegularizer is applied by a separate layer, see the builder). */
export type MultiHeadAttentionConfig = SpecLayerConfig<"MultiHeadAttention">;

/**
 * Keras 3 MultiHeadAttention (weights query/key/value/attentionOutput, kernel and bias each, in
 * that order), written with matMuls. Inputs in port order: query, value, key (optional, = value).
 * Scale 1/sqrt(keyDim); dropout on the attention weights at training; optional causal mask.
 * Masks are accepted and not passed on (see AttentionLayerBase).
 */
export class MultiHeadAttentionLayer extends AttentionLayerBase<"MultiHeadAttention"> {
  static className = "NetForgeMultiHeadAttention";

  constructor(config: MultiHeadAttentionConfig) {
    super("MultiHeadAttention", config);
  }

  protected override weightInit(name: string): WeightInit {
    return name.endsWith("/kernel")
      ? { init: this.p.kernelInitializer, reg: this.p.kernelRegularizer }
      : { init: this.p.biasInitializer, reg: this.p.biasRegularizer };
  }

  override computeOutputShape(inputShape: ShapeList): tf.Shape {
    const [q] = shapeList(inputShape);
    return [q[0], q[1], this.p.outputDim ?? q[2]];
  }

  protected override forward([q, v, k = v]: tf.Tensor[], training: boolean): tf.Tensor {
    return multiHeadAttention(this.w, "", q, v, k, { causal: this.p.causal, dropout: this.p.dropout, training });
  }
}
tf.serialization.registerClass(MultiHeadAttentionLayer);
