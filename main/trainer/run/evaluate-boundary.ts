import * as tf from "@tensorflow/tfjs";
import { type DecisionBoundary, EVALUATION_LIMITS } from "../../../shared/evaluation/report";
import type { TrainingConfig } from "../../../shared/training/config";
import { toProbabilities } from "./evaluate-outputs";

/**
 * The model's answer on a grid over the plane of a two-feature input (the data's range plus a 5%
 * margin), with an even sample of the evaluated points to draw over it. "class" grids hold the
 * predicted class and its probability; "value" grids (regression) the first predicted value.
 */
export function decisionBoundary(
  model: tf.LayersModel,
  config: TrainingConfig,
  xy: Float32Array,
  targets: ArrayLike<number>,
  kind: "class" | "value",
  axes: [string, string],
): DecisionBoundary {
  const n = xy.length / 2;
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
  const r = EVALUATION_LIMITS.boundaryResolution;
  const grid = new Float32Array(r * r * 2);
  for (let j = 0; j < r; j++)
    for (let i = 0; i < r; i++) {
      grid[2 * (j * r + i)] = x.min + ((x.max - x.min) * i) / (r - 1);
      grid[2 * (j * r + i) + 1] = y.min + ((y.max - y.min) * j) / (r - 1);
    }
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

const round = (v: number) => Math.round(v * 1e4) / 1e4;
