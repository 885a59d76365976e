import { convOutputLength, type Padding } from "../shapes/conv";
import { type Dim, formatShape, lastDim, type Shape } from "../shapes/shape";
import { weightParams } from "./common-params";
import { int, ints, oneOf } from "./params";
import { expectRank, known, type PortSpec, positive, type WeightSpec, weight } from "./spec";

/**
 * What the convolution, pooling and spatial families share (Keras' base_conv.py and
 * base_pooling.py): the tuple params, the per-axis output size with its diagnostic, and labels.
 * Inputs are channels last: (steps, C) for 1-D layers, (H, W, C) for 2-D layers.
 */

const AXES: Record<number, readonly string[]> = {
  1: ["steps"],
  2: ["height", "width"],
};

type Sizes = readonly (number | null)[];

/** Resolved kernel sizes are whole numbers; the tuple params are typed (number | null)[]. */
export const sized = (xs: Sizes) => xs as number[];

/** The input port of the 2-D convolutions. */
export const imageInput: PortSpec = {
  name: "in",
  doc: "Image (height, width, channels), channels last; the channel count must be known.",
};

/** common-params' useBias def, under a name that lint does not take for a React hook. */
export const biasFlagParam = () => weightParams().useBias;

export const filtersParam = () =>
  int({
    default: 32,
    min: 1,
    max: 100_000,
    doc: "Number of filters (kernels), i.e. the number of output channels (the depth of the output volume).",
  });

export const kernelSizeParam = (rank: 1 | 2, def = 3) =>
  ints({
    default: new Array(rank).fill(def),
    length: rank,
    min: 1,
    doc:
      rank === 1
        ? "Length of the 1-D window (the receptive field along time)."
        : "Height and width of the window, e.g. [3, 3]; a single integer is used for both.",
  });

export const stridesParam = (rank: 1 | 2) =>
  ints({
    default: new Array(rank).fill(1),
    length: rank,
    min: 1,
    doc: "Step of the window between outputs; a stride s > 1 downsamples by about s.",
  });

export const dilationRateParam = (rank: 1 | 2) =>
  ints({
    default: new Array(rank).fill(1),
    length: rank,
    min: 1,
    doc: "Dilation (atrous) rate l: the kernel taps are l apart, skipping l-1 inputs; l = 1 is ordinary convolution.",
  });

export const paddingParam = <const V extends Padding>(values: readonly V[]) =>
  oneOf(values, {
    default: values[0] as V,
    doc: values.includes("causal" as V)
      ? "valid: no padding (the output shrinks); same: zero padding so that out = ceil(n / stride); causal: zeros on the left only, so output t never sees inputs after t."
      : "valid: no padding (the output shrinks); same: zero padding so that out = ceil(n / stride).",
  });

/** Keras' base_conv check: TensorFlow has no kernel for strided and dilated at once. */
export function stridesWithDilation(p: {
  strides: readonly (number | null)[];
  dilationRate: readonly (number | null)[];
}): { param: string; message: string }[] {
  const over = (xs: readonly (number | null)[]) => xs.some((x) => (x ?? 1) > 1);
  if (!over(p.strides) || !over(p.dilationRate)) return [];
  return [
    {
      param: "strides",
      message: `strides > 1 is not supported together with dilationRate > 1. Received: strides=${formatShape(
        p.strides,
      )} with dilationRate=${formatShape(p.dilationRate)}`,
    },
  ];
}

export interface Window {
  kernel: readonly (number | null)[];
  strides: readonly (number | null)[];
  dilation?: readonly (number | null)[];
  padding: Padding;
  /** How the window is called in the message: "kernel" for convolutions, "pool" for pooling. */
  what?: string;
}

/**
 * Checks the rank (spatial axes + channels) and returns the output sizes of the spatial axes
 * (Keras' compute_conv_output_shape), each checked to be positive with every input of the size.
 */
export function spatialOutput(kind: string, x: Shape, rank: 1 | 2, w: Window): Dim[] {
  expectRank(kind, x, rank + 1);
  const names = AXES[rank] ?? [];
  return names.map((axis, i) => {
    const n = x[i] as Dim;
    const k = w.kernel[i] ?? 1;
    const s = w.strides[i] ?? k;
    const d = w.dilation?.[i] ?? 1;
    return positive(
      kind,
      convOutputLength(n, k, w.padding, s, d),
      `input ${axis} ${n}, ${w.what ?? "kernel"} ${k}, stride ${s}, dilation ${d}, padding ${w.padding} (input ${formatShape(x)})`,
    );
  });
}

/** The channel axis must be known where the weights (or the output depth) depend on it. */
export const channelsOf = (kind: string, x: Shape): number => known(kind, lastDim(x), "channel dimension (last axis)");

/** A convolution's own window params; a layer without dilationRate (TiledConv2D) has rate 1. */
interface ConvWindowParams {
  kernelSize: Sizes;
  strides: Sizes;
  dilationRate?: Sizes;
  padding: Padding;
}

/** spatialOutput of a convolution, its window read from its params. */
export const convSpatialOutput = (kind: string, x: Shape, rank: 1 | 2, p: ConvWindowParams): Dim[] =>
  spatialOutput(kind, x, rank, {
    kernel: p.kernelSize,
    strides: p.strides,
    dilation: p.dilationRate,
    padding: p.padding,
  });

/**
 * Output shape of a convolution with `filters` output channels: the spatial sizes (rank checked
 * first), then the input's channel count checked to be known.
 */
export function convOutputShape(kind: string, x: Shape, rank: 1 | 2, p: ConvWindowParams & { filters: number }): Shape {
  const spatial = convSpatialOutput(kind, x, rank, p);
  channelsOf(kind, x);
  return [...spatial, p.filters];
}

/** An ordinary convolution's weights: kernel [...kernelSize, C_in, filters] and an optional bias. */
export const convWeights = (
  kind: string,
  x: Shape,
  p: { kernelSize: Sizes; filters: number; useBias: boolean },
): WeightSpec[] => [
  weight("kernel", [...sized(p.kernelSize), channelsOf(kind, x), p.filters]),
  ...(p.useBias ? [weight("bias", [p.filters])] : []),
];

/** "3x3" from [3, 3]; "3" from [3]. */
export const sizeText = (xs: readonly (number | null)[]): string => xs.map((x) => String(x ?? "?")).join("x");

/** Canvas label of a conv-like node, e.g. "32 3x3 s2 same d2 relu". */
export function convLabel(p: {
  head?: string;
  kernelSize: readonly (number | null)[];
  strides: readonly (number | null)[];
  padding: string;
  dilationRate?: readonly (number | null)[];
  activation?: string;
}): string {
  const parts = [p.head, sizeText(p.kernelSize), `s${stepText(p.strides)}`, p.padding];
  if (p.dilationRate?.some((d) => (d ?? 1) > 1)) parts.push(`d${stepText(p.dilationRate)}`);
  if (p.activation && p.activation !== "linear") parts.push(p.activation);
  return parts.filter(Boolean).join(" ");
}

/** Strides and rates: [2, 2] prints as "2", [2, 1] as "2x1". */
export const stepText = (xs: readonly (number | null)[]): string =>
  sizeText(xs.every((x) => x === xs[0]) ? xs.slice(0, 1) : xs);
