import { kerasAxis } from "../../layers/normalization";
import { attr } from "../model";
import type { EmitterTable, NoteTable } from "./types";

/**
 * Normalization family (shared/layers/normalization.ts).
 * BatchNormalization in its inference form, y = gamma (x - mean) / sqrt(var + eps) + beta, with
 * the moving statistics (tfjs' batchNorm, and the spec's formula).
 */
export const normalizationEmitters = {
  BatchNormalization: ({ params, inputs: [input], inputShapes: [shape], g, prefix, weight }) => {
    const rank = shape.length + 1;
    const axis = kerasAxis("BatchNormalization", params.axis, shape) + 1; // counts the batch
    const mean = weight("moving_mean").data;
    const variance = weight("moving_variance").data;
    const n = mean.length;
    const gamma = params.scale ? weight("gamma").data : new Float32Array(n).fill(1);
    const beta = params.center ? weight("beta").data : new Float32Array(n);
    const isChannels = axis === rank - 1;
    if (rank === 2 || (isChannels && input.layout === "channelsFirst")) {
      // ONNX BatchNormalization normalizes axis 1: the features of (N, C), the channels of NCHW.
      const inputs = [
        input.name,
        ...[gamma, beta, mean, variance].map((d, i) => g.weight(`${prefix}/${BN[i]}`, [n], d)),
      ];
      const y = g.op1("BatchNormalization", inputs, { epsilon: attr.f(params.epsilon) }, `${prefix}/BatchNorm`);
      return [g.like(input, y)];
    }
    // Any other axis (or channels-last data): fold into one Mul and one Add on channels-last data,
    // scale = gamma / sqrt(var + eps), shift = beta - mean * scale (computed in float64), shaped
    // [n, 1, ..., 1] so they broadcast along `axis`.
    const x = g.toLayout(input, "channelsLast");
    const scale = new Float32Array(n);
    const shift = new Float32Array(n);
    for (let c = 0; c < n; c++) {
      const s = gamma[c] / Math.sqrt(variance[c] + params.epsilon);
      scale[c] = s;
      shift[c] = beta[c] - mean[c] * s;
    }
    const dims = [n, ...new Array(rank - 1 - axis).fill(1)];
    const scaled = g.op1("Mul", [x.name, g.weight(`${prefix}/scale`, dims, scale)], {}, `${prefix}/Mul`);
    return [g.like(x, g.op1("Add", [scaled, g.weight(`${prefix}/shift`, dims, shift)], {}, `${prefix}/Add`))];
  },
  LayerNormalization: ({ params, inputs: [input], inputShapes: [shape], g, prefix, weight }) => {
    // tfjs normalizes each sample over `axis` alone (moments with keepDims, population variance).
    const x = g.toLayout(input, "channelsLast");
    const rank = shape.length + 1;
    const axis = kerasAxis("LayerNormalization", params.axis, shape) + 1; // counts the batch
    const n = shape[axis - 1] as number;
    const dims = [n, ...new Array(rank - 1 - axis).fill(1)];
    const gamma = params.scale ? g.weight(`${prefix}/gamma`, dims, weight("gamma").data) : null;
    const beta = params.center ? g.weight(`${prefix}/beta`, dims, weight("beta").data) : null;
    if (axis === rank - 1) {
      // The opset-17 op normalizes axes [axis, rank) (ONNX operators.md LayerNormalization): the
      // last axis here. Scale is required, bias optional.
      const scale = gamma ?? g.weight(`${prefix}/ones`, [n], new Float32Array(n).fill(1));
      const y = g.op1(
        "LayerNormalization",
        [x.name, scale, ...(beta ? [beta] : [])],
        { axis: attr.i(-1), epsilon: attr.f(params.epsilon) },
        `${prefix}/LayerNorm`,
      );
      return [g.like(x, y)];
    }
    // Any other axis: the op would also normalize every axis after it, so decompose.
    const axes = { axes: attr.is([axis]), keepdims: attr.i(1) };
    const mean = g.op1("ReduceMean", [x.name], axes, `${prefix}/mean`);
    const centered = g.op1("Sub", [x.name, mean], {}, `${prefix}/center`);
    const square = g.op1("Mul", [centered, centered], {}, `${prefix}/square`);
    const variance = g.op1("ReduceMean", [square], axes, `${prefix}/variance`);
    const std = g.op1("Sqrt", [g.op1("Add", [variance, g.scalar(params.epsilon)], {}, `${prefix}/eps`)], {}, prefix);
    let y = g.op1("Div", [centered, std], {}, `${prefix}/normalize`);
    if (gamma) y = g.op1("Mul", [y, gamma], {}, `${prefix}/scale`);
    if (beta) y = g.op1("Add", [y, beta], {}, `${prefix}/shift`);
    return [g.like(x, y)];
  },
} satisfies Partial<EmitterTable>;

const BN = ["gamma", "beta", "moving_mean", "moving_variance"];

export const normalizationNotes = {
  BatchNormalization: () => ({
    status: "approximated",
    reason:
      "inference form: normalizes with the moving mean and variance learned in training (as predict() does), not with each batch's own statistics as in training",
    ignoredParams: ["momentum"],
  }),
} satisfies NoteTable;
