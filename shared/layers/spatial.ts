import { type Dim, formatShape, type Shape } from "../shapes/shape";
import { sizeText } from "./conv-base";
import { ints, oneOf } from "./params";
import { defineLayer, expectRank, positive } from "./spec";

/**
 * Layers that resize the spatial axes of an (H, W, C) map without weights. Margins are written
 * flat as [top, bottom, left, right] (Keras' ((top, bottom), (left, right))); a single integer
 * is used for all four sides.
 */

const margins = (doc: string) => ints({ default: [0, 0, 0, 0], length: 4, min: 0, doc });

/** Adds (sign 1) or removes (sign -1) the margins; unknown sizes stay unknown. */
function withMargins(kind: string, x: Shape, m: readonly (number | null)[], sign: 1 | -1): Dim[] {
  expectRank(kind, x, 3);
  const [top, bottom, left, right] = m.map((v) => v ?? 0) as [number, number, number, number];
  const size = (n: Dim, a: number, b: number, axis: string) =>
    n === null
      ? null
      : positive(
          kind,
          n + sign * (a + b),
          `input ${axis} ${n}, ${sign > 0 ? "padding" : "cropping"} ${a} + ${b} (input ${formatShape(x)})`,
        );
  return [size(x[0] ?? null, top, bottom, "height"), size(x[1] ?? null, left, right, "width"), x[2] ?? null];
}

export const UpSampling2D = defineLayer({
  kind: "UpSampling2D",
  title: "UpSampling2D",
  category: "Shape",
  params: {
    size: ints({
      default: [2, 2],
      length: 2,
      min: 1,
      doc: "Upsampling factors for rows and columns; a single integer is used for both.",
    }),
    interpolation: oneOf(["nearest", "bilinear"], {
      default: "nearest",
      doc: "nearest repeats each pixel; bilinear interpolates between neighbours.",
    }),
  },
  inputs: [
    {
      name: "in",
      doc: "Feature map (height, width, channels), channels last.",
    },
  ],
  infer: (p, [x]) => {
    expectRank("UpSampling2D", x, 3);
    const scale = (n: Dim, f: number | null) => (n === null ? null : n * (f ?? 1));
    return [[scale(x[0] ?? null, p.size[0] ?? 1), scale(x[1] ?? null, p.size[1] ?? 1), x[2] ?? null]];
  },
  weights: () => [],
  label: (p) => `${sizeText(p.size)} ${p.interpolation}`,
  doc: {
    summary: "Enlarges a feature map by repeating (or interpolating) pixels; no weights.",
    formula: "nearest: y[i, j, c] = x[floor(i / s_h), floor(j / s_w), c]; out = (H*s_h, W*s_w, C)",
    inputShape: "(H, W, C)",
    outputShape: "(H * size[0], W * size[1], C)",
    whenToUse:
      "Decoders of convolutional autoencoders and generators: UpSampling2D followed by Conv2D grows the map without the checkerboard artefacts of Conv2DTranspose.",
    aliases: ["upsample", "unpooling", "resize", "nearest neighbour upsampling", "enlarge"],
  },
});

export const ZeroPadding2D = defineLayer({
  kind: "ZeroPadding2D",
  title: "ZeroPadding2D",
  category: "Shape",
  params: {
    padding: {
      ...margins(
        "Rows and columns of zeros to add, as [top, bottom, left, right]; a single integer pads all four sides equally.",
      ),
      default: [1, 1, 1, 1],
    },
  },
  inputs: [
    {
      name: "in",
      doc: "Feature map (height, width, channels), channels last.",
    },
  ],
  infer: (p, [x]) => [withMargins("ZeroPadding2D", x, p.padding, 1)],
  weights: () => [],
  label: (p) => `pad ${p.padding.join(",")}`,
  doc: {
    summary: "Adds rows and columns of zeros around each feature map.",
    formula: "y = x surrounded by zeros; out = (top + H + bottom, left + W + right, C)",
    inputShape: "(H, W, C)",
    outputShape: "(H + top + bottom, W + left + right, C)",
    whenToUse:
      "Explicit zero padding P before a valid Conv2D (the textbook's P in floor((I - F + 2P)/S) + 1), or asymmetric padding that same padding cannot give.",
    aliases: ["pad", "zero padding", "border", "padding"],
    notes: [
      "Keras writes the margins as ((top, bottom), (left, right)) and tfjs also accepts a symmetric [h, w]; NetForge stores them flat as [top, bottom, left, right], and a single integer broadcasts to all four.",
    ],
  },
});

export const Cropping2D = defineLayer({
  kind: "Cropping2D",
  title: "Cropping2D",
  category: "Shape",
  params: {
    cropping: margins(
      "Rows and columns to remove, as [top, bottom, left, right]; a single integer crops all four sides equally.",
    ),
  },
  inputs: [
    {
      name: "in",
      doc: "Feature map (height, width, channels), channels last.",
    },
  ],
  infer: (p, [x]) => [withMargins("Cropping2D", x, p.cropping, -1)],
  weights: () => [],
  label: (p) => `crop ${p.cropping.join(",")}`,
  doc: {
    summary: "Removes rows and columns at the borders of each feature map.",
    formula: "y = x[top : H - bottom, left : W - right, :]",
    inputShape: "(H, W, C)",
    outputShape: "(H - top - bottom, W - left - right, C)",
    whenToUse:
      "To trim a map to a matching size, e.g. a U-Net skip connection whose encoder map is larger than the decoder map it is concatenated with.",
    aliases: ["crop", "trim", "cut borders"],
    notes: [
      "Margins are flat [top, bottom, left, right] (Keras: ((top, bottom), (left, right))); a single integer broadcasts to all four. An unknown height or width stays unknown (tfjs 4.22 reports a negative number there).",
    ],
  },
});

export const spatialLayers = [UpSampling2D, ZeroPadding2D, Cropping2D] as const;
