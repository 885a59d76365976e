import * as tf from "@tensorflow/tfjs";
import { Cropping2D } from "../../layers/cropping2d";
import { applyLayer } from "../apply";
import type { BuilderTable } from "../types";

/**
 * Builders for UpSampling2D, ZeroPadding2D and Cropping2D (shared/layers/spatial.ts). Margins are
 * flat [top, bottom, left, right] in the spec and [[top, bottom], [left, right]] in tfjs.
 * UpSampling2D(nearest) trains correctly on cpu only with the ResizeNearestNeighborGrad patch
 * (kernels/resize-nearest-grad.ts).
 */
const margins = (m: readonly (number | null)[]): [[number, number], [number, number]] => {
  const [t, b, l, r] = m.map((v) => v ?? 0);
  return [
    [t, b],
    [l, r],
  ];
};

export const spatialBuilders = {
  UpSampling2D: ({ params, inputs, name }) =>
    applyLayer(
      tf.layers.upSampling2d({
        name,
        size: params.size.map((s) => s ?? 1),
        interpolation: params.interpolation,
      }),
      inputs,
    ),
  ZeroPadding2D: ({ params, inputs, name }) =>
    applyLayer(tf.layers.zeroPadding2d({ name, padding: margins(params.padding) }), inputs),
  // tfjs' Cropping2D reports a negative size for an unknown height or width.
  Cropping2D: ({ params, inputs, name }) =>
    applyLayer(new Cropping2D({ name, cropping: params.cropping.map((v) => v ?? 0) }), inputs),
} satisfies Partial<BuilderTable>;
