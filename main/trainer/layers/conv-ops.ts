import * as tf from "@tensorflow/tfjs";
import { effectiveKernelSize, type Padding, samePadding } from "../../../shared/shapes/conv";

/**
 * Convolution with what tfjs 4.22 cannot train (probe, section 2.2): dilation > 1 (the forward
 * works, the gradient throws "dilation rates greater than 1 are not yet supported") and causal
 * padding (not implemented at all). Both are rewritten with ops that have gradients:
 * - causal: zeros on the left only, d*(k-1) of them, then a valid convolution (Keras' rule);
 * - dilated: TensorFlow's own atrous trick (tf.nn.with_space_to_batch): pad, spaceToBatchND by the
 *   rates, an undilated valid convolution, batchToSpaceND back, crop the rounding rows.
 * `conv` is the undilated convolution (conv2d or depthwiseConv2d) on a 4-D NHWC tensor.
 */
export type Conv4D = (x: tf.Tensor4D, strides: [number, number], padding: "valid" | "same") => tf.Tensor4D;

export interface Window2D {
  kernel: [number, number];
  strides: [number, number];
  rates: [number, number];
  /** causal pads only the first spatial axis (the time axis of a Conv1D seen as 2-D). */
  padding: Padding;
}

const dilated = (w: Window2D) => w.rates[0] > 1 || w.rates[1] > 1;

/** [before, after] zeros per spatial axis that make a valid convolution compute `padding`. */
function explicitPads(x: tf.Tensor4D, w: Window2D): [[number, number], [number, number]] {
  const axis = (i: 0 | 1): [number, number] => {
    const k = effectiveKernelSize(w.kernel[i], w.rates[i]);
    if (w.padding === "same") return samePadding(x.shape[i + 1], w.kernel[i], w.strides[i], w.rates[i]);
    if (w.padding === "causal" && i === 0) return [k - 1, 0];
    return [0, 0];
  };
  return [axis(0), axis(1)];
}

export function convolve(x: tf.Tensor4D, w: Window2D, conv: Conv4D): tf.Tensor4D {
  if (!dilated(w) && w.padding !== "causal") return conv(x, w.strides, w.padding);
  const pads = explicitPads(x, w);
  if (!dilated(w)) {
    return conv(tf.pad(x, [[0, 0], pads[0], pads[1], [0, 0]]), w.strides, "valid");
  }
  if (w.strides[0] > 1 || w.strides[1] > 1) {
    throw new Error("strides > 1 together with dilationRate > 1 is not supported (as in Keras)");
  }
  // Round each padded axis up to a multiple of its rate; the extra rows are cropped at the end.
  const extra = [0, 1].map((i) => {
    const n = x.shape[i + 1] + pads[i][0] + pads[i][1];
    return (w.rates[i] - (n % w.rates[i])) % w.rates[i];
  });
  const blocks = tf.spaceToBatchND(x, w.rates, [
    [pads[0][0], pads[0][1] + extra[0]],
    [pads[1][0], pads[1][1] + extra[1]],
  ]);
  const y = conv(blocks as tf.Tensor4D, [1, 1], "valid");
  return tf.batchToSpaceND(y, w.rates, [
    [0, extra[0]],
    [0, extra[1]],
  ]) as tf.Tensor4D;
}

/** tf.conv2d as a Conv4D with a fixed kernel [kh, kw, cin, cout]. */
export const conv2dWith =
  (kernel: tf.Tensor4D): Conv4D =>
  (x, strides, padding) =>
    tf.conv2d(x, kernel, strides, padding);

/** tf.depthwiseConv2d as a Conv4D with a fixed kernel [kh, kw, cin, multiplier]. */
export const depthwiseWith =
  (kernel: tf.Tensor4D): Conv4D =>
  (x, strides, padding) =>
    tf.depthwiseConv2d(x, kernel, strides, padding);

/** A Conv1D window seen as 2-D: time on the height axis, width 1. */
export function window1d(kernel: number, stride: number, rate: number, padding: Padding): Window2D {
  return { kernel: [kernel, 1], strides: [stride, 1], rates: [rate, 1], padding };
}

/** A Conv2D window; causal is a 1-D padding and never reaches here from a 2-D spec. */
export function window2d(kernel: number[], strides: number[], rates: number[], padding: Padding): Window2D {
  return {
    kernel: [kernel[0], kernel[1]],
    strides: [strides[0], strides[1]],
    rates: [rates[0] ?? 1, rates[1] ?? 1],
    padding,
  };
}
