import { parseArgs } from "node:util";
import type { DatasetSummary } from "../../../shared/datasets/summary";
import { describeTarget } from "../../../shared/datasets/target-fit";
import { isDataError } from "../../data/errors";
import { probeSource } from "../../data/probe";
import { specForPath } from "../../data/source-for-path";
import { EXIT, grouped, type Io, table, UserError } from "../io";

/** `netforge data probe <path> [--labels f] [--json]`: what a file or folder holds, quickly. */
export async function dataCommand(args: string[], io: Io): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== "probe")
    throw new UserError(`expected a subcommand: probe; received ${sub === undefined ? "none" : `"${sub}"`}`);
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: { json: { type: "boolean", default: false }, labels: { type: "string" } },
  });
  if (positionals.length !== 1) throw new UserError(`expected one file or folder; received ${positionals.length}`);
  let summary: DatasetSummary;
  try {
    summary = await probeSource(await specForPath(positionals[0], { labels: values.labels }));
  } catch (error) {
    if (isDataError(error)) throw new UserError(error.message);
    throw error;
  }
  io.stdout.write(values.json ? `${JSON.stringify(summary, null, 2)}\n` : text(summary));
  return summary.warnings.some((w) => w.code.startsWith("E_")) ? EXIT.user : EXIT.ok;
}

function text(s: DatasetSummary): string {
  const out = [
    `${s.path}: ${s.kind}, ${grouped(s.rows)}${s.estimated ? " (estimated)" : ""} samples, task ${s.task}`,
    `input shape [${s.inputShape.join(", ")}], target ${describeTarget(s)}`,
  ];
  if (s.columns.length > 0) {
    const rows = [["column", "type", "role", "missing", "notes"]];
    for (const c of s.columns) {
      const notes = [
        c.unit ? `unit "${c.unit}"` : "",
        c.distinct !== undefined ? `${c.distinct} distinct` : "",
        c.min !== undefined ? `range ${c.min}..${c.max}` : "",
      ];
      rows.push([c.name, c.type, c.role, String(c.missing), notes.filter(Boolean).join(", ")]);
    }
    out.push("", table(rows, new Set([3])));
  }
  if (s.classes.length > 0)
    out.push("", `classes: ${s.classes.map((c) => `${c.name} (${grouped(c.count)})`).join(", ")}`);
  if (s.splits) {
    const rows = [["split", ...s.classes.map((c) => c.name), "total"]];
    for (const part of ["train", "validation", "test"] as const) {
      const counts = s.splits[part];
      rows.push([part, ...counts.map((c) => grouped(c)), grouped(counts.reduce((a, b) => a + b, 0))]);
    }
    out.push("", table(rows, new Set(rows[0].map((_, i) => i).slice(1))));
  }
  for (const w of s.warnings) out.push(`${w.code} ${w.message}${w.where ? ` (${w.where})` : ""}`);
  return `${out.join("\n")}\n`;
}
