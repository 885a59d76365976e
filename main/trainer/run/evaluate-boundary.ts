import * as tf from "@tensorflow/tfjs";
import { type DecisionBoundary, EVALUATION_LIMITS } from "../../../shared/evaluation/report";
import type { TrainingConfig } from "../../../shared/training/config";
import { toProbabilities } from "./evaluate-outputs";

/**
 * How the model's two inputs relate to the user's units: model = (original - center) / scale per
 * axis (a table's standardization). The identity when the data were not normalized.
 */
export interface Plane {
  center: [number, number];
  scale: [number, number];
}

/** The plane of a two-feature table: its feature names and standardization. */
export interface PlaneInfo {
  axes: [string, string];
  plane: Plane;
  classNames?: string[];
}

export const IDENTITY_PLANE: Plane = { center: [0, 0], scale: [1, 1] };

/** A point from model units back to the user's units. */
export function toOriginal(xy: Float32Array, plane: Plane): Float32Array {
  const out = new Float32Array(xy.length);
  for (let i = 0; i < xy.length; i++) out[i] = xy[i] * plane.scale[i % 2] + plane.center[i % 2];
  return out;
}

/**
 * The model's answer on a grid over the plane of a two-feature input (the data's range plus a 5%
 * margin), with an even sample of the evaluated points to draw over it. "class" grids hold the
 * predicted class and its probability; "value" grids (regression) the first predicted value.
 * With a plane, `xy` and the result are in the user's units and the grid is standardized as the
 * model's inputs were before it is predicted.
 */
export function decisionBoundary(
  model: tf.LayersModel,
  config: TrainingConfig,
  xy: Float32Array,
  targets: ArrayLike<number>,
  kind: "class" | "value",
  axes: [string, string],
  opts: { resolution?: number; plane?: Plane } = {},
): DecisionBoundary {
  const n = xy.length / 2;
  const plane = opts.plane ?? IDENTITY_PLANE;
  const range = (axis: 0 | 1) => {
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    for (let i = axis; i < xy.length; i += 2) {
      min = Math.min(min, xy[i]);
      max = Math.max(max, xy[i]);
    }
    const pad = max > min ? (max - min) * 0.05 : 1;
    return { min: min - pad, max: max + pad };
  };
  const x = range(0);
  const y = range(1);
  const r = opts.resolution ?? EVALUATION_LIMITS.boundaryResolution;
  const grid = boundaryGrid(x, y, r);
  for (let i = 0; i < grid.length; i++) grid[i] = (grid[i] - plane.center[i % 2]) / plane.scale[i % 2];
  const out = tf.tidy(() => {
    const raw = model.predict(tf.tensor2d(grid, [r * r, 2])) as tf.Tensor;
    return { values: Float32Array.from(toProbabilities(raw, config).dataSync()), width: raw.shape.at(-1) ?? 1 };
  });
  const values: number[] = [];
  const confidence: number[] = [];
  for (let c = 0; c < r * r; c++) {
    const row = out.values.subarray(c * out.width, (c + 1) * out.width);
    if (kind === "value") values.push(round(row[0]));
    else if (out.width === 1) {
      values.push(row[0] > 0.5 ? 1 : 0);
      confidence.push(round(Math.max(row[0], 1 - row[0])));
    } else {
      let best = 0;
      for (let k = 1; k < row.length; k++) if (row[k] > row[best]) best = k;
      values.push(best);
      confidence.push(round(row[best]));
    }
  }
  const shown = Math.min(n, EVALUATION_LIMITS.boundaryPoints);
  const pick = Array.from({ length: shown }, (_, i) => Math.floor((i * n) / shown));
  return {
    axes,
    x,
    y,
    resolution: r,
    kind,
    values,
    ...(kind === "class" ? { confidence } : {}),
    points: {
      x: pick.map((i) => xy[2 * i]),
      y: pick.map((i) => xy[2 * i + 1]),
      target: pick.map((i) => targets[i]),
    },
  };
}

/** The r x r grid's points (row-major from (x.min, y.min), x fastest), as [x, y] pairs. */
export function boundaryGrid(x: Range, y: Range, r: number): Float32Array {
  const grid = new Float32Array(r * r * 2);
  for (let j = 0; j < r; j++)
    for (let i = 0; i < r; i++) {
      grid[2 * (j * r + i)] = x.min + ((x.max - x.min) * i) / (r - 1);
      grid[2 * (j * r + i) + 1] = y.min + ((y.max - y.min) * j) / (r - 1);
    }
  return grid;
}

interface Range {
  min: number;
  max: number;
}

const round = (v: number) => Math.round(v * 1e4) / 1e4;
