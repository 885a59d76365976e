import * as tf from "@tensorflow/tfjs";
import { getSpec, type LayerKind, specContext } from "../../../shared/layers/catalog";
import type { ParamsOf } from "../compile/types";
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
import { type AddWeight, createWeights, defaultInit, type WeightInit } from "./weight-init";

/** A layer's config: its spec's params (missing ones take the spec's defaults) and the tfjs name. */
export type SpecLayerConfig<K extends LayerKind> = Partial<ParamsOf<K>> & { name?: string };

/**
 * What the attention layers and the Transformer blocks share.
 *
 * Params: the spec's, validated (see specParams), kept in `p` and serialized as the config.
 * Weights: the spec's weights() list for the input shapes, in its order, names and shapes (so
 * verify.ts agrees by construction), by name in `w`; `weightInit` picks each one's initializer
 * and regularizer (default: the keras-hub defaults of defaultInit). Inputs: in the spec's port
 * order, handed to `forward` as a list inside tidy. Output shape: [batch, Tq, d_v], one value-sized
 * vector per query step, unless a subclass says otherwise.
 *
 * Masks: tfjs hands call() only the first input's mask, so key padding cannot be applied
 * reliably; the layers accept masks (an upstream Embedding with maskZero does not break them) and
 * pass none on.
 */
export abstract class AttentionLayerBase<K extends LayerKind> extends tf.layers.Layer {
  readonly p: ParamsOf<K>;
  protected w = new Map<string, tf.LayerVariable>();
  private readonly kind: K;

  constructor(kind: K, config: SpecLayerConfig<K>) {
    super({ name: config.name });
    this.kind = kind;
    this.p = specParams(kind, config);
    this.supportsMasking = true;
  }

  /** The layer's output for its inputs (in port order), inside tidy. */
  protected abstract forward(inputs: tf.Tensor[], training: boolean): tf.Tensor;

  /** The initializer and regularizer of the weight `name`. */
  protected weightInit(name: string): WeightInit {
    return defaultInit(name);
  }

  override build(inputShape: ShapeList): void {
    const spec = getSpec(this.kind);
    if (!spec) throw new Error(`unknown layer kind ${this.kind}`);
    const specs = spec.weights(this.p, shapeList(inputShape).map(sampleShape), specContext);
    const add: AddWeight = (n, s, init, reg) => this.addWeight(n, s, "float32", init, reg, true);
    this.w = createWeights(specs, add, (n) => this.weightInit(n));
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
    return tf.tidy(() => this.forward(inputList(inputs), isTraining(kwargs)));
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), ...this.p } as unknown as tf.serialization.ConfigDict;
  }
}
