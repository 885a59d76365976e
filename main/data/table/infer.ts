import type { TableColumn, TableSource } from "../../../shared/datasets/sources/table";
import type { ColumnType, DataWarning } from "../../../shared/datasets/summary";
import { DataError } from "../errors";
import { isMissing, parseBoolean, parseDate, parseNumber, parseUnitNumber } from "./cells";

/** What the cells of one column look like, from a sample of rows. */
export interface ColumnGuess {
  type: ColumnType;
  /** The (most common) unit suffix of a numeric column, e.g. "hr". */
  unit?: string;
  /** All units seen when there is more than one. */
  units?: string[];
}

/** Inference looks at this many rows at most (the head of the table). */
export const INFER_ROWS = 10_000;
/** A column is numeric (etc.) when this share of its non-missing cells parse; the rest are reported. */
const MAJORITY = 0.9;

export function guessColumn(cells: string[]): ColumnGuess {
  const present = cells.slice(0, INFER_ROWS).filter((c) => !isMissing(c));
  const n = present.length;
  if (n === 0) return { type: "text" };
  let numbers = 0;
  let booleans = 0;
  let dates = 0;
  const units = new Map<string, number>();
  for (const c of present) {
    // A number is neither a boolean word nor a date: skip those checks (probing speed).
    if (!Number.isNaN(parseNumber(c))) {
      numbers++;
      continue;
    }
    const u = parseUnitNumber(c);
    if (u) units.set(u.unit, (units.get(u.unit) ?? 0) + 1);
    else if (!Number.isNaN(parseBoolean(c))) booleans++;
    else if (!Number.isNaN(parseDate(c))) dates++;
  }
  const withUnit = [...units.values()].reduce((a, b) => a + b, 0);
  if (withUnit > 0 && numbers + withUnit >= MAJORITY * n) {
    const sorted = [...units].sort((a, b) => b[1] - a[1]);
    // Unit-like suffixes are short; "3rd street" style labels are not numbers with units.
    if (sorted[0][0].length <= 6) {
      return { type: "numeric", unit: sorted[0][0], ...(sorted.length > 1 ? { units: sorted.map((u) => u[0]) } : {}) };
    }
  }
  if (numbers >= MAJORITY * n) return { type: "numeric" };
  if (booleans === n) return { type: "boolean" };
  if (dates >= MAJORITY * n) return { type: "date" };
  const distinct = new Set(present.map((c) => c.trim())).size;
  const meanLength = present.reduce((a, c) => a + c.length, 0) / n;
  // Few distinct short values are categories; many distinct or long values are free text.
  // In a small sample, all-distinct longer strings ("a long comment") are text, not categories.
  const fewValues = n < 20 ? distinct < n || meanLength <= 20 : distinct <= 0.5 * n;
  const categorical = distinct <= 50 && fewValues && meanLength <= 40;
  return { type: categorical ? "categorical" : "text" };
}

/** A column with its final type, role and options (inference merged with the spec's overrides). */
export interface ResolvedColumn {
  name: string;
  /** Index of the column in the parsed rows. */
  index: number;
  type: ColumnType;
  role: "feature" | "label" | "ignore";
  unit?: string;
  units?: string[];
  stripUnit: boolean;
  encoding: "onehot" | "ordinal";
}

export interface Resolved {
  columns: ResolvedColumn[];
  label: ResolvedColumn;
  features: ResolvedColumn[];
  warnings: DataWarning[];
}

export function resolveColumns(names: string[], rows: string[][], source: TableSource, path: string): Resolved {
  const warnings: DataWarning[] = [];
  const overrides = new Map<string, TableColumn>();
  for (const o of source.columns) {
    if (!names.includes(o.name)) {
      throw new DataError(
        "E_TABLE_COLUMN",
        `column override ${JSON.stringify(o.name)} names no column; the columns are ${names.map((n) => JSON.stringify(n)).join(", ")}`,
        path,
      );
    }
    overrides.set(o.name, o);
  }
  const labelOverrides = source.columns.filter((o) => o.role === "label").map((o) => o.name);
  if (
    labelOverrides.length > 1 ||
    (source.label && labelOverrides.length === 1 && labelOverrides[0] !== source.label)
  ) {
    throw new DataError(
      "E_TABLE_OPTION",
      `expected one label column, received ${[source.label, ...labelOverrides].filter(Boolean).join(" and ")}`,
      path,
    );
  }
  const labelName = source.label ?? labelOverrides[0] ?? names[names.length - 1];
  if (!names.includes(labelName)) {
    throw new DataError(
      "E_TABLE_COLUMN",
      `label ${JSON.stringify(labelName)} names no column; the columns are ${names.map((n) => JSON.stringify(n)).join(", ")}`,
      path,
    );
  }
  if (overrides.get(labelName)?.role === "ignore" || overrides.get(labelName)?.role === "feature") {
    throw new DataError(
      "E_TABLE_OPTION",
      `column ${JSON.stringify(labelName)} is the label but its override gives it the role ${overrides.get(labelName)?.role}`,
      path,
    );
  }
  const columns = names.map((name, index): ResolvedColumn => {
    const o = overrides.get(name);
    const guess = guessColumn(rows.map((r) => r[index]));
    // Declining to strip a detected unit leaves the cells as categories ("2hr", "4hr").
    let type = o?.type ?? (guess.unit && o?.stripUnit === false ? "categorical" : guess.type);
    // A yes/no label keeps its spelling as class names; booleans matter only as features.
    if (name === labelName && type === "boolean" && !o?.type) type = "categorical";
    let role: ResolvedColumn["role"] = name === labelName ? "label" : (o?.role ?? "feature");
    if (role === "feature" && type === "text" && !o?.role) {
      role = "ignore";
      warnings.push({
        code: "W_TABLE_TEXT_IGNORED",
        message: `column ${JSON.stringify(name)} holds free text (or nothing) and is ignored; give it the type categorical to encode it`,
        where: `${path}, column ${name}`,
      });
    }
    if (guess.units && type === "numeric") {
      warnings.push({
        code: "W_TABLE_MIXED_UNITS",
        message: `column ${JSON.stringify(name)} mixes units ${guess.units.join(", ")}; the numbers are read as they are, without conversion`,
        where: `${path}, column ${name}`,
      });
    }
    const unit = type === "numeric" ? guess.unit : undefined;
    return {
      name,
      index,
      type,
      role,
      ...(unit ? { unit } : {}),
      ...(guess.units ? { units: guess.units } : {}),
      stripUnit: o?.stripUnit ?? true,
      encoding: o?.encoding ?? "onehot",
    };
  });
  // An empty feature list is not thrown here: probing still shows the table (and its warnings).
  const features = columns.filter((c) => c.role === "feature");
  const label = columns.find((c) => c.name === labelName) as ResolvedColumn;
  return { columns, label, features, warnings };
}

/** Classification or regression: the spec's choice, or from the label's type and values. */
export function resolveTask(
  label: ResolvedColumn,
  values: Float64Array | null,
  source: TableSource,
  path: string,
): "classification" | "regression" {
  if (source.task === "regression") {
    if (label.type !== "numeric") {
      throw new DataError(
        "E_TABLE_LABEL_TYPE",
        `regression needs a numeric label; column ${JSON.stringify(label.name)} is ${label.type}`,
        path,
      );
    }
    return "regression";
  }
  if (source.task === "classification" || label.type !== "numeric" || !values) return "classification";
  const distinct = new Set<number>();
  for (const v of values) {
    if (Number.isNaN(v)) continue;
    if (!Number.isInteger(v)) return "regression";
    distinct.add(v);
    if (distinct.size > 20) return "regression";
  }
  return "classification";
}

export function noFeaturesError(label: ResolvedColumn, path: string): DataError {
  return new DataError(
    "E_TABLE_NO_FEATURES",
    `expected at least one feature column besides the label ${JSON.stringify(label.name)}, received none`,
    path,
  );
}
