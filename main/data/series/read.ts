import {
  type TimeSeriesSource,
  type TimeSeriesSourceInput,
  TimeSeriesSourceSchema,
} from "../../../shared/datasets/sources/time-series";
import type { DataWarning } from "../../../shared/datasets/summary";
import { DataError } from "../errors";
import { isMissing, parseNumber } from "../table/cells";
import { parseTable, readTableText } from "../table/parse";

export interface SeriesData {
  path: string;
  /** All column names of the file, and which of them are numeric (majority of cells). */
  names: string[];
  numeric: boolean[];
  /** The chosen feature columns, by name, and their values per time step (oldest first). */
  features: string[];
  values: Float64Array[];
  target: string;
  targetValues: Float64Array;
  steps: number;
  truncated: boolean;
  fileSize: number;
  bytes: number;
  /** The first rows as text, for the preview. */
  head: string[][];
  warnings: DataWarning[];
}

/**
 * Reads a series file read-only, whole or its head. Every cell of a chosen column must be a number:
 * a missing or non-numeric step is an error naming its row and column, not a skipped row, since
 * dropping a step would silently join two points that are not neighbours in time.
 */
export async function readSeries(input: TimeSeriesSourceInput, maxBytes?: number): Promise<SeriesData> {
  const s: TimeSeriesSource = TimeSeriesSourceSchema.parse(input);
  const file = await readTableText(s.path, maxBytes);
  const table = parseTable(file.text, s.path, { delimiter: "auto", header: "auto", truncated: file.truncated });
  const numeric = table.names.map((_, c) => {
    const cells = table.rows.map((r) => r[c]).filter((v) => !isMissing(v));
    return cells.length > 0 && cells.filter((v) => !Number.isNaN(parseNumber(v))).length * 2 > cells.length;
  });
  const features = s.columns ?? table.names.filter((_, c) => numeric[c]);
  if (features.length === 0) {
    throw new DataError(
      "E_SERIES_COLUMN",
      `expected at least one numeric column; received columns ${table.names.map((n, c) => `${n} (${numeric[c] ? "numeric" : "not numeric"})`).join(", ")}`,
      s.path,
    );
  }
  const target = s.target ?? features[0];
  const read = (name: string, option: string): Float64Array => {
    const c = table.names.indexOf(name);
    if (c < 0) {
      throw new DataError(
        "E_SERIES_COLUMN",
        `${option} "${name}" is not a column; the file has: ${table.names.join(", ")}`,
        s.path,
      );
    }
    return Float64Array.from(table.rows, (row, r) => {
      const v = parseNumber(row[c]);
      if (Number.isNaN(v)) {
        throw new DataError(
          "E_SERIES_VALUE",
          `expected a number in every step of column "${name}"; received ${isMissing(row[c]) ? "a missing value" : JSON.stringify(row[c])}`,
          `${s.path}, row ${table.rowNumbers[r]}, column "${name}"`,
        );
      }
      return v;
    });
  };
  const values = features.map((f) => read(f, "columns entry"));
  const fi = features.indexOf(target);
  return {
    path: s.path,
    names: table.names,
    numeric,
    features,
    values,
    target,
    targetValues: fi >= 0 ? values[fi] : read(target, "target"),
    steps: table.rows.length,
    truncated: file.truncated,
    fileSize: file.fileSize,
    bytes: file.bytes,
    head: table.rows.slice(0, 5),
    warnings: table.warnings,
  };
}
