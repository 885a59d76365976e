import type * as tf from "@tensorflow/tfjs";
import type { LAYERS, LayerKind } from "../../../shared/layers/catalog";
import type { SpecParams } from "../../../shared/layers/spec";
import type { NodeAnalysis } from "../../../shared/shapes/infer";

/** The params of kind K as its spec validates them. */
export type ParamsOf<K extends LayerKind> = SpecParams<Extract<(typeof LAYERS)[number], { kind: K }>["params"]>;

export interface BuildContext<K extends LayerKind> {
  /** The node as shared inference sees it: id, name, input and output shapes, weights. */
  node: NodeAnalysis;
  params: ParamsOf<K>;
  /** Inputs in the spec's port order (a variadic port contributes all of its edges, in order). */
  inputs: tf.SymbolicTensor[];
  /** A tfjs-safe, graph-unique layer name derived from the node id; extra layers append a suffix. */
  name: string;
}

/**
 * What a builder made: the output tensors, one per output port of the spec, and every tfjs layer it
 * created. The layers' weights, concatenated in order, must match the spec's `weights()` one to one
 * (shape and trainable flag); the compiler asserts it, so specs and builders cannot drift apart.
 */
export interface Built {
  outputs: tf.SymbolicTensor[];
  layers: tf.layers.Layer[];
}

export type Builder<K extends LayerKind> = (ctx: BuildContext<K>) => Built;

/** Exhaustive: a layer kind without a builder does not compile. */
export type BuilderTable = { [K in LayerKind]: Builder<K> };
