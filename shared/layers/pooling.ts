import type { Shape } from "../shapes/shape";
import { paddingParam, sizeText, spatialOutput, stepText } from "./conv-base";
import { ints } from "./params";
import { defineLayer, expectRank, type LayerDoc } from "./spec";

/**
 * Pooling layers (Goodfellow et al. 2016, section 9.3; Keras/tfjs pooling). No weights.
 * strides defaults to the pool size as in Keras (strides=None); within ints() that is written
 * as null per axis, so [null, null] means "non-overlapping windows" and follows poolSize.
 */

/** Strides with every null replaced by the pool size of that axis (what tfjs is given). */
export function resolvePoolStrides(
  poolSize: readonly (number | null)[],
  strides: readonly (number | null)[],
): number[] {
  return poolSize.map((k, i) => strides[i] ?? k ?? 1);
}

const poolParams = (rank: 1 | 2) => ({
  poolSize: ints({
    default: new Array(rank).fill(2),
    length: rank,
    min: 1,
    doc:
      rank === 1
        ? "Length of the pooling window."
        : "Height and width of the pooling window; a single integer is used for both.",
  }),
  strides: ints({
    default: new Array(rank).fill(null),
    length: rank,
    min: 1,
    allow: [null],
    nullMeans: "= pool size",
    doc: "Step between windows; null (the default) uses the pool size, giving non-overlapping windows. Smaller strides overlap (AlexNet).",
  }),
  padding: paddingParam(["valid", "same"]),
});

type PoolParams = {
  poolSize: (number | null)[];
  strides: (number | null)[];
  padding: "valid" | "same";
};

const poolInfer =
  (kind: string, rank: 1 | 2) =>
  (p: PoolParams, [x]: readonly Shape[]) => {
    const sizes = spatialOutput(kind, x as Shape, rank, {
      kernel: p.poolSize,
      strides: resolvePoolStrides(p.poolSize, p.strides),
      padding: p.padding,
      what: "pool",
    });
    return [[...sizes, (x as Shape)[rank] ?? null]];
  };

const poolLabel = (p: PoolParams) =>
  `${sizeText(p.poolSize)} s${stepText(resolvePoolStrides(p.poolSize, p.strides))} ${p.padding}`;

const POOL_NOTES = [
  "Pooling has no parameters; it shrinks the activations, and so the weights of the Dense layers after it.",
  "Windows do not overlap only when stride = pool size (the default); overlapping pooling (e.g. AlexNet's 3x3 stride 2) is common.",
  "Max pooling takes the maximum of each window, not of each feature map.",
];

function poolDoc(op: "max" | "average", rank: 1 | 2, extra: Partial<LayerDoc> = {}): LayerDoc {
  const axes = rank === 1 ? "(steps, C)" : "(H, W, C)";
  const f = op === "max" ? "max" : "mean";
  return {
    summary:
      op === "max"
        ? "Keeps the largest value in each window: a summary that is invariant to small shifts."
        : "Replaces each window by its mean: a smoothed, downsampled summary.",
    formula:
      rank === 1
        ? `y[t, c] = ${f}_{m < k} x[t*s + m, c]; out = floor((T - k)/s) + 1 (valid) or ceil(T/s) (same)`
        : `y[i, j, c] = ${f}_{m, n < k} x[i*s + m, j*s + n, c]; out = floor((n - f)/s) + 1 per axis (valid) or ceil(n/s) (same)`,
    inputShape: axes,
    outputShape: rank === 1 ? "(steps_out, C)" : "(H_out, W_out, C)",
    whenToUse:
      op === "max"
        ? "After conv + ReLU blocks to downsample (usually 2x2 stride 2, halving each side) and add a little translation invariance."
        : "Downsampling that keeps the overall response rather than the strongest one (LeNet-5's subsampling layers averaged).",
    aliases:
      op === "max"
        ? ["max pool", "maxpool", "downsample", "subsampling", "pooling"]
        : ["average pool", "avg pool", "mean pooling", "subsampling", "downsample", "pooling"],
    notes: POOL_NOTES,
    ...extra,
  };
}

const pool = <const K extends string>(kind: K, op: "max" | "average", rank: 1 | 2, extra?: Partial<LayerDoc>) =>
  defineLayer({
    kind,
    title: kind,
    category: "Pooling",
    params: poolParams(rank),
    inputs: [
      {
        name: "in",
        doc: rank === 1 ? "Sequence (steps, channels)." : "Feature map (height, width, channels).",
      },
    ],
    infer: poolInfer(kind, rank),
    weights: () => [],
    label: poolLabel,
    doc: poolDoc(op, rank, extra),
  });

export const MaxPooling1D = pool("MaxPooling1D", "max", 1);
export const AveragePooling1D = pool("AveragePooling1D", "average", 1);
export const MaxPooling2D = pool("MaxPooling2D", "max", 2, {
  notes: [
    "The output size is floor((n - f)/s) + 1 per axis: n=32, f=2, s=2 gives 16. The notes' (n - f + 1)/s gives 15.5, which is wrong.",
    ...POOL_NOTES,
  ],
});
export const AveragePooling2D = pool("AveragePooling2D", "average", 2, {
  notes: [
    ...POOL_NOTES,
    "LeNet-5's subsampling layers (S2, S4) averaged 2x2 windows (with a trainable scale and bias per map); LeNet used no max pooling, and max pooling is not a shortcut connection.",
  ],
});

const globalPool = <const K extends string>(kind: K, op: "max" | "average", rank: 1 | 2) =>
  defineLayer({
    kind,
    title: kind,
    category: "Pooling",
    params: {},
    inputs: [
      {
        name: "in",
        doc: rank === 1 ? "Sequence (steps, channels)." : "Feature map (height, width, channels).",
      },
    ],
    infer: (_p, [x]) => {
      expectRank(kind, x as Shape, rank + 1);
      return [[(x as Shape)[rank] ?? null]];
    },
    weights: () => [],
    label: () => "",
    doc: {
      summary: `${op === "max" ? "Largest" : "Mean"} value of each channel over all ${rank === 1 ? "steps" : "positions"}: one number per feature map.`,
      formula:
        rank === 1
          ? `y[c] = ${op === "max" ? "max" : "mean"}_t x[t, c]`
          : `y[c] = ${op === "max" ? "max" : "mean"}_{i, j} x[i, j, c]`,
      inputShape: rank === 1 ? "(steps, C)" : "(H, W, C)",
      outputShape: "(C): one value per channel",
      whenToUse:
        op === "average"
          ? "Instead of Flatten before the classifier (GoogLeNet, ResNet): no weights, fewer parameters downstream, and any input size works."
          : "Instead of Flatten when a feature's presence anywhere matters more than where (e.g. text CNNs take the max over time).",
      aliases:
        op === "max"
          ? ["global max pool", "max over time", "gmp"]
          : ["global average pool", "gap", "global mean pooling", "mean over time"],
      notes: [
        "Keras' keepdims option (output 1x1xC) is not offered because tfjs 4.22 has none; add a Reshape if needed.",
      ],
    },
  });

export const GlobalMaxPooling1D = globalPool("GlobalMaxPooling1D", "max", 1);
export const GlobalAveragePooling1D = globalPool("GlobalAveragePooling1D", "average", 1);
export const GlobalMaxPooling2D = globalPool("GlobalMaxPooling2D", "max", 2);
export const GlobalAveragePooling2D = globalPool("GlobalAveragePooling2D", "average", 2);

export const poolingLayers = [
  MaxPooling1D,
  AveragePooling1D,
  MaxPooling2D,
  AveragePooling2D,
  GlobalMaxPooling1D,
  GlobalAveragePooling1D,
  GlobalMaxPooling2D,
  GlobalAveragePooling2D,
] as const;
