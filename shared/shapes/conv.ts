import type { Dim } from "./shape";

/**
 * Convolution and pooling size arithmetic, written once and shared by every spec.
 * Unknown dims (`null`) pass straight through, as in tfjs' `convOutputLength`.
 */
export type Padding = "valid" | "same" | "causal";

/** A k-tap kernel dilated by d covers k + (k - 1)(d - 1) inputs (Yu & Koltun 2016). */
export function effectiveKernelSize(kernel: number, dilation = 1): number {
  return kernel + (kernel - 1) * (dilation - 1);
}

/**
 * Output length of a convolution or pooling window along one axis, as Keras and tfjs compute it:
 * valid: ceil((n - k_eff + 1) / s); same and causal: ceil(n / s). Equals the textbook
 * floor((n + 2p - k_eff) / s) + 1 with p = 0 for valid. Can return 0 or less: callers report it.
 */
export function convOutputLength(n: Dim, kernel: number, padding: Padding, stride = 1, dilation = 1): Dim {
  if (n === null) return null;
  const span = padding === "valid" ? n - effectiveKernelSize(kernel, dilation) + 1 : n;
  return Math.floor((span + stride - 1) / stride);
}

/** Textbook form with an explicit zero padding p: floor((n + 2p - k_eff) / s) + 1. */
export function convOutputSizeExplicit(n: number, kernel: number, pad: number, stride = 1, dilation = 1): number {
  return Math.floor((n + 2 * pad - effectiveKernelSize(kernel, dilation)) / stride) + 1;
}

/**
 * Output length of a transposed convolution as tfjs' `deconvLength` computes it:
 * valid: n*s + max(k - s, 0); same: n*s.
 */
export function deconvOutputLength(n: Dim, kernel: number, padding: Exclude<Padding, "causal">, stride = 1): Dim {
  if (n === null) return null;
  return padding === "valid" ? n * stride + Math.max(kernel - stride, 0) : n * stride;
}

/** Textbook transposed size with explicit padding p: (n - 1)s - 2p + k (Dumoulin & Visin 2016). */
export function deconvOutputSizeExplicit(n: number, kernel: number, pad: number, stride = 1): number {
  return (n - 1) * stride - 2 * pad + kernel;
}

/**
 * Padding that Keras' SAME puts before and after one axis: the total is split with the odd pixel
 * at the end (TensorFlow convention), which ONNX exporters must reproduce.
 */
export function samePadding(n: number, kernel: number, stride = 1, dilation = 1): [number, number] {
  const out = Math.ceil(n / stride);
  const total = Math.max((out - 1) * stride + effectiveKernelSize(kernel, dilation) - n, 0);
  return [Math.floor(total / 2), total - Math.floor(total / 2)];
}
