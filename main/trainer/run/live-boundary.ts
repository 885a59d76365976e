import type * as tf from "@tensorflow/tfjs";
import { LIVE_BOUNDARY_RESOLUTION, type LiveBoundary } from "../../../shared/api/schemas/boundary";
import { EVALUATION_LIMITS } from "../../../shared/evaluation/report";
import { decisionThreshold, type TrainingConfig } from "../../../shared/training/config";
import type { TableStats } from "../../data/table/index";
import type { Perceptron } from "../layers/perceptron";
import type { PreparedData } from "./data";
import { decisionBoundary, IDENTITY_PLANE, type Plane, type PlaneInfo, toOriginal } from "./evaluate-boundary";

/** What a run needs to draw its boundary while it trains: its points in the user's units. */
export interface BoundarySource {
  classNames: string[] | null;
  xy: Float32Array;
  targets: number[];
  validation: { xy: Float32Array; targets: number[] } | null;
  kind: "class" | "value";
  axes: [string, string];
  plane: Plane;
}

/**
 * The boundary source of in-memory data whose samples are two numbers (inline 2-D data, a table
 * with two numeric features); null for anything else (images, sequences, several inputs).
 */
export function boundarySource(
  data: PreparedData,
  config: TrainingConfig,
  classNames?: string[],
): BoundarySource | null {
  if (Array.isArray(data.x) || data.x.rank !== 2 || data.x.shape[1] !== 2 || data.x.dtype !== "float32") return null;
  const width = data.y.rank === 2 ? (data.y.shape[1] ?? 1) : 1;
  const classes =
    data.y.dtype === "int32" ||
    width > 1 ||
    config.optimizer.type === "perceptron" ||
    /crossentropy|hinge/i.test(config.loss.type);
  const kind = classes ? "class" : "value";
  const info = data.plane;
  const plane = info?.plane ?? IDENTITY_PLANE;
  const part = (x: tf.Tensor, y: tf.Tensor) => ({
    xy: toOriginal(Float32Array.from(x.dataSync()), plane),
    targets: targetsOf(y, width, kind, config),
  });
  const train = part(data.x, data.y);
  const v = data.validation;
  return {
    ...train,
    validation: v && !Array.isArray(v.x) ? part(v.x, v.y) : null,
    kind,
    classNames: kind === "class" ? (classNames ?? info?.classNames ?? null) : null,
    axes: info?.axes ?? ["x1", "x2"],
    plane,
  };
}

/** Class ids (one-hot rows: the hot position; one output: above the label threshold) or values. */
function targetsOf(y: tf.Tensor, width: number, kind: "class" | "value", config: TrainingConfig): number[] {
  const values = y.dataSync();
  const out: number[] = [];
  const threshold = decisionThreshold(config.loss).label;
  for (let i = 0; i < values.length / width; i++) {
    const row = values.subarray(i * width, (i + 1) * width);
    if (kind === "value") out.push(row[0]);
    else if (y.dtype === "int32" && width === 1) out.push(row[0]);
    else if (width === 1) out.push(row[0] > threshold ? 1 : 0);
    else out.push(row.indexOf(Math.max(...row)));
  }
  return out;
}

/**
 * The model's boundary after `epoch` epochs (1-based) from its current weights, on the coarse live
 * grid over the training points' range, in the user's units; a Perceptron's line when given one.
 */
export function liveBoundary(
  model: tf.LayersModel,
  config: TrainingConfig,
  src: BoundarySource,
  epoch: number,
  perceptron: Perceptron | null = null,
): LiveBoundary {
  const b = decisionBoundary(model, config, src.xy, src.targets, src.kind, src.axes, {
    resolution: LIVE_BOUNDARY_RESOLUTION,
    plane: src.plane,
  });
  return {
    ...b,
    epoch,
    validation: src.validation ? samplePoints(src.validation.xy, src.validation.targets) : null,
    line: perceptron ? perceptronLine(perceptron, src.plane) : null,
    classNames: src.classNames,
  };
}

function samplePoints(xy: Float32Array, targets: number[]) {
  const n = xy.length / 2;
  const shown = Math.min(n, EVALUATION_LIMITS.boundaryPoints);
  const pick = Array.from({ length: shown }, (_, i) => Math.floor((i * n) / shown));
  return { x: pick.map((i) => xy[2 * i]), y: pick.map((i) => xy[2 * i + 1]), target: pick.map((i) => targets[i]) };
}

/**
 * A one-unit Perceptron's line in the user's units. The unit fires where w1 z1 + w2 z2 + b >=
 * threshold with z = (x - center) / scale, i.e. where (w1/s1) x1 + (w2/s2) x2 + b' >= 0 with
 * b' = b - threshold - w1 c1/s1 - w2 c2/s2. null when the layer has several units.
 */
export function perceptronLine(layer: Perceptron, plane: Plane): LiveBoundary["line"] {
  if (layer.units !== 1) return null;
  const [kernel, bias] = layer.getWeights().map((t) => t.dataSync());
  const w: [number, number] = [kernel[0] / plane.scale[0], kernel[1] / plane.scale[1]];
  const b = bias[0] - layer.threshold - w[0] * plane.center[0] - w[1] * plane.center[1];
  return { w, b };
}

/** Two numeric features (no one-hot columns): the plane the live boundary is drawn on. */
export function tablePlane(stats: TableStats): PlaneInfo | undefined {
  const [a, b] = stats.features;
  if (stats.features.length !== 2 || stats.featureNames.length !== 2 || a.categories || b.categories) return undefined;
  return {
    axes: [a.name, b.name],
    plane: { center: [a.center, b.center], scale: [a.scale, b.scale] },
    classNames: stats.label.classNames.length > 0 ? stats.label.classNames : undefined,
  };
}
