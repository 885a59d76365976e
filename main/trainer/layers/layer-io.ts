import type * as tf from "@tensorflow/tfjs";
import { getSpec, type LayerKind } from "../../../shared/layers/catalog";
import { resolveParams } from "../../../shared/layers/resolve";
import type { ParamsOf } from "../compile/types";

/** What tfjs passes as call()'s second argument (training flag, mask). */
export type Kwargs = Record<string, unknown>;

/** What tfjs passes to build() and computeOutputShape(): one shape, or one per input. */
export type ShapeList = tf.Shape | tf.Shape[];

/** A layer's inputs as a list: tfjs passes one tensor bare or in a one-element array. */
export function inputList<T>(inputs: T | T[]): T[] {
  return Array.isArray(inputs) ? inputs : [inputs];
}

/** Input shapes as a list of shapes (tfjs passes a single input's shape bare). */
export function shapeList(shape: ShapeList): tf.Shape[] {
  return shape.length > 0 && Array.isArray(shape[0]) ? (shape as tf.Shape[]) : [shape as tf.Shape];
}

/** A shape without its batch dimension, for the spec functions (which never see the batch). */
export function sampleShape(shape: tf.Shape): (number | null)[] {
  return shape.slice(1);
}

/**
 * What computeMask returns for layers that consume masks: null (tfjs' own default for layers
 * without masking), which tfjs' typings omit. A multi-input layer must not return its input masks:
 * tfjs would then see several masks for one output.
 */
export const NO_MASK = null as unknown as tf.Tensor;

/** True when the layer runs in training mode (fit(), or apply(x, { training: true })). */
export function isTraining(kwargs: Kwargs | undefined): boolean {
  return kwargs?.training === true;
}

/**
 * A custom layer's config reduced to its spec's params and validated (defaults filled). tfjs adds
 * keys of its own when it deserializes (customObjects, trainable, ...); they are dropped here.
 */
export function specParams<K extends LayerKind>(kind: K, config: object): ParamsOf<K> {
  const spec = getSpec(kind);
  if (!spec) throw new Error(`unknown layer kind ${kind}`);
  const c = config as Record<string, unknown>;
  const raw = Object.fromEntries(Object.keys(spec.params).flatMap((k) => (k in c ? [[k, c[k]]] : [])));
  const { params, issues } = resolveParams(spec, raw);
  if (issues.length > 0) throw new Error(`${kind}: ${issues.map((i) => `${i.param} ${i.message}`).join("; ")}`);
  return params as ParamsOf<K>;
}
