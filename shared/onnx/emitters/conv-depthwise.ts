import { emitActivation } from "./activation";
import { convAttributes, convNode } from "./conv-common";
import { permuteData } from "./tensor-data";
import type { EmitterTable, WeightTensor } from "./types";
import { whole } from "./window";

/**
 * DepthwiseConv2D and SeparableConv2D (shared/layers/conv-depthwise.ts) as ONNX Conv with
 * group = C_in. The depthwise kernel [kh, kw, C, M] is read as [kh, kw, 1, C*M] and laid out as
 * [C*M, 1, kh, kw]: output channel c*M + m belongs to group c, which is ONNX's group order.
 */
function depthwiseWeight(k: WeightTensor): WeightTensor {
  const [kh, kw, c, m] = k.shape;
  return permuteData(k.data, [kh, kw, 1, c * m], [3, 2, 0, 1]);
}

export const depthwiseEmitters = {
  DepthwiseConv2D: ({ params, inputs: [input], inputShapes: [shape], g, prefix, weight }) => {
    const x = g.toLayout(input, "channelsFirst");
    const k = weight("depthwise_kernel");
    const attributes = convAttributes(
      shape.slice(0, 2),
      whole(params.kernelSize),
      whole(params.strides),
      whole(params.dilationRate),
      params.padding,
      k.shape[2],
    );
    const bias = params.useBias ? weight("bias") : null;
    const y = convNode(g, "Conv", x, depthwiseWeight(k), bias, attributes, prefix, "depthwise_kernel");
    return [emitActivation(g, params.activation, y, prefix)];
  },
  SeparableConv2D: ({ params, inputs: [input], inputShapes: [shape], g, prefix, weight }) => {
    // Padding, strides and dilation belong to the depthwise step; the 1x1 pointwise Conv carries
    // the bias (tf.separableConv2d, and NetForge's DepthwiseConv layer).
    const x = g.toLayout(input, "channelsFirst");
    const k = weight("depthwise_kernel");
    const attributes = convAttributes(
      shape.slice(0, 2),
      whole(params.kernelSize),
      whole(params.strides),
      whole(params.dilationRate),
      params.padding,
      k.shape[2],
    );
    const depthwise = convNode(g, "Conv", x, depthwiseWeight(k), null, attributes, prefix, "depthwise_kernel");
    // Pointwise [1, 1, C*M, F] -> [F, C*M, 1, 1].
    const p = weight("pointwise_kernel");
    const pw = permuteData(p.data, p.shape, [3, 2, 0, 1]);
    const pointwise = convNode(
      g,
      "Conv",
      depthwise,
      pw,
      params.useBias ? weight("bias") : null,
      convAttributes([1, 1], [1, 1], [1, 1], [1, 1], "valid"),
      prefix,
      "pointwise_kernel",
    );
    return [emitActivation(g, params.activation, pointwise, prefix)];
  },
} satisfies Partial<EmitterTable>;
