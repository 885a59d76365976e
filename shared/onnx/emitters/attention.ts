import { FLOAT, type OnnxGraph, type Value } from "../graph";
import { attr, int64Tensor } from "../model";
import { trainingOnlyRates } from "./notes";
import type { EmitterTable, NoteTable, WeightTensor } from "./types";

/**
 * Attention family (shared/layers/attention.ts), decomposed into MatMul, Reshape, Transpose and
 * Softmax: the Attention op needs opset 23. Each step mirrors main/trainer/layers/attention-ops.ts
 * (scores = q k^T, then * scale, then + causal mask, softmax over the keys, times v), so the float
 * rounding follows tfjs' order. Inputs are (N, T, d) sequences, channels last.
 */

/** Added to masked scores, as attention-ops.ts MASKED: exp(-1e9 - max) is exactly 0 in float32. */
const MASKED = -1e9;

export interface AttendOptions {
  /** Multiplies the scores: 1 / sqrt(d_k) for scaled dot-product attention, 1 for Luong. */
  scale: number;
  causal: boolean;
  /** The query and key lengths when known: the causal mask is then a constant. */
  tq?: number | null;
  tk?: number | null;
}

/**
 * softmax(q kT * scale + M) v over the last axis; q [..., Tq, dk], kT [..., dk, Tk] (already
 * transposed), v [..., Tk, dv] -> [..., Tq, dv].
 */
export function attend(g: OnnxGraph, q: string, kT: string, v: string, o: AttendOptions, prefix: string): string {
  let s = g.op1("MatMul", [q, kT], {}, `${prefix}/scores`);
  if (o.scale !== 1) s = g.op1("Mul", [s, g.scalar(o.scale)], {}, `${prefix}/scale`);
  if (o.causal) s = g.op1("Add", [s, causalMask(g, s, o, prefix)], {}, `${prefix}/mask`);
  const weights = g.op1("Softmax", [s], { axis: attr.i(-1) }, `${prefix}/Softmax`);
  return g.op1("MatMul", [weights, v], {}, `${prefix}/context`);
}

/**
 * The additive causal mask: 0 where key j <= query i, -1e9 above the diagonal (attention-ops.ts
 * causalBias). A constant [Tq, Tk] when both lengths are known; otherwise -1e9 expanded to the
 * scores' last two dims and cut to its strict upper triangle by Trilu (upper = 1, k = 1; opset 14).
 */
function causalMask(g: OnnxGraph, scores: string, o: AttendOptions, prefix: string): string {
  const { tq, tk } = o;
  if (typeof tq === "number" && typeof tk === "number") {
    const data = new Float32Array(tq * tk);
    for (let i = 0; i < tq; i++) data.fill(MASKED, i * tk + Math.min(i + 1, tk), (i + 1) * tk);
    return g.weight(`${prefix}/causal_mask`, [tq, tk], data);
  }
  const dims = g.op1("Shape", [scores], { start: attr.i(-2) }, `${prefix}/score_dims`);
  const full = g.op1("Expand", [g.scalar(MASKED), dims], {}, `${prefix}/masked`);
  const k = g.fresh(`${prefix}/diagonal`);
  g.initializers.push(int64Tensor(k, [], [1]));
  return g.op1("Trilu", [full, k], { upper: attr.i(1) }, `${prefix}/causal_mask`);
}

const seq = (name: string): Value => ({ name, rank: 3, layout: "channelsLast", elemType: FLOAT });

/**
 * x [N, T, d] times a weight reshaped to [rows, n] (plus a bias of n values): MatMul broadcasts.
 * rows is the kernel's first dim ([d, H, k] projections), or H dv for the output kernel [H, dv, d].
 */
export function dense(
  g: OnnxGraph,
  x: string,
  kernel: WeightTensor,
  bias: WeightTensor | null,
  base: string,
  rows = kernel.shape[0],
) {
  const n = kernel.data.length / rows;
  let y = g.op1("MatMul", [x, g.weight(`${base}/kernel`, [rows, n], kernel.data)], {}, `${base}/MatMul`);
  if (bias) y = g.op1("Add", [y, g.weight(`${base}/bias`, [n], bias.data)], {}, `${base}/BiasAdd`);
  return y;
}

/** Weights of one Keras MultiHeadAttention by name; biases absent without useBias. */
export type MhaWeights = (
  name: "query" | "key" | "value" | "attentionOutput",
  part: "kernel" | "bias",
) => WeightTensor | undefined;

/**
 * Keras MultiHeadAttention (attention-ops.ts multiHeadAttention): per-head projections
 * [N, T, d] -> [N, T, H, k] -> [N, H, T, k] (the key straight to [N, H, k, T], its transpose),
 * attention with scale 1 / sqrt(keyDim), heads merged back to [N, T, H dv] and projected by W_O.
 * Reshape's 0 copies N and T, so both stay dynamic.
 */
export function multiHeadAttention(
  g: OnnxGraph,
  w: MhaWeights,
  query: string,
  value: string,
  key: string,
  o: { causal: boolean; tq?: number | null; tk?: number | null },
  prefix: string,
): string {
  const qk = w("query", "kernel") as WeightTensor;
  const vk = w("value", "kernel") as WeightTensor;
  const [, heads, keyDim] = qk.shape;
  const valueDim = vk.shape[2];
  const project = (x: string, name: "query" | "key" | "value", dim: number, perm: number[]) => {
    const y = dense(g, x, w(name, "kernel") as WeightTensor, w(name, "bias") ?? null, `${prefix}/${name}`);
    const split = g.op1("Reshape", [y, g.int64s([0, 0, heads, dim])], {}, `${prefix}/${name}/heads`);
    return g.op1("Transpose", [split], { perm: attr.is(perm) }, `${prefix}/${name}/per_head`);
  };
  const q = project(query, "query", keyDim, [0, 2, 1, 3]);
  const kT = project(key, "key", keyDim, [0, 2, 3, 1]);
  const v = project(value, "value", valueDim, [0, 2, 1, 3]);
  const context = attend(g, q, kT, v, { ...o, scale: 1 / Math.sqrt(keyDim) }, `${prefix}/attention`);
  const merged = g.op1("Transpose", [context], { perm: attr.is([0, 2, 1, 3]) }, `${prefix}/merge`);
  const concat = g.op1("Reshape", [merged, g.int64s([0, 0, heads * valueDim])], {}, `${prefix}/concat_heads`);
  const out = w("attentionOutput", "kernel") as WeightTensor;
  const bias = w("attentionOutput", "bias") ?? null;
  return dense(g, concat, out, bias, `${prefix}/attentionOutput`, heads * valueDim);
}

const T = (g: OnnxGraph, x: string, base: string) =>
  g.op1("Transpose", [x], { perm: attr.is([0, 2, 1]) }, `${base}/transpose`);

export const attentionEmitters = {
  ScaledDotProductAttention: ({ params, inputs, inputShapes, g, prefix }) => {
    const [q, v, k = v] = inputs.map((x) => g.toLayout(x, "channelsLast").name);
    const [qs, vs] = inputShapes;
    const scale = 1 / Math.sqrt(qs[qs.length - 1] as number);
    const o = { scale, causal: params.causal, tq: qs[0], tk: vs[0] };
    return [seq(attend(g, q, T(g, k, `${prefix}/key`), v, o, prefix))];
  },
  MultiHeadAttention: ({ params, inputs, inputShapes, g, prefix, node, weights }) => {
    const [q, v, k = v] = inputs.map((x) => g.toLayout(x, "channelsLast").name);
    const w: MhaWeights = (name, part) => weights[node.weights.findIndex((s) => s.name === `${name}/${part}`)];
    const o = { causal: params.causal, tq: inputShapes[0][0], tk: inputShapes[1][0] };
    return [seq(multiHeadAttention(g, w, q, v, k, o, prefix))];
  },
  LuongAttention: ({ params, inputs, inputShapes, g, prefix, weight }) => {
    // Luong et al. 2015 (main/trainer/layers/luong-attention.ts): no scale, no mask.
    const [q, v] = inputs.map((x) => g.toLayout(x, "channelsLast").name);
    const o = { scale: 1, causal: false };
    if (params.score === "dot") return [seq(attend(g, q, T(g, v, `${prefix}/value`), v, o, prefix))];
    const wa = weight("W_a");
    if (params.score === "general") {
      const projected = dense(g, q, wa, null, `${prefix}/W_a`);
      return [seq(attend(g, projected, T(g, v, `${prefix}/value`), v, o, prefix))];
    }
    const dq = inputShapes[0][1] as number;
    return [seq(luongConcat(g, q, v, dq, wa, weight("v_a"), prefix))];
  },
} satisfies Partial<EmitterTable>;

/**
 * Luong's concat score v_a . tanh([h_t; h_s] W_a), with W_a split into its query rows [0, dq) and
 * value rows: [N, Tq, 1, u] + [N, 1, Tv, u] -> tanh -> MatMul by v_a [u] (a 1-D right operand
 * drops the last axis) -> [N, Tq, Tv] -> softmax over the encoder steps -> times v.
 */
function luongConcat(
  g: OnnxGraph,
  q: string,
  v: string,
  dq: number,
  wa: WeightTensor,
  va: WeightTensor,
  prefix: string,
) {
  const [rows, units] = wa.shape;
  const block = (from: number, to: number) => ({
    shape: [to - from, units],
    data: wa.data.subarray(from * units, to * units),
  });
  const hq = dense(g, q, block(0, dq), null, `${prefix}/W_q`);
  const hs = dense(g, v, block(dq, rows), null, `${prefix}/W_s`);
  const e = g.op1(
    "Add",
    [
      g.op1("Unsqueeze", [hq, g.int64s([2])], {}, `${prefix}/query_steps`),
      g.op1("Unsqueeze", [hs, g.int64s([1])], {}, `${prefix}/value_steps`),
    ],
    {},
    `${prefix}/sum`,
  );
  const scores = g.op1(
    "MatMul",
    [g.op1("Tanh", [e], {}, `${prefix}/Tanh`), g.weight(`${prefix}/v_a`, [units], va.data)],
    {},
    `${prefix}/scores`,
  );
  const weights = g.op1("Softmax", [scores], { axis: attr.i(-1) }, `${prefix}/Softmax`);
  return g.op1("MatMul", [weights, v], {}, `${prefix}/context`);
}

export const attentionNotes = {
  MultiHeadAttention: (params) => trainingOnlyRates(params, ["dropout"]),
} satisfies NoteTable;
