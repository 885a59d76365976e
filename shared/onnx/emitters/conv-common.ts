import type { Shape } from "../../shapes/shape";
import type { OnnxGraph, Value } from "../graph";
import { type Attribute, attr } from "../model";
import type { WeightTensor } from "./types";
import { padAttributes } from "./window";

/** What the convolution emitters share (convolutional.ts, conv-depthwise.ts, conv-tiled.ts). */

/** A Conv (or ConvTranspose) node on channels-first `x` with weight `w` (ONNX layout) and bias. */
export function convNode(
  g: OnnxGraph,
  op: "Conv" | "ConvTranspose",
  x: Value,
  w: WeightTensor,
  bias: WeightTensor | null,
  attributes: Record<string, Attribute>,
  prefix: string,
  weightName = "kernel",
): Value {
  const inputs = [x.name, g.weight(`${prefix}/${weightName}`, w.shape, w.data)];
  if (bias) inputs.push(g.weight(`${prefix}/bias`, bias.shape, bias.data));
  return g.like(x, g.op1(op, inputs, attributes, `${prefix}/${op}`));
}

/** Conv attributes for Keras padding (valid / same; causal is Conv1D's own). */
export function convAttributes(
  spatial: Shape,
  kernel: number[],
  strides: number[],
  dilations: number[],
  padding: string,
  group = 1,
): Record<string, Attribute> {
  return {
    dilations: attr.is(dilations),
    group: attr.i(group),
    kernel_shape: attr.is(kernel),
    strides: attr.is(strides),
    ...padAttributes(spatial, kernel, strides, dilations, padding),
  };
}
