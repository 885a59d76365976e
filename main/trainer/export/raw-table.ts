import type { TableSource } from "../../../shared/datasets/sources/table";
import type { DatasetSpec } from "../../../shared/datasets/spec";
import { splitIndices } from "../../../shared/datasets/split-indices";
import type { TrainingConfig } from "../../../shared/training/config";
import { readTable } from "../../data/table/index";
import { parseTable, readTableText } from "../../data/table/parse";
import { describeSource, firstOfPart, type RawColumn, type RawSamples, SHOWN_SAMPLES } from "./raw-types";

/**
 * Table rows as the file holds them: numeric columns as numbers (a unit suffix stripped, an
 * empty cell NaN), categorical ones as their strings ("" when empty), one column per feature in
 * training order; NetForge gets the same rows cell by cell, as Try it takes a row by column name.
 * The rows are the first of the run's validation part (else training part), split as in training.
 */
export async function rawTable(
  source: TableSource,
  spec: DatasetSpec,
  config: TrainingConfig,
  n: number,
): Promise<RawSamples | null> {
  const rows = await readTable(source);
  const parts = splitIndices(rows.labels.length, spec.split, rows.task === "classification" ? rows.labels : undefined);
  const { picked, part } = firstOfPart(parts, config, n);
  if (picked.length === 0) return null;
  // The cells as written, by record number: what a user's row holds before NetForge reads it.
  const { text } = await readTableText(rows.path);
  const parsed = parseTable(text, rows.path, { delimiter: rows.source.delimiter, header: rows.source.header });
  const byRecord = new Map<number, string[]>();
  for (const [i, r] of parsed.rowNumbers.entries()) byRecord.set(r, parsed.rows[i]);
  const cellsOf = (row: number) => byRecord.get(rows.rowNumbers[row]) ?? [];

  const columns: RawColumn[] = rows.features.map((f, c) => {
    const v = rows.values[c];
    return v.kind === "number"
      ? { name: f.name, dtype: "float32", shape: [1], data: Float32Array.from(picked, (r) => v.values[r]) }
      : { name: f.name, dtype: "string", shape: [1], data: picked.map((r) => v.values[r] ?? "") };
  });
  const names = rows.features.map((f) => f.name);
  const raw = picked.map((r) => rows.features.map((f) => cellsOf(r)[f.index] ?? ""));
  return {
    source: describeSource(part, "rows", rows.path),
    count: picked.length,
    columns,
    samples: raw.map((cells) => ({ kind: "table", row: Object.fromEntries(names.map((k, i) => [k, cells[i]])) })),
    shown: raw.slice(0, SHOWN_SAMPLES).map((cells, i) => ({
      kind: "table",
      columns: names,
      values: cells.map((c) => (c.trim() === "" ? null : c)),
      row: rows.rowNumbers[picked[i]],
    })),
  };
}
