import { ShapeError } from "../diagnostics";
import { type Dim, formatShape, type Shape } from "../shapes/shape";
import type { ParamDefs, ParamValues } from "./params";

/** Closed vocabulary that drives palette groups and node colours (Netron's categories, plus ours). */
export const CATEGORIES = [
  "Input",
  "Core",
  "Activation",
  "Shape",
  "Regularization",
  "Convolution",
  "Pooling",
  "Normalization",
  "Recurrent",
  "Attention",
  "Merge",
  "Generative",
] as const;
export type Category = (typeof CATEGORIES)[number];

export interface PortSpec {
  /** Stable id used by edges (`targetPort`) and canvas handles. */
  name: string;
  doc: string;
  /** An optional port may be left unconnected (only trailing ports). */
  optional?: boolean;
  /** A variadic port takes several edges, in the order they appear in the graph's edge list. */
  variadic?: { min: number; max?: number };
}

/** One weight tensor the layer owns; param counts are derived from these, never hand-summed. */
export interface WeightSpec {
  name: string;
  shape: number[];
  trainable: boolean;
}

export interface LayerDoc {
  /** One line, shown on hover in the palette. */
  summary: string;
  /** What the layer computes, in plain-text maths (the textbook form, not the notes' errors). */
  formula: string;
  inputShape: string;
  outputShape: string;
  whenToUse: string;
  /** Other names users type into the palette search ("fully connected", "atrous"). */
  aliases: readonly string[];
  /** Corrections of errors found in the lecture notes, and other caveats worth showing. */
  notes?: readonly string[];
}

export interface SpecContext {
  /** Looks up another spec (wrappers such as Bidirectional infer through their inner layer). */
  lookup(kind: string): AnyLayerSpec | undefined;
}

/** Params as the spec's functions see them; `any` when the spec is type-erased (AnyLayerSpec). */
// biome-ignore lint/suspicious/noExplicitAny: erased specs accept the params object of any kind.
export type SpecParams<D> = 0 extends 1 & D ? any : ParamValues<D & ParamDefs>;

export interface LayerSpec<K extends string = string, D extends ParamDefs = ParamDefs> {
  /** Stable serialized id: the Keras class name where one exists. */
  kind: K;
  title: string;
  category: Category;
  params: D;
  inputs: readonly PortSpec[];
  /** Output port names; most layers have one, `out`. */
  outputs?: (p: SpecParams<D>) => readonly string[];
  /** Cross-parameter rules that single-param bounds cannot express; returns messages. */
  check?: (p: SpecParams<D>) => { param: string; message: string }[];
  /**
   * Output shapes (batch excluded), one per output port. Inputs come in port order; a variadic
   * port contributes all its shapes. Throws ShapeError with expected and received values.
   */
  infer: (p: SpecParams<D>, inputs: readonly Shape[], ctx: SpecContext) => Shape[];
  /** The weights the layer creates for these inputs (Keras `build`). */
  weights: (p: SpecParams<D>, inputs: readonly Shape[], ctx: SpecContext) => WeightSpec[];
  /** One-line key params for the canvas node, e.g. "32 3x3 s1 same relu". */
  label: (p: SpecParams<D>) => string;
  doc: LayerDoc;
}

// biome-ignore lint/suspicious/noExplicitAny: a heterogeneous table of specs needs an erased params type.
export type AnyLayerSpec = LayerSpec<string, any>;

/** Identity helper that keeps the literal kind and the params type of a spec. */
export function defineLayer<const K extends string, const D extends ParamDefs>(spec: LayerSpec<K, D>): LayerSpec<K, D> {
  return spec;
}

export const OUT = ["out"] as const;

export function outputsOf(spec: AnyLayerSpec, params: unknown): readonly string[] {
  return spec.outputs ? spec.outputs(params) : OUT;
}

// ---- Helpers for spec authors: each throws a ShapeError whose message names what was expected.

/** Requires an exact rank (or one of several) for input `i`, e.g. rank 3 (H, W, C) for Conv2D. */
export function expectRank(kind: string, shape: Shape, ranks: number | readonly number[], what = "input"): void {
  const allowed = typeof ranks === "number" ? [ranks] : ranks;
  if (!allowed.includes(shape.length)) {
    throw new ShapeError(
      "E_RANK",
      `${kind} expects ${what} of rank ${allowed.join(" or ")} (batch excluded); received rank ${shape.length} ${formatShape(shape)}`,
    );
  }
}

export function expectMinRank(kind: string, shape: Shape, min: number, what = "input"): void {
  if (shape.length < min) {
    throw new ShapeError(
      "E_RANK",
      `${kind} expects ${what} of rank >= ${min} (batch excluded); received rank ${shape.length} ${formatShape(shape)}`,
    );
  }
}

/** A dimension that weights depend on must be known (Keras: "should be defined"). */
export function known(kind: string, dim: Dim | undefined, what: string): number {
  if (dim === null || dim === undefined) {
    throw new ShapeError(
      "E_UNDEFINED_DIM",
      `${kind} needs a known ${what} to create its weights; received an unknown (?) dimension`,
    );
  }
  return dim;
}

/** Output sizes must stay positive; the message lists everything that went into the size. */
export function positive(kind: string, size: Dim, detail: string): Dim {
  if (size !== null && size <= 0) {
    throw new ShapeError(
      "E_NONPOSITIVE_SIZE",
      `${kind}: output size would be ${size}, which is not positive; ${detail}`,
    );
  }
  return size;
}

export function weight(name: string, shape: number[], trainable = true): WeightSpec {
  return { name, shape, trainable };
}

export function paramTotals(weights: readonly WeightSpec[]): {
  trainable: number;
  nonTrainable: number;
} {
  let trainable = 0;
  let nonTrainable = 0;
  for (const w of weights) {
    const n = w.shape.reduce((a, b) => a * b, 1);
    if (w.trainable) trainable += n;
    else nonTrainable += n;
  }
  return { trainable, nonTrainable };
}
