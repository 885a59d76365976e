import type { TableSource } from "../../../shared/datasets/sources/table";
import type { ColumnType } from "../../../shared/datasets/summary";
import { DataError } from "../errors";
import type { ResolvedColumn } from "./infer";
import type { ColumnValues } from "./values";

/**
 * Preprocessing fitted on the training rows: fill values, categories and normalization. Plain
 * JSON, saved with the run and applied unchanged to validation, test and prediction rows.
 */
export interface FeatureStat {
  name: string;
  type: ColumnType;
  unit?: string;
  stripUnit: boolean;
  /** Categorical: the training categories in sorted order (one-hot position or ordinal code). */
  categories?: string[];
  encoding?: "onehot" | "ordinal";
  /** Replaces a missing cell: a number, or a category. */
  fill: number | string;
  /** Numeric and date features: x' = (x - center) / scale (0 and 1 when not normalized). */
  center: number;
  scale: number;
}

export interface TableStats {
  format: "netforge.tableStats";
  version: 1;
  task: "classification" | "regression";
  label: { name: string; type: ColumnType; classNames: string[] };
  features: FeatureStat[];
  /** Names after encoding, one per feature value: "color=red" for one-hot columns. */
  featureNames: string[];
  normalization: TableSource["normalization"];
  missing: TableSource["missing"];
  /** Rows the statistics were fitted on. */
  fittedRows: number;
}

function numericSummary(values: number[]): {
  mean: number;
  median: number;
  mode: number;
  min: number;
  max: number;
  std: number;
} {
  const n = values.length;
  const sorted = Float64Array.from(values).sort();
  let sum = 0;
  for (const v of sorted) sum += v;
  const mean = sum / n;
  let sq = 0;
  for (const v of sorted) sq += (v - mean) ** 2;
  const median = n % 2 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  // Mode: the most frequent value, the smallest on ties (sorted input keeps runs contiguous).
  let mode = sorted[0];
  let best = 0;
  for (let i = 0, run = 0; i < n; i++) {
    run = i > 0 && sorted[i] === sorted[i - 1] ? run + 1 : 1;
    if (run > best) [best, mode] = [run, sorted[i]];
  }
  // Population standard deviation, as scikit-learn's StandardScaler uses.
  return { mean, median, mode, min: sorted[0], max: sorted[n - 1], std: Math.sqrt(sq / n) };
}

function modeOf(values: string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0][0];
}

/** Fits one feature on the training rows (`train` indexes `values`). */
export function fitFeature(
  col: ResolvedColumn,
  values: ColumnValues,
  train: ArrayLike<number>,
  source: TableSource,
  path: string,
): FeatureStat {
  const base = { name: col.name, type: col.type, ...(col.unit ? { unit: col.unit } : {}), stripUnit: col.stripUnit };
  const { strategy, value } = source.missing;
  if (values.kind === "string") {
    const present: string[] = [];
    for (let i = 0; i < train.length; i++) {
      const v = values.values[train[i]];
      if (v !== null) present.push(v);
    }
    const fill = strategy === "constant" ? String(value) : present.length > 0 ? modeOf(present) : "";
    const categories = [...new Set(present)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return { ...base, categories, encoding: col.encoding, fill, center: 0, scale: 1 };
  }
  const present: number[] = [];
  for (let i = 0; i < train.length; i++) {
    const v = values.values[train[i]];
    if (!Number.isNaN(v)) present.push(v);
  }
  if (strategy === "constant" && typeof value !== "number") {
    throw new DataError(
      "E_TABLE_OPTION",
      `missing.value for the ${col.type} column ${JSON.stringify(col.name)} must be a number, received ${JSON.stringify(value)}`,
      path,
    );
  }
  if (present.length === 0)
    return { ...base, fill: strategy === "constant" ? (value as number) : 0, center: 0, scale: 1 };
  const s = numericSummary(present);
  // Booleans have no meaningful mean or median: any fill other than a constant takes the mode.
  const fill =
    strategy === "constant"
      ? (value as number)
      : col.type === "boolean" || strategy === "mode"
        ? s.mode
        : strategy === "median"
          ? s.median
          : s.mean;
  let center = 0;
  let scale = 1;
  if (col.type !== "boolean" && source.normalization === "standardize") {
    // Statistics of the filled training column, so filled cells land where the fill value does.
    const filled = present.concat(new Array(train.length - present.length).fill(fill));
    const f = numericSummary(filled);
    [center, scale] = [f.mean, f.std || 1];
  } else if (col.type !== "boolean" && source.normalization === "minmax") {
    const lo = Math.min(s.min, fill);
    const hi = Math.max(s.max, fill);
    [center, scale] = [lo, hi - lo || 1];
  }
  return { ...base, fill, center, scale };
}

export function featureNamesOf(features: FeatureStat[]): string[] {
  return features.flatMap((f) =>
    f.categories && f.encoding === "onehot" ? f.categories.map((c) => `${f.name}=${c}`) : [f.name],
  );
}
