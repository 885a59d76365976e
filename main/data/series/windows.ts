import type { TimeSeriesSource } from "../../../shared/datasets/sources/time-series";
import type { SplitIndices } from "../../../shared/datasets/split-indices";
import { DataError } from "../errors";
import type { SeriesData } from "./read";

/** value' = (value - offset) / scale; saved with the run so predictions can be scaled back. */
export interface ColumnScale {
  name: string;
  offset: number;
  scale: number;
}

export interface SeriesWindows {
  /** [windows, lookback, features] and [windows, horizon], row-major. */
  x: Float32Array;
  xShape: [number, number, number];
  y: Float32Array;
  yShape: [number, number];
  /** Window indices of each part, in time order. */
  parts: SplitIndices;
  /** Steps (after differencing) the scaling was fitted on: [0, fittedSteps). */
  fittedSteps: number;
  features: ColumnScale[];
  target: ColumnScale;
}

type Layout = Pick<TimeSeriesSource, "lookback" | "horizon" | "differencing" | "scaling">;

/**
 * Windows a series in time order and cuts it chronologically: [train | gap | validation | gap |
 * test], with the last fractions held out. Window i reads steps [i, i+lookback) and predicts the
 * target at [i+lookback, i+lookback+horizon). A gap of horizon-1 windows before each held-out part
 * keeps every training target before the first held-out target, and the scaling is fitted on
 * exactly the steps the training windows touch, so nothing from validation or test leaks in.
 */
export function windowSeries(
  data: SeriesData,
  layout: Layout,
  split: { validation: number; test: number },
): SeriesWindows {
  const diff = (v: Float64Array) => (layout.differencing ? difference(v) : v);
  const cols = data.values.map(diff);
  const target = diff(data.targetValues);
  const steps = target.length;
  const { lookback, horizon } = layout;
  const windows = steps - lookback - horizon + 1;
  if (windows < 1) {
    const need = lookback + horizon + (layout.differencing ? 1 : 0);
    throw new DataError(
      "E_SERIES_SHORT",
      `expected at least lookback + horizon${layout.differencing ? " + 1 (differencing)" : ""} = ${need} steps; received ${data.steps}`,
      data.path,
    );
  }
  const gap = horizon - 1;
  const nTest = Math.round(windows * split.test);
  const nVal = Math.round(windows * split.validation);
  const testStart = windows - nTest;
  const valEnd = nTest > 0 ? testStart - gap : windows;
  const valStart = valEnd - nVal;
  const trainEnd = nVal > 0 ? valStart - gap : valEnd;
  if (trainEnd < 1 || valStart < 0) {
    throw new DataError(
      "E_SERIES_SHORT",
      `${windows} window(s) of ${lookback} + ${horizon} steps leave none for training after holding out ${nVal} for validation and ${nTest} for test (with gaps of ${gap}); use a longer series or smaller fractions`,
      data.path,
    );
  }
  const range = (a: number, b: number) => Array.from({ length: Math.max(0, b - a) }, (_, i) => a + i);
  const parts = { train: range(0, trainEnd), validation: range(valStart, valEnd), test: range(testStart, windows) };
  const fittedSteps = trainEnd - 1 + lookback + horizon;
  const fitScale = (name: string, v: Float64Array): ColumnScale =>
    scaleOf(name, v.subarray(0, fittedSteps), layout.scaling);
  const features = cols.map((v, c) => fitScale(data.features[c], v));
  const targetScale = fitScale(data.target, target);
  const F = cols.length;
  const x = new Float32Array(windows * lookback * F);
  const y = new Float32Array(windows * horizon);
  for (let w = 0; w < windows; w++) {
    for (let t = 0; t < lookback; t++) {
      for (let c = 0; c < F; c++) x[(w * lookback + t) * F + c] = scaleValue(cols[c][w + t], features[c]);
    }
    for (let h = 0; h < horizon; h++) y[w * horizon + h] = scaleValue(target[w + lookback + h], targetScale);
  }
  return {
    x,
    xShape: [windows, lookback, F],
    y,
    yShape: [windows, horizon],
    parts,
    fittedSteps,
    features,
    target: targetScale,
  };
}

/** First differences v[t+1] - v[t], one step shorter: the model then sees changes, not levels. */
export function difference(v: Float64Array): Float64Array {
  return v.subarray(1).map((x, t) => x - v[t]);
}

/** A step's value as the windows hold it, with its column's saved scale. */
export const scaleValue = (v: number, s: ColumnScale): number => (v - s.offset) / s.scale;

/**
 * One window of raw steps as the model reads it, as windowSeries builds each training window:
 * `columns` holds each feature's raw values (oldest first, lookback steps, one more with
 * differencing), differenced, then scaled with the run's saved scales; [lookback, features] row-major.
 */
export function encodeWindow(columns: Float64Array[], features: ColumnScale[], differencing: boolean): Float32Array {
  const cols = columns.map((v) => (differencing ? difference(v) : v));
  const F = cols.length;
  const lookback = cols[0]?.length ?? 0;
  const x = new Float32Array(lookback * F);
  for (let t = 0; t < lookback; t++) for (let c = 0; c < F; c++) x[t * F + c] = scaleValue(cols[c][t], features[c]);
  return x;
}

/**
 * A forecast as the model answers it (scaled, and differenced when the run was) back in the
 * target's units: y * scale + offset; with differencing (`last` = the window's last raw target
 * value), the changes summed onto it step by step, the inverse of windowSeries' targets.
 */
export function forecastInUnits(y: ArrayLike<number>, target: ColumnScale, last: number | null): number[] {
  let level = last ?? 0;
  return Array.from(y, (v) => {
    const value = v * target.scale + target.offset;
    if (last === null) return value;
    level += value;
    return level;
  });
}

function scaleOf(name: string, v: Float64Array, kind: Layout["scaling"]): ColumnScale {
  if (kind === "none" || v.length === 0) return { name, offset: 0, scale: 1 };
  if (kind === "minmax") {
    let [lo, hi] = [Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];
    for (const x of v) [lo, hi] = [Math.min(lo, x), Math.max(hi, x)];
    return { name, offset: lo, scale: hi > lo ? hi - lo : 1 };
  }
  let mean = 0;
  for (const x of v) mean += x;
  mean /= v.length;
  let ss = 0;
  for (const x of v) ss += (x - mean) ** 2;
  const std = Math.sqrt(ss / v.length); // population std, as sklearn's StandardScaler
  return { name, offset: mean, scale: std > 0 ? std : 1 };
}
