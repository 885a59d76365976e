import { kerasAxis } from "../../layers/normalization";
import type { Layout, OnnxGraph, Value } from "../graph";
import { attr } from "../model";
import type { EmitterTable } from "./types";

/**
 * Merge family (shared/layers/merging.ts). Inputs must share one layout: with equal ranks any
 * common layout broadcasts the same way, so channels-first data stays so when one input already
 * is; mixed ranks broadcast right-aligned in tfjs' order, so they go channels last.
 */
function common(g: OnnxGraph, inputs: Value[], prefer: (xs: Value[]) => boolean): { xs: Value[]; layout: Layout } {
  const sameRank = inputs.every((v) => v.rank === inputs[0].rank && v.rank >= 3);
  const layout: Layout = sameRank && prefer(inputs) ? "channelsFirst" : "channelsLast";
  const rank = Math.max(...inputs.map((v) => v.rank));
  return { xs: inputs.map((v) => batchAligned(g, g.toLayout(v, layout), rank)), layout };
}

/**
 * tfjs' Merge.call expands a lower-rank input at axis 1 until the ranks match, so the batch axes
 * line up. ONNX broadcasting right-aligns whole tensors, batch included: [N, 3] against [N, 4, 3]
 * would pair N with 4. So insert the axes explicitly (Unsqueeze takes them as an input from 13).
 */
function batchAligned(g: OnnxGraph, v: Value, rank: number): Value {
  if (v.rank === rank) return v;
  const axes = Array.from({ length: rank - v.rank }, (_, i) => i + 1);
  return { ...v, rank, name: g.op1("Unsqueeze", [v.name, g.int64s(axes)], {}, `${v.name}/Unsqueeze`) };
}

const anyFirst = (xs: Value[]) => xs.some((v) => v.layout === "channelsFirst");

/** Left fold of a binary op (Mul, Sub) or one variadic op (Sum, Mean, Max, Min). */
function merge(op: string, variadic: boolean, inputs: Value[], g: OnnxGraph, prefix: string): Value[] {
  const { xs } = common(g, inputs, anyFirst);
  const first = xs[0];
  if (variadic || xs.length === 2)
    return [
      g.like(
        first,
        g.op1(
          op,
          xs.map((v) => v.name),
          {},
          `${prefix}/${op}`,
        ),
      ),
    ];
  let acc = xs[0].name;
  for (const v of xs.slice(1)) acc = g.op1(op, [acc, v.name], {}, `${prefix}/${op}`);
  return [g.like(first, acc)];
}

export const mergingEmitters = {
  Add: ({ inputs, g, prefix }) => merge(inputs.length === 2 ? "Add" : "Sum", true, inputs, g, prefix),
  Subtract: ({ inputs, g, prefix }) => merge("Sub", false, inputs, g, prefix),
  Multiply: ({ inputs, g, prefix }) => merge("Mul", false, inputs, g, prefix),
  Average: ({ inputs, g, prefix }) => merge("Mean", true, inputs, g, prefix),
  Maximum: ({ inputs, g, prefix }) => merge("Max", true, inputs, g, prefix),
  Minimum: ({ inputs, g, prefix }) => merge("Min", true, inputs, g, prefix),
  Concatenate: ({ params, inputs, inputShapes, g, prefix }) => {
    // Stay channels first only when every input already is; otherwise join channels-last data.
    const { xs, layout } = common(g, inputs, (vs) => vs.every((v) => v.layout === "channelsFirst"));
    const rank = xs[0].rank;
    const axis = kerasAxis("Concatenate", params.axis, inputShapes[0]) + 1; // counts the batch
    // In NCHW the channels (tfjs' last axis) are axis 1 and each spatial axis moves one right.
    const onnxAxis = layout === "channelsFirst" ? (axis === rank - 1 ? 1 : axis + 1) : axis;
    const y = g.op1(
      "Concat",
      xs.map((v) => v.name),
      { axis: attr.i(onnxAxis) },
      `${prefix}/Concat`,
    );
    return [g.like(xs[0], y)];
  },
  Dot: ({ params, inputs, inputShapes, g, prefix }) => {
    // tfjs' Dot (merge.js batchDot): per sample, contract axis ka of a with axis kb of b; the
    // result keeps a's other axis, then b's ([N, 1] when none is left). Inputs have rank 2 or 3
    // with the batch, so this is one batched MatMul [N, m, k] x [N, k, n].
    const [a, b] = inputs.map((v) => g.toLayout(v, "channelsLast"));
    const ka = kerasAxis("Dot", params.axes[0] ?? -1, inputShapes[0]) + 1; // counts the batch
    const kb = kerasAxis("Dot", params.axes[1] ?? params.axes[0] ?? -1, inputShapes[1]) + 1;
    const [na, nb] = params.normalize
      ? [l2Normalize(g, a, ka, prefix), l2Normalize(g, b, kb, prefix)]
      : [a.name, b.name];
    const swap = (v: string) => g.op1("Transpose", [v], { perm: attr.is([0, 2, 1]) }, `${prefix}/Transpose`);
    const unsqueeze = (v: string, axis: number) => g.op1("Unsqueeze", [v, g.int64s([axis])], {}, `${prefix}/Unsqueeze`);
    // a -> [N, m, k]: a vector becomes one row; a matrix summed over axis 1 is transposed.
    const left = a.rank === 2 ? unsqueeze(na, 1) : ka === 1 ? swap(na) : na;
    // b -> [N, k, n]: a vector becomes one column; a matrix summed over axis 2 is transposed.
    const right = b.rank === 2 ? unsqueeze(nb, 2) : kb === 2 ? swap(nb) : nb;
    let y = g.op1("MatMul", [left, right], {}, `${prefix}/MatMul`);
    // Drop the placeholder axes of vectors: [N, 1, 1] -> [N, 1], [N, m, 1] -> [N, m], [N, 1, n] -> [N, n].
    if (a.rank === 2 && b.rank === 2) y = g.op1("Reshape", [y, g.int64s([0, 1])], {}, `${prefix}/Reshape`);
    else if (b.rank === 2) y = g.op1("Squeeze", [y, g.int64s([2])], {}, `${prefix}/Squeeze`);
    else if (a.rank === 2) y = g.op1("Squeeze", [y, g.int64s([1])], {}, `${prefix}/Squeeze`);
    const rank = a.rank === 2 && b.rank === 2 ? 2 : a.rank + b.rank - 3;
    return [{ ...a, rank, layout: "channelsLast", name: y }];
  },
} satisfies Partial<EmitterTable>;

/** tfjs' l2Normalize (losses.js): x / sqrt(max(sum(x^2, axis), epsilon)), epsilon 1e-7. */
function l2Normalize(g: OnnxGraph, x: Value, axis: number, prefix: string): string {
  const square = g.op1("Mul", [x.name, x.name], {}, `${prefix}/Square`);
  // ReduceSum takes its axes as an input from opset 13 on.
  const sum = g.op1("ReduceSum", [square, g.int64s([axis])], { keepdims: attr.i(1) }, `${prefix}/ReduceSum`);
  const norm = g.op1("Sqrt", [g.op1("Max", [sum, g.scalar(1e-7)], {}, `${prefix}/Max`)], {}, `${prefix}/Sqrt`);
  return g.op1("Div", [x.name, norm], {}, `${prefix}/Div`);
}
