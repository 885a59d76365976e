import * as tf from "@tensorflow/tfjs";
import { multiHeadAttentionWeights } from "../../../shared/layers/attention";
import type { ParamsOf } from "../compile/types";
import { multiHeadAttention } from "./attention-ops";
import { inputList, isTraining, type Kwargs, NO_MASK, type ShapeList, shapeList, specParams } from "./layer-io";
import { type AddWeight, createWeights } from "./weight-init";

type Params = ParamsOf<"MultiHeadAttention">;
/** The spec's params (activityRegularizer is applied by a separate layer, see the builder). */
export type MultiHeadAttentionConfig = Partial<Params> & { name?: string };

/**
 * Keras 3 MultiHeadAttention (weights query/key/value/attentionOutput, kernel and bias each, in
 * that order), written with matMuls. Inputs in port order: query, value, key (optional, = value).
 * Scale 1/sqrt(keyDim); dropout on the attention weights at training; optional causal mask.
 * Masks are accepted and not passed on, as in ScaledDotProductAttentionLayer.
 */
export class MultiHeadAttentionLayer extends tf.layers.Layer {
  static className = "NetForgeMultiHeadAttention";
  readonly p: Params;
  private w = new Map<string, tf.LayerVariable>();

  constructor(config: MultiHeadAttentionConfig) {
    super({ name: config.name });
    this.p = specParams("MultiHeadAttention", config);
    this.supportsMasking = true;
  }

  override build(inputShape: ShapeList): void {
    const [q, v, k = v] = shapeList(inputShape);
    const last = (s: tf.Shape, what: string) => {
      const d = s[s.length - 1];
      if (d === null) throw new Error(`${this.name}: the ${what} feature size must be known`);
      return d;
    };
    const query = last(q, "query");
    const dims = { query, key: last(k, "key"), value: last(v, "value"), output: this.p.outputDim ?? query };
    const specs = multiHeadAttentionWeights(
      "",
      dims,
      this.p.numHeads,
      this.p.keyDim,
      this.p.valueDim ?? this.p.keyDim,
      this.p.useBias,
    );
    const add: AddWeight = (n, s, init, reg) => this.addWeight(n, s, "float32", init, reg, true);
    this.w = createWeights(specs, add, (n) =>
      n.endsWith("/kernel")
        ? { init: this.p.kernelInitializer, reg: this.p.kernelRegularizer }
        : { init: this.p.biasInitializer, reg: this.p.biasRegularizer },
    );
    this.built = true;
  }

  override computeOutputShape(inputShape: ShapeList): tf.Shape {
    const [q] = shapeList(inputShape);
    return [q[0], q[1], this.p.outputDim ?? q[2]];
  }

  override computeMask(): tf.Tensor {
    return NO_MASK;
  }

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: Kwargs): tf.Tensor {
    return tf.tidy(() => {
      const [q, v, k = v] = inputList(inputs);
      const o = { causal: this.p.causal, dropout: this.p.dropout, training: isTraining(kwargs) };
      return multiHeadAttention(this.w, "", q, v, k, o);
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), ...this.p } as unknown as tf.serialization.ConfigDict;
  }
}
tf.serialization.registerClass(MultiHeadAttentionLayer);
