import * as tf from "@tensorflow/tfjs";
import type { SpecLayerConfig } from "./attention-layer";
import { attentionSublayer, feedForwardSublayer, TransformerBlockLayer } from "./transformer-ops";

export type TransformerEncoderConfig = SpecLayerConfig<"TransformerEncoderBlock">;

/**
 * One Transformer encoder layer (keras-hub TransformerEncoder layout): self-attention and a
 * feed-forward network, each a residual sub-layer with LayerNorm (post- or pre-norm). The block
 * owns all its weights, created from the spec's weights() list in its order; kernels start
 * glorotUniform, biases and betas 0, gammas 1 (the keras-hub defaults). Masks: see
 * AttentionLayerBase (accepted, not applied, not passed on).
 */
export class TransformerEncoderBlockLayer extends TransformerBlockLayer<"TransformerEncoderBlock"> {
  static className = "NetForgeTransformerEncoderBlock";

  constructor(config: TransformerEncoderConfig) {
    super("TransformerEncoderBlock", config);
  }

  protected override forward([x]: tf.Tensor[], training: boolean): tf.Tensor {
    const h = attentionSublayer(this.w, "selfAttention", this.p, training, x, null, false);
    return feedForwardSublayer(this.w, this.p, training, h);
  }
}
tf.serialization.registerClass(TransformerEncoderBlockLayer);
