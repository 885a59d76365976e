import { attr } from "../model";
import { emitActivation } from "./activation";
import { permuteData } from "./tensor-data";
import type { EmitterTable, NoteTable } from "./types";

/**
 * The parametric activation layers (shared/layers/activation-layers.ts). All are element-wise and
 * keep the input's layout, except that PReLU's learned slopes and Softmax's axis follow it.
 */
export const activationLayerEmitters = {
  ReLU: ({ params, inputs: [x], g, prefix }) => {
    // Keras' full ReLU as main/trainer/layers/relu.ts computes it: x on [threshold, maxValue],
    // capped at maxValue, minus negativeSlope relu(threshold - x) below the threshold.
    const { maxValue, negativeSlope: slope, threshold: t } = params;
    let pos: string;
    if (t === 0) pos = g.op1("Relu", [x.name], {}, `${prefix}/Relu`);
    else {
      const keep = g.op1("GreaterOrEqual", [x.name, g.scalar(t)], {}, `${prefix}/GreaterOrEqual`);
      pos = g.op1("Where", [keep, x.name, g.scalar(0)], {}, `${prefix}/Where`);
    }
    if (maxValue !== null) pos = g.op1("Min", [pos, g.scalar(maxValue)], {}, `${prefix}/Min`);
    if (slope === 0) return [g.like(x, pos)];
    const below = g.op1("Relu", [g.op1("Sub", [g.scalar(t), x.name], {}, `${prefix}/Sub`)], {}, `${prefix}/Relu`);
    const sloped = g.op1("Mul", [below, g.scalar(slope)], {}, `${prefix}/Mul`);
    return [g.like(x, g.op1("Sub", [pos, sloped], {}, `${prefix}/Sub`))];
  },
  LeakyReLU: ({ params, inputs: [x], g, prefix }) => [
    emitActivation(g, "leakyRelu", x, prefix, { alpha: params.alpha }),
  ],
  RandomizedLeakyReLU: ({ params, inputs: [x], g, prefix }) => [
    // At inference the slope is the mean of U(lower, upper) (randomized-leaky-relu.ts).
    emitActivation(g, "leakyRelu", x, prefix, { alpha: (params.lower + params.upper) / 2 }),
  ],
  ELU: ({ params, inputs: [x], g, prefix }) => [emitActivation(g, "elu", x, prefix, { alpha: params.alpha })],
  PReLU: ({ inputs: [x], g, prefix, weight }) => {
    // alpha has the sample's shape with 1 on the shared axes; ONNX PRelu broadcasts the slope
    // right-aligned (unidirectionally), as tfjs' prelu does. Channels-first data needs the
    // slopes in channels-first order too: move the last (channel) axis to the front.
    const alpha = weight("alpha");
    const rank = alpha.shape.length;
    const slope =
      x.layout === "channelsFirst" && rank >= 2
        ? permuteData(alpha.data, alpha.shape, [rank - 1, ...Array.from({ length: rank - 1 }, (_, i) => i)])
        : alpha;
    const w = g.weight(`${prefix}/alpha`, slope.shape, slope.data);
    return [g.like(x, g.op1("PRelu", [x.name, w], {}, `${prefix}/PRelu`))];
  },
  Softmax: ({ params, inputs: [x], g, prefix }) => {
    // Keras numbering: the batch is axis 0, -1 the last. Opset >= 13 Softmax normalizes one axis.
    // On channels-first data tfjs' last (channel) axis is 1 and each other axis moves one right.
    const a = params.axis < 0 ? x.rank + params.axis : params.axis;
    const axis = x.layout === "channelsFirst" && x.rank >= 3 ? (a === x.rank - 1 ? 1 : a + 1) : a;
    return [g.like(x, g.op1("Softmax", [x.name], { axis: attr.i(axis) }, `${prefix}/Softmax`))];
  },
} satisfies Partial<EmitterTable>;

export const activationLayerNotes = {
  RandomizedLeakyReLU: (params) => ({
    status: "approximated",
    reason: `inference form: a fixed slope (lower + upper) / 2 = ${(params.lower + params.upper) / 2} for negative inputs, as predict() uses; the random slope per element is training-only`,
  }),
} satisfies NoteTable;
