import { type TableSource, type TableSourceInput, TableSourceSchema } from "../../../shared/datasets/sources/table";
import type { DataWarning } from "../../../shared/datasets/summary";
import { DataError } from "../errors";
import { noFeaturesError, type ResolvedColumn, resolveColumns, resolveTask } from "./infer";
import { parseTable, readTableText } from "./parse";
import { type FeatureStat, featureNamesOf, fitFeature, type TableStats } from "./stats";
import { type BadCell, badCellWarning, type ColumnValues, classIdsOf, classNamesOf, readColumn } from "./values";

/** A table read and typed, before any statistic is fitted: the split is chosen on these rows. */
export interface TableRows {
  path: string;
  source: TableSource;
  features: ResolvedColumn[];
  label: ResolvedColumn;
  task: "classification" | "regression";
  /** One entry per feature column, in `features` order, one value per kept row. */
  values: ColumnValues[];
  /** Class ids (classification) or target values (regression), one per kept row. */
  labels: Int32Array | Float32Array;
  /** Index = class id; empty for regression. */
  classNames: string[];
  /** The file's 1-based record number of each kept row (header = 1). */
  rowNumbers: Int32Array;
  warnings: DataWarning[];
  report: { rowsRead: number; labelMissingDropped: number; missingDropped: number };
}

export interface EncodedTable {
  /** Row-major [rows, featureNames.length]. */
  features: Float32Array;
  shape: [number, number];
  featureNames: string[];
  labels: Int32Array | Float32Array;
  classNames: string[];
  task: "classification" | "regression";
  stats: TableStats;
  warnings: DataWarning[];
  /** Missing cells filled, per column name. */
  filled: Record<string, number>;
}

/**
 * Reads the whole table (read-only), types its columns, encodes labels and drops unusable rows.
 * `unlabeled` (a GAN's real samples): unless the spec names a label, no column is one; the default
 * label (the last column) is a feature like the others and `labels` is all zeros.
 */
export async function readTable(input: TableSourceInput, opts: { unlabeled?: boolean } = {}): Promise<TableRows> {
  const source = TableSourceSchema.parse(input);
  const { path } = source;
  const { text } = await readTableText(path);
  const parsed = parseTable(text, path, { delimiter: source.delimiter, header: source.header });
  const resolved = resolveColumns(parsed.names, parsed.rows, source, path);
  const { label, warnings: resolveWarnings } = resolved;
  const named = source.label !== undefined || source.columns.some((c) => c.role === "label");
  const unlabeled = opts.unlabeled === true && !named;
  const sampled = (c: ResolvedColumn) => c.role === "feature" || (c.role === "label" && c.type !== "text");
  const features = unlabeled ? resolved.columns.filter(sampled) : resolved.features;
  const warnings = [...parsed.warnings, ...resolveWarnings];
  if (features.length === 0) throw noFeaturesError(label, path);
  const read = (col: ResolvedColumn) => {
    const bad: BadCell[] = [];
    const v = readColumn(parsed.rows, col, parsed.rowNumbers, bad);
    if (bad.length > 0) warnings.push(badCellWarning(col, bad, path));
    return v;
  };
  const featureValues = features.map(read);
  const labelValues: ColumnValues = unlabeled
    ? { kind: "number", values: new Float64Array(parsed.rows.length) }
    : read(label);
  const task = unlabeled
    ? "regression"
    : resolveTask(label, labelValues.kind === "number" ? labelValues.values : null, source, path);

  const n = parsed.rows.length;
  const missingAt = (v: ColumnValues, r: number) =>
    v.kind === "number" ? Number.isNaN(v.values[r]) : v.values[r] === null;
  const keep: number[] = [];
  let labelMissingDropped = 0;
  let missingDropped = 0;
  for (let r = 0; r < n; r++) {
    if (missingAt(labelValues, r)) labelMissingDropped++;
    else if (source.missing.strategy === "drop" && featureValues.some((v) => missingAt(v, r))) missingDropped++;
    else keep.push(r);
  }
  if (labelMissingDropped > 0) {
    warnings.push({
      code: "W_TABLE_LABEL_MISSING",
      message: `dropped ${labelMissingDropped} row(s) without a label in ${JSON.stringify(label.name)}`,
      where: `${path}, column ${label.name}`,
    });
  }
  if (missingDropped > 0) {
    warnings.push({
      code: "W_TABLE_MISSING_DROPPED",
      message: `dropped ${missingDropped} of ${n} row(s) with a missing or unreadable feature (missing.strategy "drop")`,
      where: path,
    });
  }
  if (keep.length === 0) {
    throw new DataError(
      "E_TABLE_EMPTY",
      `no row is left after dropping rows with missing values (${n} read); choose a fill strategy for missing values`,
      path,
    );
  }
  const pick = (v: ColumnValues): ColumnValues =>
    v.kind === "number"
      ? { kind: "number", values: Float64Array.from(keep, (r) => v.values[r]) }
      : { kind: "string", values: keep.map((r) => v.values[r]) };
  const kept = pick(labelValues);
  let labels: Int32Array | Float32Array;
  let classNames: string[] = [];
  if (task === "classification") {
    classNames = classNamesOf(label, kept);
    if (classNames.length < 2) {
      throw new DataError(
        "E_TABLE_SINGLE_CLASS",
        `classification needs at least 2 classes; label ${JSON.stringify(label.name)} holds only ${JSON.stringify(classNames[0])}`,
        `${path}, column ${label.name}`,
      );
    }
    labels = classIdsOf(label, kept, classNames);
  } else {
    labels = Float32Array.from(kept.values as Float64Array);
  }
  return {
    path,
    source,
    features,
    label,
    task,
    values: featureValues.map(pick),
    labels,
    classNames,
    rowNumbers: Int32Array.from(keep, (r) => parsed.rowNumbers[r]),
    warnings,
    report: { rowsRead: n, labelMissingDropped, missingDropped },
  };
}

/**
 * Fits preprocessing on the training rows only (indices into `rows`; default: all rows) and
 * encodes every row with it, so validation and test rows never influence the statistics.
 */
export function encodeTable(rows: TableRows, trainRows?: ArrayLike<number>): EncodedTable {
  const n = rows.labels.length;
  const train = trainRows ?? Int32Array.from({ length: n }, (_, i) => i);
  if (train.length === 0)
    throw new DataError("E_TABLE_OPTION", "expected at least one training row, received none", rows.path);
  for (let i = 0; i < train.length; i++) {
    if (!(train[i] >= 0 && train[i] < n && Number.isInteger(train[i]))) {
      throw new DataError("E_TABLE_OPTION", `training row index ${train[i]} is outside 0..${n - 1}`, rows.path);
    }
  }
  const features: FeatureStat[] = rows.features.map((col, i) =>
    fitFeature(col, rows.values[i], train, rows.source, rows.path),
  );
  const stats: TableStats = {
    format: "netforge.tableStats",
    version: 1,
    task: rows.task,
    label: { name: rows.label.name, type: rows.label.type, classNames: rows.classNames },
    features,
    featureNames: featureNamesOf(features),
    normalization: rows.source.normalization,
    missing: rows.source.missing,
    fittedRows: train.length,
  };
  const applied = applyTableStats(rows, stats);
  const warnings = [...rows.warnings];
  const filledCols = Object.entries(applied.filled).filter(([, k]) => k > 0);
  if (filledCols.length > 0) {
    const total = filledCols.reduce((a, [, k]) => a + k, 0);
    warnings.push({
      code: "W_TABLE_MISSING_FILLED",
      message: `filled ${total} missing cell(s) (missing.strategy "${rows.source.missing.strategy}"): ${filledCols.map(([c, k]) => `${c}: ${k}`).join(", ")}`,
      where: rows.path,
    });
  }
  return { ...applied, labels: rows.labels, classNames: rows.classNames, task: rows.task, stats, warnings };
}

/** Encodes rows with saved statistics (validation, test, prediction), fitting nothing. */
export function applyTableStats(
  rows: TableRows,
  stats: TableStats,
): Pick<EncodedTable, "features" | "shape" | "featureNames" | "filled"> {
  const n = rows.labels.length;
  const width = stats.featureNames.length;
  const out = new Float32Array(n * width);
  const filled: Record<string, number> = {};
  let offset = 0;
  for (const f of stats.features) {
    const i = rows.features.findIndex((c) => c.name === f.name);
    if (i < 0 || rows.features[i].type !== f.type) {
      throw new DataError(
        "E_TABLE_STATS",
        `the saved statistics expect a ${f.type} feature column ${JSON.stringify(f.name)}; this table ${i < 0 ? "has none" : `reads it as ${rows.features[i].type}`}`,
        rows.path,
      );
    }
    const v = rows.values[i];
    let holes = 0;
    if (v.kind === "number") {
      for (let r = 0; r < n; r++) {
        let x = v.values[r];
        if (Number.isNaN(x)) [x, holes] = [f.fill as number, holes + 1];
        out[r * width + offset] = (x - f.center) / f.scale;
      }
      offset += 1;
    } else {
      const cats = new Map((f.categories ?? []).map((c, k) => [c, k]));
      const onehot = f.encoding === "onehot";
      for (let r = 0; r < n; r++) {
        let c = v.values[r];
        if (c === null) [c, holes] = [String(f.fill), holes + 1];
        // A category unseen in training: all zeros (one-hot) or -1 (ordinal).
        const k = cats.get(c) ?? -1;
        if (onehot) {
          if (k >= 0) out[r * width + offset + k] = 1;
        } else out[r * width + offset] = k;
      }
      offset += onehot ? cats.size : 1;
    }
    filled[f.name] = holes;
  }
  return { features: out, shape: [n, width], featureNames: stats.featureNames, filled };
}

/** readTable + encodeTable; `pickTrain` chooses the training rows from the labels (e.g. a split). */
export async function loadTable(
  input: TableSourceInput,
  pickTrain?: (labels: Int32Array | Float32Array) => ArrayLike<number>,
): Promise<EncodedTable> {
  const rows = await readTable(input);
  return encodeTable(rows, pickTrain?.(rows.labels));
}
