import { resolvePoolStrides } from "../../layers/pooling";
import type { Shape } from "../../shapes/shape";
import type { OnnxGraph, Value } from "../graph";
import { attr } from "../model";
import type { EmitterTable, ParamsOf } from "./types";
import { padAttributes, whole } from "./window";

/** Pooling family (shared/layers/pooling.ts); ONNX MaxPool/AveragePool are channels first. */

type PoolParams = ParamsOf<"MaxPooling1D"> | ParamsOf<"MaxPooling2D">;

function pool(op: "MaxPool" | "AveragePool", p: PoolParams, input: Value, shape: Shape, g: OnnxGraph, prefix: string) {
  const x = g.toLayout(input, "channelsFirst");
  const kernel = whole(p.poolSize, 2);
  // strides null means "the pool size" (Keras strides=None), resolved as the tfjs builder does.
  const strides = resolvePoolStrides(p.poolSize, p.strides);
  const attributes = {
    kernel_shape: attr.is(kernel),
    strides: attr.is(strides),
    ...padAttributes(
      shape.slice(0, -1),
      kernel,
      strides,
      kernel.map(() => 1),
      p.padding,
    ),
    // tfjs averages only the real pixels under SAME padding; 0 is ONNX's default, written anyway
    // (the probe's negative control with 1: error 0.288).
    ...(op === "AveragePool" ? { count_include_pad: attr.i(0) } : {}),
  };
  return [g.like(x, g.op1(op, [x.name], attributes, `${prefix}/${op}`))];
}

/** Global pools reduce the spatial axes; the result is (N, C), which has no layout to track. */
function globalPool(op: "ReduceMax" | "ReduceMean", x: Value, g: OnnxGraph, prefix: string): Value[] {
  const spatial = Array.from({ length: x.rank - 2 }, (_, i) => (x.layout === "channelsFirst" ? i + 2 : i + 1));
  // axes is an attribute up to opset 17 (an input from 18 on).
  const y = g.op1(op, [x.name], { axes: attr.is(spatial), keepdims: attr.i(0) }, `${prefix}/${op}`);
  return [{ ...x, rank: 2, layout: "channelsLast", name: y }];
}

export const poolingEmitters = {
  MaxPooling1D: ({ params, inputs: [x], inputShapes: [s], g, prefix }) => pool("MaxPool", params, x, s, g, prefix),
  AveragePooling1D: ({ params, inputs: [x], inputShapes: [s], g, prefix }) =>
    pool("AveragePool", params, x, s, g, prefix),
  MaxPooling2D: ({ params, inputs: [x], inputShapes: [s], g, prefix }) => pool("MaxPool", params, x, s, g, prefix),
  AveragePooling2D: ({ params, inputs: [x], inputShapes: [s], g, prefix }) =>
    pool("AveragePool", params, x, s, g, prefix),
  GlobalMaxPooling1D: ({ inputs: [x], g, prefix }) => globalPool("ReduceMax", x, g, prefix),
  GlobalAveragePooling1D: ({ inputs: [x], g, prefix }) => globalPool("ReduceMean", x, g, prefix),
  GlobalMaxPooling2D: ({ inputs: [x], g, prefix }) => globalPool("ReduceMax", x, g, prefix),
  GlobalAveragePooling2D: ({ inputs: [x], g, prefix }) => globalPool("ReduceMean", x, g, prefix),
} satisfies Partial<EmitterTable>;
