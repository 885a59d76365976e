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

/** Exhaustive: a layer kind without an emitter does not compile (R3). */
export type EmitterTable = { [K in LayerKind]: Emitter<K> };

/**
 * What the exported file does differently from the model in training, for one node, as the
 * readiness report states it. "exported" notes are informational (a marker that is the identity,
 * a dropout rate that only acts in training). The claims are checked against the emitters
 * (shared/onnx/readiness.test.ts): a "dropped" node emits nothing and passes its input on, an
 * ignored param changes no byte of the file, an ignored input feeds no ONNX node.
 */
export interface ExportNote {
  status: "exported" | "approximated" | "dropped";
  reason: string;
  /** Params whose value the emitter does not read. */
  ignoredParams?: readonly string[];
  /** Input port indices whose values the file does not use. */
  ignoredInputs?: readonly number[];
}

/** Facts about the graph around the node that a note may depend on. */
export interface NoteContext {
  /** Kinds of every node that (transitively) consumes this node's outputs. */
  downstream: ReadonlySet<string>;
}

export type NoteRule<K extends LayerKind> = (params: ParamsOf<K>, ctx: NoteContext) => ExportNote | null;

/** Each emitter module exports the notes of its kinds; kinds without one export as they train. */
export type NoteTable = { [K in LayerKind]?: NoteRule<K> };

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
