import type { OnnxGraph } from "../graph";
import { attr, int64Tensor } from "../model";
import { DataType } from "../proto";
import { emitActivation } from "./activation";
import { convAttributes, convNode } from "./conv-common";
import { permuteData } from "./tensor-data";
import type { EmitterTable } from "./types";
import { whole } from "./window";

/**
 * TiledConv2D (shared/layers/conv-tiled.ts) as main/trainer/layers/tiled-conv2d.ts computes it:
 * all t x t kernel sets run as ONE Conv (their filters side by side), then a 0/1 mask keeps, at
 * output (i, j), only set (i mod t, j mod t), and a sum over the sets. The mask is a constant
 * when the output size is known, else it is built from the run-time size.
 */
export const tiledEmitters = {
  TiledConv2D: ({ params, node, inputs: [input], inputShapes: [shape], g, prefix, weight }) => {
    const x = g.toLayout(input, "channelsFirst");
    const t = params.tiles;
    const k = weight("kernel");
    const [, , kh, kw, c, f] = k.shape;
    // [t, t, kh, kw, C, F] -> [t, t, F, C, kh, kw], read as [t*t*F, C, kh, kw]: set (a, b) owns
    // output channels (a t + b) F ... + F - 1, as in the trainer's reshape.
    const sets = permuteData(k.data, k.shape, [0, 1, 5, 4, 2, 3]);
    const w = { data: sets.data, shape: [t * t * f, c, kh, kw] };
    const kernel = whole(params.kernelSize);
    const strides = whole(params.strides);
    const attributes = convAttributes(shape.slice(0, 2), kernel, strides, [1, 1], params.padding);
    const bias = params.useBias ? weight("bias") : null;
    // t = 1 is an ordinary convolution.
    if (t === 1)
      return [emitActivation(g, params.activation, convNode(g, "Conv", x, w, bias, attributes, prefix), prefix)];
    const all = g.toLayout(convNode(g, "Conv", x, w, null, attributes, prefix), "channelsLast");
    // [N, oh, ow, t*t*F] -> [N, oh, ow, t*t, F] (0 copies N, oh, ow even when unknown).
    const split = g.op1("Reshape", [all.name, g.int64s([0, 0, 0, t * t, f])], {}, `${prefix}/Reshape`);
    const [oh, ow] = node.outputShapes?.[0] ?? [];
    const mask = oh != null && ow != null ? constantMask(g, oh, ow, t, prefix) : runtimeMask(g, all.name, t, prefix);
    const picked = g.op1("Mul", [split, mask], {}, `${prefix}/Mask`);
    // ReduceSum takes its axes as an input from opset 13 on.
    let y = g.op1("ReduceSum", [picked, g.int64s([3])], { keepdims: attr.i(0) }, `${prefix}/ReduceSum`);
    if (bias) y = g.op1("Add", [y, g.weight(`${prefix}/bias`, bias.shape, bias.data)], {}, `${prefix}/BiasAdd`);
    return [emitActivation(g, params.activation, g.like(all, y), prefix)];
  },
} satisfies Partial<EmitterTable>;

/** [oh, ow, t*t, 1]: 1 where the set index is (i mod t) t + (j mod t) (the trainer's tileMask). */
function constantMask(g: OnnxGraph, oh: number, ow: number, t: number, prefix: string): string {
  const m = new Float32Array(oh * ow * t * t);
  for (let i = 0; i < oh; i++) for (let j = 0; j < ow; j++) m[(i * ow + j) * t * t + (i % t) * t + (j % t)] = 1;
  return g.weight(`${prefix}/tile_mask`, [oh, ow, t * t, 1], m);
}

/** The same mask for a size known only at run time: Range, Mod and Equal on int64 indices. */
function runtimeMask(g: OnnxGraph, y: string, t: number, prefix: string): string {
  const scalar = (v: number) => {
    const name = g.fresh(`${prefix}/i64_${v}`);
    g.initializers.push(int64Tensor(name, [], [v]));
    return name;
  };
  const [zero, one, tiles] = [scalar(0), scalar(1), scalar(t)];
  const shape = g.op1("Shape", [y], {}, `${prefix}/Shape`);
  // Position modulo t along one axis: Mod(Range(0, n, 1), t) (fmod = 0 for integers).
  const phase = (axis: number) => {
    const n = g.op1("Gather", [shape, scalar(axis)], { axis: attr.i(0) }, `${prefix}/size${axis}`);
    const range = g.op1("Range", [zero, n, one], {}, `${prefix}/Range`);
    return g.op1("Mod", [range, tiles], {}, `${prefix}/Mod`);
  };
  const rows = g.op1("Mul", [phase(1), tiles], {}, `${prefix}/row_set`);
  const rows2 = g.op1("Unsqueeze", [rows, g.int64s([1])], {}, `${prefix}/rows`); // [oh, 1]
  const index = g.op1("Add", [rows2, phase(2)], {}, `${prefix}/set_index`); // [oh, ow]
  const index3 = g.op1("Unsqueeze", [index, g.int64s([2])], {}, `${prefix}/set_index3`); // [oh, ow, 1]
  const setIds = g.int64s(Array.from({ length: t * t }, (_, s) => s));
  const hit = g.op1("Equal", [index3, setIds], {}, `${prefix}/Equal`); // [oh, ow, t*t]
  const float = g.op1("Cast", [hit], { to: attr.i(DataType.FLOAT) }, `${prefix}/Cast`);
  return g.op1("Unsqueeze", [float, g.int64s([3])], {}, `${prefix}/tile_mask`);
}
