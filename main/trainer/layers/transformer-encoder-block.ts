import * as tf from "@tensorflow/tfjs";
import { specContext } from "../../../shared/layers/catalog";
import { TransformerEncoderBlock } from "../../../shared/layers/transformer";
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

export type TransformerEncoderConfig = Partial<BlockParams> & { name?: string };

/**
 * One Transformer encoder layer (keras-hub TransformerEncoder layout): self-attention and a
 * feed-forward network, each a residual sub-layer with LayerNorm (post- or pre-norm). The block
 * owns all its weights, created from the spec's weights() list in its order; kernels start
 * glorotUniform, biases and betas 0, gammas 1 (the keras-hub defaults). Masks: see
 * ScaledDotProductAttentionLayer (accepted, not applied, not passed on).
 */
export class TransformerEncoderBlockLayer extends tf.layers.Layer {
  static className = "NetForgeTransformerEncoderBlock";
  readonly p: BlockParams;
  private w = new Map<string, tf.LayerVariable>();

  constructor(config: TransformerEncoderConfig) {
    super({ name: config.name });
    this.p = specParams("TransformerEncoderBlock", config);
    this.supportsMasking = true;
  }

  override build(inputShape: ShapeList): void {
    const specs = TransformerEncoderBlock.weights(this.p, shapeList(inputShape).map(sampleShape), specContext);
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
      const [x] = inputList(inputs);
      const training = isTraining(kwargs);
      const h = attentionSublayer(this.w, "selfAttention", this.p, training, x, null, false);
      return feedForwardSublayer(this.w, this.p, training, h);
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), ...this.p } as unknown as tf.serialization.ConfigDict;
  }
}
tf.serialization.registerClass(TransformerEncoderBlockLayer);
