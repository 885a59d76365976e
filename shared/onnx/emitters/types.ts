import type { LAYERS, LayerKind } from "../../layers/catalog";
import type { SpecParams } from "../../layers/spec";
import type { Shape } from "../../shapes/shape";
import type { NodeAnalysis } from "../../shapes/slot";
import type { OnnxGraph, Value } from "../graph";

/** The params of kind K as its spec validates them (the same type the tfjs builders get). */
export type ParamsOf<K extends LayerKind> = SpecParams<Extract<(typeof LAYERS)[number], { kind: K }>["params"]>;

/** A trained weight as the trainer read it from tfjs: row-major data in tfjs' (Keras') layout. */
export interface WeightTensor {
  shape: number[];
  data: Float32Array;
}

export interface EmitContext<K extends LayerKind> {
  /** The node as shared inference sees it: id, name, output shapes, the spec's weight list. */
  node: NodeAnalysis;
  params: ParamsOf<K>;
  /** Input values in the spec's port order (a variadic port contributes all its edges, in order). */
  inputs: Value[];
  /** The inputs' shapes as shared inference knows them, batch excluded (tfjs order, NHWC). */
  inputShapes: Shape[];
  /**
   * The node's weights, one per entry of the spec's `weights()` and in that order (compileGraph
   * asserts that tfjs creates them so); `weight(name)` picks one by its spec name.
   */
  weights: WeightTensor[];
  weight(name: string): WeightTensor;
  g: OnnxGraph;
  /** A graph-unique, ONNX-friendly prefix for the names of this node's values. */
  prefix: string;
}

/**
 * Emits the ONNX nodes of one layer; returns one value per output port of the spec, in any
 * layout (the exporter converts graph outputs back to channels last).
 */
export type Emitter<K extends LayerKind> = (ctx: EmitContext<K>) => Value[];

/**
 * One emitter per layer kind. Partial while families are being added; it becomes exhaustive
 * (`[K in LayerKind]-?`) when every kind maps, so a new kind without an emitter will not compile.
 */
/** Exhaustive: a layer kind without an emitter does not compile (R3). */
export type EmitterTable = { [K in LayerKind]: Emitter<K> };

/** Thrown when a graph holds a kind the exporter cannot map yet; the message names the kind. */
export class UnsupportedLayerError extends Error {
  override name = "UnsupportedLayerError";
  constructor(
    readonly kind: string,
    readonly nodeId: string,
  ) {
    super(`ONNX export does not support layer kind ${kind} yet (node "${nodeId}")`);
  }
}
