import { type Attribute, attr } from "../model";
import { emitActivation } from "./activation";
import { convAttributes, convNode } from "./conv-common";
import { depthwiseEmitters } from "./conv-depthwise";
import { tiledEmitters } from "./conv-tiled";
import { permuteData } from "./tensor-data";
import type { EmitterTable } from "./types";
import { whole } from "./window";

/**
 * Convolution family (shared/layers/convolutional.ts, conv-depthwise.ts, conv-tiled.ts). ONNX
 * Conv and ConvTranspose are channels first (NCW / NCHW); kernels are re-laid out at export time.
 */

export const convolutionalEmitters = {
  Conv1D: ({ params, inputs: [input], inputShapes: [shape], g, prefix, weight }) => {
    const x = g.toLayout(input, "channelsFirst");
    // tfjs kernel [k, in, out] -> ONNX weight [out, in, k].
    const k = weight("kernel");
    const w = permuteData(k.data, k.shape, [2, 1, 0]);
    const kernel = whole(params.kernelSize);
    const strides = whole(params.strides);
    const dilations = whole(params.dilationRate);
    const attributes =
      params.padding === "causal"
        ? {
            // Keras' causal rule (main/trainer/layers/conv-ops.ts): d (k - 1) zeros on the left only.
            dilations: attr.is(dilations),
            group: attr.i(1),
            kernel_shape: attr.is(kernel),
            strides: attr.is(strides),
            pads: attr.is([dilations[0] * (kernel[0] - 1), 0]),
          }
        : convAttributes(shape.slice(0, 1), kernel, strides, dilations, params.padding);
    const y = convNode(g, "Conv", x, w, params.useBias ? weight("bias") : null, attributes, prefix);
    return [emitActivation(g, params.activation, y, prefix)];
  },
  Conv2D: ({ params, inputs: [input], inputShapes: [shape], g, prefix, weight }) => {
    const x = g.toLayout(input, "channelsFirst");
    // tfjs kernel [kh, kw, in, out] -> ONNX weight [out, in, kh, kw].
    const k = weight("kernel");
    const w = permuteData(k.data, k.shape, [3, 2, 0, 1]);
    const kernel = whole(params.kernelSize);
    const strides = whole(params.strides);
    const dilations = whole(params.dilationRate);
    const attributes = convAttributes(shape.slice(0, 2), kernel, strides, dilations, params.padding);
    const y = convNode(g, "Conv", x, w, params.useBias ? weight("bias") : null, attributes, prefix);
    return [emitActivation(g, params.activation, y, prefix)];
  },
  Conv2DTranspose: ({ params, inputs: [input], g, prefix, weight }) => {
    const x = g.toLayout(input, "channelsFirst");
    // tfjs stores the transposed kernel as [kh, kw, out, in]; ONNX ConvTranspose wants
    // [in, out, kh, kw] (group 1). No spatial flip: both scatter the kernel as stored (tf2onnx).
    const k = weight("kernel");
    const w = permuteData(k.data, k.shape, [3, 2, 0, 1]);
    const kernel = whole(params.kernelSize);
    const strides = whole(params.strides);
    // ONNX with zero pads gives (n - 1) s + k (+ output_padding); tfjs gives n s (same) or
    // n s + max(k - s, 0) (valid), shared/shapes/conv.ts deconvOutputLength. Their difference
    // does not depend on n: k - s (same), min(k - s, 0) (valid). A positive one is cropped like
    // TF's SAME, floor(total / 2) at the start and the rest at the end; a negative one (k < s) is
    // output_padding, appended at the end, where tfjs leaves the uncovered rows at zero (+ bias).
    const total = kernel.map((kk, i) => (params.padding === "same" ? kk - strides[i] : Math.min(kk - strides[i], 0)));
    const begins = total.map((t) => (t > 0 ? Math.floor(t / 2) : 0));
    const ends = total.map((t, i) => (t > 0 ? t - begins[i] : 0));
    const attributes: Record<string, Attribute> = {
      dilations: attr.is([1, 1]),
      group: attr.i(1),
      kernel_shape: attr.is(kernel),
      strides: attr.is(strides),
      pads: attr.is([...begins, ...ends]),
    };
    if (total.some((t) => t < 0)) attributes.output_padding = attr.is(total.map((t) => (t < 0 ? -t : 0)));
    const y = convNode(g, "ConvTranspose", x, w, params.useBias ? weight("bias") : null, attributes, prefix);
    return [emitActivation(g, params.activation, y, prefix)];
  },
  ...depthwiseEmitters,
  ...tiledEmitters,
} satisfies Partial<EmitterTable>;
