import { samePadding } from "../../shapes/conv";
import type { Shape } from "../../shapes/shape";
import { type Attribute, attr } from "../model";

/**
 * Padding attributes of ONNX Conv and Pool for Keras padding. SAME splits the total padding with
 * the odd pixel at the end (TensorFlow's convention, shared/shapes/conv.ts samePadding); ONNX pads
 * are all begins, then all ends. An unknown spatial size falls back to auto_pad SAME_UPPER, which
 * puts the extra pixel at the end too (tf2onnx's fallback).
 */
export function padAttributes(
  spatial: Shape,
  kernel: readonly number[],
  strides: readonly number[],
  dilations: readonly number[],
  padding: string,
): Record<string, Attribute> {
  if (padding === "valid") return { pads: attr.is(new Array(2 * spatial.length).fill(0)) };
  if (padding !== "same") throw new Error(`no ONNX padding for ${padding}`);
  if (spatial.some((d) => d === null)) return { auto_pad: attr.s("SAME_UPPER") };
  const pairs = spatial.map((n, i) => samePadding(n as number, kernel[i], strides[i], dilations[i]));
  return { pads: attr.is([...pairs.map((p) => p[0]), ...pairs.map((p) => p[1])]) };
}

/** Kernel sizes, strides and rates resolve to whole numbers by the time a graph compiles. */
export const whole = (xs: readonly (number | null)[], fallback = 1): number[] => xs.map((x) => x ?? fallback);
