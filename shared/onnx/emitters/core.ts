import { FLOAT, type Value } from "../graph";
import { attr } from "../model";
import { DataType } from "../proto";
import { emitActivation } from "./activation";
import type { EmitterTable } from "./types";

/** Core family (shared/layers/core.ts) and Reshape, Permute, RepeatVector (shared/layers/reshaping.ts). */
export const coreEmitters = {
  Input: ({ params, g, prefix }) => {
    // A dynamic batch ("N"); an unknown sample dim gets its own symbolic name.
    const dims = ["N", ...params.shape.map((d, i) => d ?? `${prefix}_d${i + 1}`)];
    const elemType = params.dtype === "int32" ? DataType.INT32 : FLOAT;
    const name = g.addInput(prefix, elemType, dims);
    return [{ name, rank: dims.length, layout: "channelsLast", elemType }];
  },
  Dense: ({ params, inputs: [input], g, prefix, weight }) => {
    // Dense acts on the last axis of the tfjs tensor, so the data must be channels last. MatMul
    // broadcasts over leading axes, so rank > 2 needs no reshape (Gemm is 2-D only).
    const x = g.toLayout(input, "channelsLast");
    const kernel = weight("kernel");
    let y = g.op1("MatMul", [x.name, g.weight(`${prefix}/kernel`, kernel.shape, kernel.data)], {}, `${prefix}/MatMul`);
    if (params.useBias) {
      const bias = weight("bias");
      y = g.op1("Add", [y, g.weight(`${prefix}/bias`, bias.shape, bias.data)], {}, `${prefix}/BiasAdd`);
    }
    return [emitActivation(g, params.activation, g.like(x, y), prefix)];
  },
  Flatten: ({ inputs: [input], g, prefix }) => {
    // tfjs flattens in (H, W, C) order; flattening an NCHW tensor would scramble the features the
    // next Dense kernel expects (the probe's negative control: error 0.72).
    const x = g.toLayout(input, "channelsLast");
    return [{ ...x, rank: 2, name: g.op1("Flatten", [x.name], { axis: attr.i(1) }, `${prefix}/Flatten`) }];
  },
  Reshape: ({ node, inputs: [input], g, prefix }) => {
    // Same target as the tfjs builder: the spec's resolved shape, -1 where only run time knows.
    // Leading 0 copies the batch dim (allowzero = 0, the default).
    const x = g.toLayout(input, "channelsLast");
    const target = (node.outputShapes?.[0] ?? []).map((d) => d ?? -1);
    const y = g.op1("Reshape", [x.name, g.int64s([0, ...target])], {}, `${prefix}/Reshape`);
    const out: Value = { ...x, rank: target.length + 1, name: y };
    return [out];
  },
  Permute: ({ params, inputs: [input], g, prefix }) => {
    // tfjs dims are 1-based and exclude the batch, which stays first; they index tfjs' own
    // (channels-last) axis order, so the data must be channels last.
    const x = g.toLayout(input, "channelsLast");
    const perm = [0, ...params.dims.map((d) => d ?? 1)];
    return [{ ...x, name: g.op1("Transpose", [x.name], { perm: attr.is(perm) }, `${prefix}/Transpose`) }];
  },
  RepeatVector: ({ params, inputs: [x], g, prefix }) => {
    // (N, d) -> (N, 1, d) -> Tile n times along axis 1 -> (N, n, d), channels last like tfjs.
    const one = g.op1("Unsqueeze", [x.name, g.int64s([1])], {}, `${prefix}/Unsqueeze`);
    const y = g.op1("Tile", [one, g.int64s([1, params.n, 1])], {}, `${prefix}/Tile`);
    return [{ ...x, rank: 3, layout: "channelsLast", name: y }];
  },
  Perceptron: ({ params, inputs: [x], g, prefix, weight }) => {
    // z = x W + b, then the step 1[z >= threshold] (main/trainer/layers/perceptron.ts); bipolar
    // coding maps {0, 1} to {-1, +1} as 2 step - 1.
    const kernel = weight("kernel");
    const bias = weight("bias");
    const xw = g.op1(
      "MatMul",
      [x.name, g.weight(`${prefix}/kernel`, kernel.shape, kernel.data)],
      {},
      `${prefix}/MatMul`,
    );
    const z = g.op1("Add", [xw, g.weight(`${prefix}/bias`, bias.shape, bias.data)], {}, `${prefix}/BiasAdd`);
    const step = emitActivation(g, "step", g.like(x, z), `${prefix}/step`, { threshold: params.threshold });
    if (params.outputCoding !== "bipolar") return [step];
    const twice = g.op1("Mul", [step.name, g.scalar(2)], {}, `${prefix}/Mul`);
    return [g.like(step, g.op1("Sub", [twice, g.scalar(1)], {}, `${prefix}/Sub`))];
  },
} satisfies Partial<EmitterTable>;
