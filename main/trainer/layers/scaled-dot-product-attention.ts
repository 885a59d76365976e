import * as tf from "@tensorflow/tfjs";
import { attend } from "./attention-ops";
import { inputList, isTraining, type Kwargs, NO_MASK, type ShapeList, shapeList } from "./layer-io";

/**
 * softmax(Q K^T / sqrt(d_k) + M) V without weights (Vaswani et al. 2017, eq. 1). Inputs in the
 * spec's port order: query, value, key (optional, defaults to value).
 *
 * Masks: tfjs hands call() only the first input's mask, so key padding cannot be applied
 * reliably; the layer accepts masks (an upstream Embedding with maskZero does not break it) and
 * passes none on.
 */
export class ScaledDotProductAttentionLayer extends tf.layers.Layer {
  static className = "NetForgeScaledDotProductAttention";
  readonly causal: boolean;

  constructor(config: { causal?: boolean; name?: string }) {
    super({ name: config.name });
    this.causal = config.causal ?? false;
    this.supportsMasking = true;
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
      const [q, v, k = v] = inputList(inputs);
      const scale = 1 / Math.sqrt(q.shape[q.rank - 1]);
      return attend(q, k, v, { scale, causal: this.causal, dropout: 0, training: isTraining(kwargs) });
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), causal: this.causal };
  }
}
tf.serialization.registerClass(ScaledDotProductAttentionLayer);
