import type { LayerKind } from "../../layers/catalog";
import type { Shape } from "../../shapes/shape";
import { FLOAT, type OnnxGraph, type Value } from "../graph";
import { attr } from "../model";
import { activationEmitters, activationNotes } from "./activation";
import { convolutionalEmitters } from "./convolutional";
import { coreEmitters } from "./core";
import { normalizationEmitters, normalizationNotes } from "./normalization";
import { poolingEmitters } from "./pooling";
import { batchMajor, pick, type RnnKind, recurrentNotes, reverseTime, runRnn } from "./recurrent";
import { regularizationEmitters, regularizationNotes } from "./regularization";
import type { EmitContext, EmitterTable, ExportNote, NoteContext, NoteRule, NoteTable, ParamsOf } from "./types";

/** Wrapper family (shared/layers/wrappers.ts). */

const seq = (name: string, rank: number): Value => ({ name, rank, layout: "channelsLast", elemType: FLOAT });

/**
 * tfjs' Bidirectional (layers/wrappers.ts): a forward copy of the inner layer and a backward copy
 * with goBackwards flipped; a backward sequence is reversed back to input order before the merge
 * (concat [fwd, bwd] | sum | mul | ave = 0.5 (fwd + bwd)). One ONNX op with
 * direction="bidirectional" runs both (tf2onnx bilstm_rewriter): slot 0 is ONNX's forward
 * direction, slot 1 its reverse one, and ONNX returns both in input time order. With the inner
 * goBackwards set, tfjs' "forward" copy is the one reading backwards, so the weights swap slots
 * and both of tfjs' outputs come out time-reversed.
 */
function bidirectional(ctx: EmitContext<"Bidirectional">): Value[] {
  const { params, inputs, weights, g, prefix } = ctx;
  const kind = params.layer.kind as RnnKind;
  const inner = params.layer.params as ParamsOf<"LSTM">;
  const half = weights.length / 2;
  const forward = weights.slice(0, half);
  const backward = weights.slice(half);
  const flipped = inner.goBackwards;
  const slots = flipped ? [backward, forward] : [forward, backward];
  const run = runRnn(g, kind, inner, inputs[0], "bidirectional", slots, prefix);
  const [fwdSlot, bwdSlot] = flipped ? [1, 0] : [0, 1];
  const source = inner.returnSequences ? run.y : run.yh;
  const axis = inner.returnSequences ? 1 : 0;
  const a = pick(g, source, axis, fwdSlot, `${prefix}/forward`);
  const b = pick(g, source, axis, bwdSlot, `${prefix}/backward`);
  let merged = merge(g, params.mergeMode, a, b, prefix);
  if (!inner.returnSequences) return [seq(merged, 2)];
  if (flipped) merged = reverseTime(g, merged, prefix);
  return [seq(batchMajor(g, merged, prefix), 3)];
}

function merge(g: OnnxGraph, mode: string, a: string, b: string, prefix: string): string {
  switch (mode) {
    case "concat":
      return g.op1("Concat", [a, b], { axis: attr.i(-1) }, `${prefix}/Concat`);
    case "sum":
      return g.op1("Add", [a, b], {}, `${prefix}/Add`);
    case "mul":
      return g.op1("Mul", [a, b], {}, `${prefix}/Mul`);
    case "ave":
      // tfjs computes mul(0.5, add(y, yRev)); the same two ops keep the rounding identical.
      return g.op1("Mul", [g.op1("Add", [a, b], {}, `${prefix}/Add`), g.scalar(0.5)], {}, `${prefix}/Mul`);
    default:
      throw new Error(`ONNX export: Bidirectional mergeMode ${mode} is unknown`);
  }
}

/** The kinds TimeDistributed may wrap (shared/layers/wrappers.ts PER_STEP_KINDS) come from these. */
const PER_STEP: Partial<EmitterTable> = {
  ...coreEmitters,
  ...activationEmitters,
  ...regularizationEmitters,
  ...convolutionalEmitters,
  ...poolingEmitters,
  ...normalizationEmitters,
};

/**
 * Keras' TimeDistributed: (N, T, ...) -> (N * T, ...), the inner layer once, then back to
 * (N, T, ...out). N and T stay dynamic: the final shape is Shape(x)[0:2] joined with the known
 * per-step output dims (Shape's start/end attributes exist from opset 15). Normalization inside
 * gives tfjs' result too: LayerNormalization works per sample, and inference-mode
 * BatchNormalization per element.
 */
function timeDistributed(ctx: EmitContext<"TimeDistributed">): Value[] {
  const { node, params, inputs, inputShapes, g, prefix } = ctx;
  const kind = params.layer.kind as LayerKind;
  const emit = PER_STEP[kind] as ((c: EmitContext<never>) => Value[]) | undefined;
  if (!emit) throw new Error(`ONNX export: TimeDistributed(${kind}) has no ONNX mapping`);
  const step = inputShapes[0].slice(1);
  const outStep = (node.outputShapes?.[0] ?? []).slice(1);
  if ([...step, ...outStep].some((d) => d === null))
    throw new Error(`ONNX export: TimeDistributed(${kind}) needs known per-step shapes (${String(step)})`);
  const x = g.toLayout(inputs[0], "channelsLast");
  const flat = g.op1("Reshape", [x.name, g.int64s([-1, ...(step as number[])])], {}, `${prefix}/merge_time`);
  const innerNode = { ...node, kind, params: params.layer.params, outputShapes: [outStep as Shape] };
  const [y] = emit({
    ...ctx,
    node: innerNode as never,
    params: params.layer.params as never,
    inputs: [{ ...x, rank: step.length + 1, name: flat }],
    inputShapes: [step],
    prefix: `${prefix}/${kind}`,
  });
  const yl = g.toLayout(y, "channelsLast");
  const nt = g.op1("Shape", [x.name], { start: attr.i(0), end: attr.i(2) }, `${prefix}/batch_time`);
  const shape = g.op1("Concat", [nt, g.int64s(outStep as number[])], { axis: attr.i(0) }, `${prefix}/out_shape`);
  return [seq(g.op1("Reshape", [yl.name, shape], {}, `${prefix}/split_time`), outStep.length + 2)];
}

export const wrapperEmitters = {
  Bidirectional: bidirectional,
  TimeDistributed: timeDistributed,
} satisfies Partial<EmitterTable>;

/** The notes of the kinds a wrapper may hold (PER_STEP's families and the recurrent ones). */
const INNER_NOTES: NoteTable = { ...activationNotes, ...regularizationNotes, ...normalizationNotes, ...recurrentNotes };

/** A wrapper's note is its inner layer's, said of the inner layer; ignored params move under layer.params. */
function innerNote(layer: { kind: string; params: Record<string, unknown> }, ctx: NoteContext): ExportNote | null {
  const rule = INNER_NOTES[layer.kind as keyof NoteTable] as NoteRule<never> | undefined;
  const note = rule?.(layer.params as never, ctx);
  if (!note) return null;
  return {
    ...note,
    reason: `inner ${layer.kind}: ${note.reason}`,
    ...(note.ignoredParams ? { ignoredParams: note.ignoredParams.map((n) => `layer.params.${n}`) } : {}),
  };
}

export const wrapperNotes = {
  Bidirectional: (params, ctx) => innerNote(params.layer as never, ctx),
  TimeDistributed: (params, ctx) => innerNote(params.layer as never, ctx),
} satisfies NoteTable;
