import * as tf from "@tensorflow/tfjs";
import { specContext } from "../../../shared/layers/catalog";
import { TransformerDecoderBlock } from "../../../shared/layers/transformer";
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
import { attentionSublayer, type BlockParams, feedForwardSublayer } from "./transformer-ops";
import { type AddWeight, createWeights, defaultInit } from "./weight-init";

export type TransformerDecoderConfig = Partial<BlockParams> & { name?: string };

/**
 * One Transformer decoder layer (keras-hub TransformerDecoder layout): causal self-attention,
 * cross-attention on the memory (the encoder output, optional: without it the block is
 * decoder-only, GPT-style, and has no cross-attention weights), then the feed-forward network;
 * each a residual sub-layer with LayerNorm. Inputs: target, memory (optional).
 */
export class TransformerDecoderBlockLayer extends tf.layers.Layer {
  static className = "NetForgeTransformerDecoderBlock";
  readonly p: BlockParams;
  private w = new Map<string, tf.LayerVariable>();

  constructor(config: TransformerDecoderConfig) {
    super({ name: config.name });
    this.p = specParams("TransformerDecoderBlock", config);
    this.supportsMasking = true;
  }

  override build(inputShape: ShapeList): void {
    const specs = TransformerDecoderBlock.weights(this.p, shapeList(inputShape).map(sampleShape), specContext);
    const add: AddWeight = (n, s, init, reg) => this.addWeight(n, s, "float32", init, reg, true);
    this.w = createWeights(specs, add, defaultInit);
    this.built = true;
  }

  override computeOutputShape(inputShape: ShapeList): tf.Shape {
    return shapeList(inputShape)[0];
  }

  override computeMask(): tf.Tensor {
    return NO_MASK;
  }

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: Kwargs): tf.Tensor {
    return tf.tidy(() => {
      const [x, memory] = inputList(inputs);
      const training = isTraining(kwargs);
      let h = attentionSublayer(this.w, "selfAttention", this.p, training, x, null, true);
      if (memory) h = attentionSublayer(this.w, "crossAttention", this.p, training, h, memory, false);
      return feedForwardSublayer(this.w, this.p, training, h);
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), ...this.p } as unknown as tf.serialization.ConfigDict;
  }
}
tf.serialization.registerClass(TransformerDecoderBlockLayer);
