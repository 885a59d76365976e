import { type Attribute, attr } from "../model";
import type { EmitterTable } from "./types";

/**
 * UpSampling2D, ZeroPadding2D and Cropping2D (shared/layers/spatial.ts). Padding and cropping
 * work in either layout (only the axis numbers move); Resize needs channels first, since
 * onnxruntime resizes only the two innermost axes (tf2onnx transposes for the same reason).
 */

/** The (H, W) axes of a rank-4 value in its layout: NCHW [2, 3], NHWC [1, 2]. */
const spatialAxes = (layout: string) => (layout === "channelsFirst" ? [2, 3] : [1, 2]);

export const spatialEmitters = {
  UpSampling2D: ({ params, inputs: [input], g, prefix }) => {
    const x = g.toLayout(input, "channelsFirst");
    const [sh, sw] = params.size.map((s) => s ?? 1);
    // tfjs resizes with alignCorners = false and halfPixelCenters = false: the source coordinate
    // is dst * in / out = dst / s, ONNX's "asymmetric" transform. Nearest takes floor of it
    // (tfjs' resizeNearestNeighbor kernel); bilinear interpolates there, clamped at the edge.
    const attributes: Record<string, Attribute> =
      params.interpolation === "nearest"
        ? {
            coordinate_transformation_mode: attr.s("asymmetric"),
            mode: attr.s("nearest"),
            nearest_mode: attr.s("floor"),
          }
        : { coordinate_transformation_mode: attr.s("asymmetric"), mode: attr.s("linear") };
    const scales = g.weight(`${prefix}/scales`, [4], [1, 1, sh, sw]);
    // Resize-13: inputs X, roi (unused here, so left out as ""), scales.
    return [g.like(x, g.op1("Resize", [x.name, "", scales], attributes, `${prefix}/Resize`))];
  },
  ZeroPadding2D: ({ params, inputs: [x], g, prefix }) => {
    const [top, bottom, left, right] = params.padding.map((v) => v ?? 0);
    // Pad-13 takes pads as an int64 input: every axis' begin, then every axis' end.
    const begins = [0, 0, 0, 0];
    const ends = [0, 0, 0, 0];
    const [h, w] = spatialAxes(x.layout);
    [begins[h], ends[h], begins[w], ends[w]] = [top, bottom, left, right];
    return [
      g.like(x, g.op1("Pad", [x.name, g.int64s([...begins, ...ends])], { mode: attr.s("constant") }, `${prefix}/Pad`)),
    ];
  },
  Cropping2D: ({ params, inputs: [x], g, prefix }) => {
    const [top, bottom, left, right] = params.cropping.map((v) => v ?? 0);
    // Ends count from the end (negative), so an unknown size needs no Shape op; a zero margin
    // slices to "the end", which Slice clamps from any large value.
    const end = (m: number) => (m > 0 ? -m : Number.MAX_SAFE_INTEGER);
    const y = g.op1(
      "Slice",
      [x.name, g.int64s([top, left]), g.int64s([end(bottom), end(right)]), g.int64s(spatialAxes(x.layout))],
      {},
      `${prefix}/Slice`,
    );
    return [g.like(x, y)];
  },
} satisfies Partial<EmitterTable>;
