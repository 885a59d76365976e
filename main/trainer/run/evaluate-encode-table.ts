import type { RawSample } from "../../../shared/evaluation/request";
import { applyTableStats, type TableRows, type TableStats } from "../../data/table/index";
import type { ResolvedColumn } from "../../data/table/infer";
import { type BadCell, readColumn } from "../../data/table/values";
import { type EncodeContext, type Encoded, need } from "./evaluate-encode-context";
import { EvaluationError } from "./evaluate-model";

type Row = Extract<RawSample, { kind: "table" }>["row"];

/** A row by column name through the saved table statistics: categories, fills and normalization. */
export function encodeRow(row: Row, ctx: EncodeContext): Encoded {
  const stats = need(ctx, "table", "a table row").stats as TableStats;
  const warnings: string[] = [];
  const known = new Set([...stats.features.map((f) => f.name), stats.label.name]);
  const ignored = Object.keys(row).filter((k) => !known.has(k));
  if (stats.features.every((f) => row[f.name] === undefined)) {
    throw new EvaluationError(
      "E_PREDICT_INPUT",
      `expected a row with the feature columns ${stats.features.map((f) => JSON.stringify(f.name)).join(", ")}; received ${ignored.length === 0 ? "none of them" : `only ${ignored.map((k) => JSON.stringify(k)).join(", ")}`}`,
    );
  }
  if (ignored.length > 0) warnings.push(`ignored column(s) the run does not use: ${ignored.join(", ")}`);
  const cells = [
    stats.features.map((f) => (row[f.name] === undefined || row[f.name] === null ? "" : String(row[f.name]))),
  ];
  const columns: ResolvedColumn[] = stats.features.map((f, index) => ({
    name: f.name,
    index,
    type: f.type,
    role: "feature",
    ...(f.unit ? { unit: f.unit } : {}),
    stripUnit: f.stripUnit,
    encoding: f.encoding ?? "onehot",
  }));
  const bad: BadCell[] = [];
  const values = columns.map((c) => {
    const before = bad.length;
    const v = readColumn(cells, c, Int32Array.of(1), bad);
    if (bad.length > before)
      warnings.push(`${c.name}: ${JSON.stringify(bad[before].value)} is not ${c.type}; filled as missing`);
    return v;
  });
  const rows = {
    path: "the try-it row",
    features: columns,
    values,
    labels: new Float32Array(1),
  } as unknown as TableRows;
  const applied = applyTableStats(rows, stats);
  for (const f of stats.features) {
    const v = row[f.name];
    if (v === undefined || v === null || String(v).trim() === "")
      warnings.push(`${f.name} is missing; filled with ${JSON.stringify(f.fill)} as in training`);
  }
  for (const f of stats.features) {
    const v = row[f.name];
    if (f.categories && v !== undefined && v !== null && v !== "" && !f.categories.includes(String(v).trim()))
      warnings.push(`${f.name}: ${JSON.stringify(v)} was not seen in training (${f.categories.join(", ")})`);
  }
  // Table labels are never scaled: a regression's output is already in the label's units.
  const answer =
    stats.task === "regression"
      ? { names: [stats.label.name], decode: (y: ArrayLike<number>) => Array.from(y) }
      : undefined;
  return { values: applied.features, shape: [applied.features.length], warnings, ...(answer ? { answer } : {}) };
}
