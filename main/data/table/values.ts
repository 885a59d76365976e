import type { DataWarning } from "../../../shared/datasets/summary";
import { isMissing, parseBoolean, parseDate, parseNumber, parseUnitNumber } from "./cells";
import type { ResolvedColumn } from "./infer";

/** A column's cells read by its type: numbers (NaN = missing) or category strings (null = missing). */
export type ColumnValues = { kind: "number"; values: Float64Array } | { kind: "string"; values: (string | null)[] };

export interface BadCell {
  row: number;
  value: string;
}

/**
 * Reads one column. Numeric, date and boolean cells become numbers (dates as days since 1970,
 * booleans as 0/1); a cell that does not fit the type is collected in `bad` and read as missing.
 */
export function readColumn(
  rows: string[][],
  col: ResolvedColumn,
  rowNumbers: Int32Array,
  bad: BadCell[],
): ColumnValues {
  const n = rows.length;
  if (col.type === "categorical" || col.type === "text") {
    const values = new Array<string | null>(n);
    for (let r = 0; r < n; r++) {
      const c = rows[r][col.index];
      values[r] = isMissing(c) ? null : c.trim();
    }
    return { kind: "string", values };
  }
  const parse = col.type === "boolean" ? parseBoolean : col.type === "date" ? parseDate : parseNumber;
  const strip = col.type === "numeric" && col.stripUnit && col.unit !== undefined;
  const values = new Float64Array(n);
  for (let r = 0; r < n; r++) {
    const c = rows[r][col.index];
    if (isMissing(c)) {
      values[r] = Number.NaN;
      continue;
    }
    let v = parse(c);
    if (Number.isNaN(v) && strip) v = parseUnitNumber(c)?.value ?? Number.NaN;
    if (Number.isNaN(v)) bad.push({ row: rowNumbers[r], value: c });
    values[r] = v;
  }
  return { kind: "number", values };
}

/** One warning per column with cells that do not fit its type: count, then the first few cells. */
export function badCellWarning(col: ResolvedColumn, bad: BadCell[], path: string): DataWarning {
  const list = bad
    .slice(0, 5)
    .map((b) => `row ${b.row}: ${JSON.stringify(b.value)}`)
    .join(", ");
  return {
    code: col.type === "numeric" ? "W_TABLE_NON_NUMERIC" : "W_TABLE_BAD_CELL",
    message: `column ${JSON.stringify(col.name)} is ${col.type}${col.unit ? ` (unit ${col.unit})` : ""}; ${bad.length} cell(s) are not and are read as missing: ${list}${bad.length > 5 ? ", ..." : ""}`,
    where: `${path}, column ${col.name}, row ${bad[0].row}`,
  };
}

/** Class names in a stable order: numbers numerically, booleans false < true, strings by code unit. */
export function classNamesOf(label: ResolvedColumn, values: ColumnValues): string[] {
  if (values.kind === "string") {
    const set = new Set<string>();
    for (const v of values.values) if (v !== null) set.add(v);
    return [...set].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }
  const set = new Set<number>();
  for (const v of values.values) if (!Number.isNaN(v)) set.add(v);
  const sorted = [...set].sort((a, b) => a - b);
  return label.type === "boolean" ? sorted.map((v) => (v ? "true" : "false")) : sorted.map(String);
}

/** Class id per row (-1 for a missing label). */
export function classIdsOf(label: ResolvedColumn, values: ColumnValues, classNames: string[]): Int32Array {
  const ids = new Map(classNames.map((name, i) => [name, i]));
  const out = new Int32Array(values.values.length);
  for (let r = 0; r < out.length; r++) {
    const v = values.values[r];
    const key =
      values.kind === "string"
        ? v
        : Number.isNaN(v as number)
          ? null
          : label.type === "boolean"
            ? v
              ? "true"
              : "false"
            : String(v);
    out[r] = key === null ? -1 : (ids.get(key as string) ?? -1);
  }
  return out;
}
