import { type TableSource, type TableSourceInput, TableSourceSchema } from "../../../shared/datasets/sources/table";
import type { ColumnSummary, DatasetSummary, DataWarning } from "../../../shared/datasets/summary";
import { DataError, isDataError } from "../errors";
import { isMissing } from "./cells";
import { noFeaturesError, resolveColumns, resolveTask } from "./infer";
import { parseTable, readTableText } from "./parse";
import { type BadCell, badCellWarning, classIdsOf, classNamesOf, readColumn } from "./values";

/** Probing reads at most this much of a file and estimates the rest. */
export const PROBE_BYTES = 1 << 20;
/** Types, statistics and class counts come from at most this many rows of the head. */
export const PROBE_ROWS = 5_000;
const PREVIEW_ROWS = 10;

/**
 * Parses the head of the table. A head that holds no complete data row (a header or a first row
 * longer than maxBytes) is read again, four times longer each time up to the whole file, so a
 * table with very wide rows is probed as train reads it instead of looking like a header alone.
 */
async function parseHead(source: TableSource, maxBytes: number) {
  for (let limit = maxBytes; ; limit *= 4) {
    const head = await readTableText(source.path, limit);
    try {
      const parsed = parseTable(head.text, source.path, {
        delimiter: source.delimiter,
        header: source.header,
        truncated: head.truncated,
        maxRows: PROBE_ROWS,
      });
      return { head, parsed };
    } catch (error) {
      if (!head.truncated || !isDataError(error, "E_TABLE_HEADER_ONLY")) throw error;
    }
  }
}

/**
 * A quick summary of a table for the preview: reads only the head of a large file (row count and
 * class counts then come from the head, `estimated: true`). Problems that make the file unusable
 * throw a DataError; problems the user fixes in the spec (a single class, a label type) are
 * returned as warnings with the error's code, so that the preview still shows.
 */
export async function probeTable(input: TableSourceInput | string, maxBytes = PROBE_BYTES): Promise<DatasetSummary> {
  const source = TableSourceSchema.parse(typeof input === "string" ? { kind: "table", path: input } : input);
  const { path } = source;
  const { head, parsed } = await parseHead(source, maxBytes);
  const { columns, label, warnings: resolveWarnings } = resolveColumns(parsed.names, parsed.rows, source, path);
  const warnings: DataWarning[] = [...parsed.warnings, ...resolveWarnings];
  if (!columns.some((c) => c.role === "feature")) {
    const e = noFeaturesError(label, path);
    warnings.push({ code: e.code, message: e.message, where: path });
  }
  const n = parsed.rows.length;
  // Rows of the head over the bytes they span, scaled to the file's size.
  const estimated = head.truncated || parsed.stoppedAt !== null;
  const spanned = parsed.stoppedAt === null ? head.bytes : Buffer.byteLength(head.text.slice(0, parsed.stoppedAt));
  const rows = estimated
    ? Math.round((n * (head.fileSize - parsed.headerBytes)) / Math.max(1, spanned - parsed.headerBytes))
    : n;

  const summaries: ColumnSummary[] = [];
  let inputWidth = 0;
  let labelValues: ReturnType<typeof readColumn> | null = null;
  for (const col of columns) {
    const bad: BadCell[] = [];
    const values = readColumn(parsed.rows, col, parsed.rowNumbers, bad);
    if (bad.length > 0 && col.role !== "ignore") warnings.push(badCellWarning(col, bad, path));
    if (col === label) labelValues = values;
    const cells = parsed.rows.map((r) => r[col.index]);
    const missing = cells.filter(isMissing).length;
    const examples = [...new Set(cells.filter((c) => !isMissing(c)).map((c) => c.trim()))];
    const summary: ColumnSummary = {
      name: col.name,
      type: col.type,
      role: col.role,
      missing,
      ...(col.unit ? { unit: col.unit } : {}),
      distinct: examples.length,
      examples: examples.slice(0, 5),
    };
    if (values.kind === "number" && col.type !== "boolean") {
      let [min, max, sum, k] = [Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 0, 0];
      for (const v of values.values) {
        if (Number.isNaN(v)) continue;
        [min, max, sum, k] = [Math.min(min, v), Math.max(max, v), sum + v, k + 1];
      }
      if (k > 0) Object.assign(summary, { min, max, mean: sum / k });
    }
    summaries.push(summary);
    if (col.role === "feature")
      inputWidth += col.type === "categorical" && col.encoding === "onehot" ? examples.length : 1;
  }
  if (labelValues === null) throw new DataError("E_TABLE_COLUMN", "the label column was not read", path);

  let task: "classification" | "regression" = "classification";
  try {
    task = resolveTask(label, labelValues.kind === "number" ? labelValues.values : null, source, path);
  } catch (error) {
    if (!isDataError(error)) throw error;
    warnings.push({ code: error.code, message: error.message, where: `${path}, column ${label.name}` });
  }
  let classes: { name: string; count: number }[] = [];
  if (task === "classification") {
    const names = classNamesOf(label, labelValues);
    const counts = new Array<number>(names.length).fill(0);
    for (const id of classIdsOf(label, labelValues, names)) if (id >= 0) counts[id]++;
    classes = names.map((name, i) => ({ name, count: counts[i] }));
    if (names.length < 2) {
      warnings.push({
        code: estimated ? "W_TABLE_SINGLE_CLASS_HEAD" : "E_TABLE_SINGLE_CLASS",
        message: `classification needs at least 2 classes; ${estimated ? "in the first rows, " : ""}label ${JSON.stringify(label.name)} holds only ${JSON.stringify(names[0] ?? "(nothing)")}`,
        where: `${path}, column ${label.name}`,
      });
    }
  }
  return {
    kind: "table",
    path,
    rows,
    estimated,
    columns: summaries,
    classes,
    inputShape: [inputWidth],
    outputShape: [task === "classification" ? classes.length : 1],
    task,
    preview: parsed.rows.slice(0, PREVIEW_ROWS),
    warnings,
  };
}
