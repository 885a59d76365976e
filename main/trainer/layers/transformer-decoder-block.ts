import * as tf from "@tensorflow/tfjs";
import type { SpecLayerConfig } from "./attention-layer";
import { attentionSublayer, feedForwardSublayer, TransformerBlockLayer } from "./transformer-ops";

export type TransformerDecoderConfig = SpecLayerConfig<"TransformerDecoderBlock">;

/**
 * One Transformer decoder layer (keras-hub TransformerDecoder layout): causal self-attention,
 * cross-attention on the memory (the encoder output, optional: without it the block is
 * decoder-only, GPT-style, and has no cross-attention weights), then the feed-forward network;
 * each a residual sub-layer with LayerNorm. Inputs: target, memory (optional). Weights and masks
 * as in TransformerEncoderBlockLayer.
 */
export class TransformerDecoderBlockLayer extends TransformerBlockLayer<"TransformerDecoderBlock"> {
  static className = "NetForgeTransformerDecoderBlock";

  constructor(config: TransformerDecoderConfig) {
    super("TransformerDecoderBlock", config);
  }

  protected override forward([x, memory]: tf.Tensor[], training: boolean): tf.Tensor {
    let h = attentionSublayer(this.w, "selfAttention", this.p, training, x, null, true);
    if (memory) h = attentionSublayer(this.w, "crossAttention", this.p, training, h, memory, false);
    return feedForwardSublayer(this.w, this.p, training, h);
  }
}
tf.serialization.registerClass(TransformerDecoderBlockLayer);
