import { ACTIVATION_DEFAULTS } from "../../layers/activation-math";
import type { ActivationName } from "../../layers/activations";
import { FLOAT, type OnnxGraph, type Value } from "../graph";
import { type Attribute, attr, int64Tensor } from "../model";
import { maskedLengths } from "./embedding";
import { trainingOnlyRates } from "./notes";
import type { EmitterTable, NoteTable, ParamsOf, WeightTensor } from "./types";

/**
 * Recurrent family (shared/layers/recurrent.ts) as the ONNX RNN, LSTM and GRU ops (opset 14
 * semantics, unchanged in 17). The ops are time-major: layout=1 (batch-major) is rejected by
 * onnxruntime's CPU build, so the sequence is transposed (N, T, F) -> (T, N, F) around the op and
 * T stays dynamic. Outputs are rebuilt in the order tfjs returns them: [out, h] or [out, h, c].
 * Connected initial states become initial_h / initial_c (one direction: [1, N, H]).
 */

export type RnnKind = "SimpleRNN" | "LSTM" | "GRU";
type RnnParams = ParamsOf<"SimpleRNN"> & { recurrentActivation?: ActivationName };

/**
 * Gate blocks of the ONNX weights in terms of tfjs' (Keras') blocks. LSTM: Keras i, f, c, o ->
 * ONNX i, o, f, c (tf2onnx _convert_gates_ifco_to_iofc; the probe's control without it: 0.32).
 * GRU: z, r, h on both sides (tfjs' GRUCell is reset-before, ONNX linear_before_reset = 0).
 */
const GATES: Record<RnnKind, number[]> = { SimpleRNN: [0], LSTM: [0, 3, 1, 2], GRU: [0, 1, 2] };
const OP: Record<RnnKind, string> = { SimpleRNN: "RNN", LSTM: "LSTM", GRU: "GRU" };

interface CellActivation {
  name: string;
  alpha?: number;
  beta?: number;
}

/**
 * The cell activations ONNX's recurrent ops accept by name (ONNX operators.md, RNN "activations";
 * all of them run in onnxruntime's CPU kernels), with the constants NetForge's cells use
 * (main/trainer/layers/activation-fn.ts at its defaults, tfjs' hardSigmoid clip(0.2x + 0.5)).
 */
function cellActivation(fn: ActivationName, kind: string, role: string): CellActivation {
  switch (fn) {
    case "tanh":
      return { name: "Tanh" };
    case "sigmoid":
      return { name: "Sigmoid" };
    case "hardSigmoid":
      return { name: "HardSigmoid", alpha: 0.2, beta: 0.5 };
    case "relu":
      return { name: "Relu" };
    case "linear":
      return { name: "Affine", alpha: 1, beta: 0 };
    case "softsign":
      return { name: "Softsign" };
    case "softplus":
      return { name: "Softplus" };
    case "elu":
      return { name: "Elu", alpha: ACTIVATION_DEFAULTS.elu.alpha };
    case "leakyRelu":
      return { name: "LeakyRelu", alpha: ACTIVATION_DEFAULTS.leakyRelu.alpha };
    case "bipolarSigmoid":
      // 2 sigmoid(x) - 1 = tanh(x / 2): ScaledTanh computes alpha tanh(beta x).
      return { name: "ScaledTanh", alpha: 1, beta: ACTIVATION_DEFAULTS.bipolarSigmoid.lambda / 2 };
    default:
      throw new Error(
        `ONNX export: ${kind} with ${role} "${fn}" cannot be exported; ONNX recurrent ops accept only tanh, sigmoid, hardSigmoid, relu, linear, softsign, softplus, elu, leakyRelu and bipolarSigmoid cell activations`,
      );
  }
}

/**
 * activations plus activation_alpha/beta. onnxruntime (rnn_helpers.cc) consumes the alpha and
 * beta lists in activation order, only for the functions that take them, so only those are listed.
 */
function activationAttributes(acts: CellActivation[]): Record<string, Attribute> {
  const alphas = acts.flatMap((a) => (a.alpha === undefined ? [] : [a.alpha]));
  const betas = acts.flatMap((a) => (a.beta === undefined ? [] : [a.beta]));
  return {
    activations: attr.ss(acts.map((a) => a.name)),
    ...(alphas.length > 0 ? { activation_alpha: attr.fs(alphas) } : {}),
    ...(betas.length > 0 ? { activation_beta: attr.fs(betas) } : {}),
  };
}

/** f (gates) then g (and h for LSTM) per ONNX; SimpleRNN has only f, its activation. */
function cellActivations(kind: RnnKind, p: RnnParams): CellActivation[] {
  const act = cellActivation(p.activation, kind, "activation");
  if (kind === "SimpleRNN") return [act];
  const gate = cellActivation(p.recurrentActivation ?? "sigmoid", kind, "recurrentActivation");
  return kind === "LSTM" ? [gate, act, act] : [gate, act];
}

/**
 * Keras [rows, blocks * units] (column blocks in tfjs' gate order) -> ONNX [blocks * units, rows]
 * in ONNX's gate order: each gate block transposed, blocks reordered by GATES.
 */
function gateMatrix(kind: RnnKind, w: WeightTensor, units: number): Float32Array {
  const [rows, cols] = w.shape;
  const out = new Float32Array(rows * cols);
  GATES[kind].forEach((from, to) => {
    for (let j = 0; j < units; j++) {
      const dst = (to * units + j) * rows;
      const col = from * units + j;
      for (let r = 0; r < rows; r++) out[dst + r] = w.data[r * cols + col];
    }
  });
  return out;
}

/** Keras' single bias reordered as Wb, with Rb = 0 (ONNX B = [Wb, Rb]). */
function gateBias(kind: RnnKind, bias: WeightTensor | undefined, units: number): Float32Array {
  const n = GATES[kind].length * units;
  const out = new Float32Array(2 * n);
  if (bias)
    GATES[kind].forEach((from, to) => {
      out.set(bias.data.subarray(from * units, (from + 1) * units), to * units);
    });
  return out;
}

/** One direction's weights in the spec's order: kernel, recurrent_kernel[, bias]. */
export type DirectionWeights = readonly WeightTensor[];

/** What the op computed, time-major: Y [T, dirs, N, H], Y_h [dirs, N, H], Y_c (LSTM). */
export interface RnnRun {
  y: string;
  yh: string;
  yc: string | null;
}

/**
 * Emits one ONNX RNN/LSTM/GRU op over x (N, T, F). `directions` are the weight sets, one per ONNX
 * direction: "forward"/"reverse" take one, "bidirectional" two (forward first, as W, R and B
 * concatenate on axis 0).
 */
export function runRnn(
  g: OnnxGraph,
  kind: RnnKind,
  p: RnnParams,
  input: Value,
  direction: "forward" | "reverse" | "bidirectional",
  directions: readonly DirectionWeights[],
  prefix: string,
  initial: readonly Value[] = [],
): RnnRun {
  const u = p.units;
  const x = g.toLayout(input, "channelsLast");
  const xt = g.op1("Transpose", [x.name], { perm: attr.is([1, 0, 2]) }, `${prefix}/time_major`);
  const blocks = GATES[kind].length;
  const f = directions[0][0].shape[0];
  const d = directions.length;
  const cat = (parts: Float32Array[]) => {
    const out = new Float32Array(parts.reduce((a, b) => a + b.length, 0));
    let at = 0;
    for (const part of parts) {
      out.set(part, at);
      at += part.length;
    }
    return out;
  };
  const w = g.weight(`${prefix}/W`, [d, blocks * u, f], cat(directions.map((ws) => gateMatrix(kind, ws[0], u))));
  const r = g.weight(`${prefix}/R`, [d, blocks * u, u], cat(directions.map((ws) => gateMatrix(kind, ws[1], u))));
  const inputs = [xt, w, r];
  if (p.useBias) {
    const b = cat(directions.map((ws) => gateBias(kind, ws[2], u)));
    inputs.push(g.weight(`${prefix}/B`, [d, 2 * blocks * u], b));
  }
  // A masked sequence (Embedding maskZero) stops at its length, as tfjs skips the padding steps.
  const lengths = maskedLengths(input);
  // ONNX inputs are positional (X, W, R, B, sequence_lens, initial_h, initial_c): "" skips one.
  inputs.push(...(p.useBias ? [] : [""]), lengths ?? "", ...initialStates(g, initial, prefix));
  while (inputs[inputs.length - 1] === "") inputs.pop();
  const acts = cellActivations(kind, p);
  const attributes: Record<string, Attribute> = {
    hidden_size: attr.i(u),
    direction: attr.s(direction),
    ...activationAttributes(directions.length === 2 ? [...acts, ...acts] : acts),
    // tfjs' GRUCell applies the reset gate before the recurrent product (Cho et al. 2014).
    ...(kind === "GRU" ? { linear_before_reset: attr.i(0) } : {}),
  };
  const outs = g.op(OP[kind], inputs, attributes, `${prefix}/${OP[kind]}`, kind === "LSTM" ? 3 : 2);
  return { y: outs[0], yh: outs[1], yc: kind === "LSTM" ? outs[2] : null };
}

/** The layer's initial states (N, H) as ONNX's initial_h / initial_c [num_directions = 1, N, H]. */
function initialStates(g: OnnxGraph, initial: readonly Value[], prefix: string): string[] {
  const names = ["initial_h", "initial_c"];
  return initial.map((v, i) =>
    g.op1("Unsqueeze", [g.toLayout(v, "channelsLast").name, g.int64s([0])], {}, `${prefix}/${names[i]}`),
  );
}

/** x[index] along `axis` with the axis removed (Gather with a rank-0 index). */
export function pick(g: OnnxGraph, x: string, axis: number, index: number, base: string): string {
  const name = g.fresh(`${base}/index${index}`);
  g.initializers.push(int64Tensor(name, [], [index]));
  return g.op1("Gather", [x, name], { axis: attr.i(axis) }, base);
}

/** x reversed along axis 0 (Slice with step -1; INT64_MIN as the end, as the Slice spec advises). */
export function reverseTime(g: OnnxGraph, x: string, base: string): string {
  const starts = g.int64s([-1]);
  const ends = g.int64s([-(2 ** 63)]);
  return g.op1("Slice", [x, starts, ends, g.int64s([0]), g.int64s([-1])], {}, `${base}/reverse`);
}

/** [T, N, H] -> tfjs' (N, T, H). */
export function batchMajor(g: OnnxGraph, x: string, base: string): string {
  return g.op1("Transpose", [x], { perm: attr.is([1, 0, 2]) }, `${base}/batch_major`);
}

const value = (name: string, rank: number): Value => ({ name, rank, layout: "channelsLast", elemType: FLOAT });

/**
 * A single recurrent layer as tfjs runs it. goBackwards is ONNX's direction="reverse"; ONNX
 * returns Y in the input's time order, while tfjs returns the steps in the order it processed
 * them (last input step first), so the sequence is reversed back.
 */
function emitRecurrent(
  kind: RnnKind,
  p: RnnParams,
  xs: Value[],
  weights: WeightTensor[],
  g: OnnxGraph,
  prefix: string,
) {
  const [x, ...initial] = xs;
  const run = runRnn(g, kind, p, x, p.goBackwards ? "reverse" : "forward", [weights], prefix, initial);
  const h = value(pick(g, run.yh, 0, 0, `${prefix}/h`), 2);
  let out = h;
  if (p.returnSequences) {
    let y = pick(g, run.y, 1, 0, `${prefix}/sequence`);
    if (p.goBackwards) y = reverseTime(g, y, prefix);
    out = value(batchMajor(g, y, prefix), 3);
  }
  if (!p.returnState) return [out];
  const states = [h];
  if (run.yc) states.push(value(pick(g, run.yc, 0, 0, `${prefix}/c`), 2));
  return [out, ...states];
}

export const recurrentEmitters = {
  SimpleRNN: ({ params, inputs, weights, g, prefix }) => emitRecurrent("SimpleRNN", params, inputs, weights, g, prefix),
  LSTM: ({ params, inputs, weights, g, prefix }) => emitRecurrent("LSTM", params, inputs, weights, g, prefix),
  GRU: ({ params, inputs, weights, g, prefix }) => emitRecurrent("GRU", params, inputs, weights, g, prefix),
} satisfies Partial<EmitterTable>;

/** The input and recurrent dropout rates of a cell. */
export const RNN_DROPOUT = ["dropout", "recurrentDropout"];

export const recurrentNotes = {
  SimpleRNN: (params) => trainingOnlyRates(params, RNN_DROPOUT),
  LSTM: (params) => trainingOnlyRates(params, RNN_DROPOUT),
  GRU: (params) => trainingOnlyRates(params, RNN_DROPOUT),
} satisfies NoteTable;
