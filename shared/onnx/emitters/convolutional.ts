import { attr } from "../model";
import { emitActivation } from "./activation";
import { permuteData } from "./tensor-data";
import type { EmitterTable } from "./types";
import { padAttributes, whole } from "./window";

/** Convolution family (shared/layers/convolutional.ts); ONNX Conv is channels first. */
export const convolutionalEmitters = {
  Conv2D: ({ params, inputs: [input], inputShapes: [shape], g, prefix, weight }) => {
    const x = g.toLayout(input, "channelsFirst");
    // tfjs kernel [kh, kw, in, out] -> ONNX weight [out, in, kh, kw].
    const k = weight("kernel");
    const w = permuteData(k.data, k.shape, [3, 2, 0, 1]);
    const inputs = [x.name, g.weight(`${prefix}/kernel`, w.shape, w.data)];
    if (params.useBias) {
      const b = weight("bias");
      inputs.push(g.weight(`${prefix}/bias`, b.shape, b.data));
    }
    const kernel = whole(params.kernelSize);
    const strides = whole(params.strides);
    const dilations = whole(params.dilationRate);
    const y = g.op1(
      "Conv",
      inputs,
      {
        dilations: attr.is(dilations),
        group: attr.i(1),
        kernel_shape: attr.is(kernel),
        strides: attr.is(strides),
        ...padAttributes(shape.slice(0, 2), kernel, strides, dilations, params.padding),
      },
      `${prefix}/Conv`,
    );
    return [emitActivation(g, params.activation, g.like(x, y), prefix)];
  },
} satisfies EmitterTable;
