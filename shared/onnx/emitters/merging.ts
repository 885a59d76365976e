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
} satisfies EmitterTable;
