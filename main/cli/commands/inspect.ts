import { parseArgs } from "node:util";
import { TELEMETRY_FILE } from "../../../shared/training/telemetry";
import { formatNumber, type HistogramSummary, summarizeTelemetry } from "../../../shared/training/telemetry-summary";
import { readTelemetry } from "../../services/telemetry-file";
import { EXIT, type Io, table, UserError } from "../io";
import { readRunJson } from "../run-folder";

/**
 * `netforge inspect <runDir> [--json]`: the run's per-layer telemetry (training.telemetry): per
 * layer the last weights, activations and gradients summarized, the gradient norm from first to
 * last record, the dead ReLU fraction, then the warnings. --json prints the TelemetrySummary,
 * with every histogram's counts and the whole gradient norm history.
 */
export async function inspectCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: "boolean", default: false } },
  });
  if (positionals.length !== 1) throw new UserError(`expected one run folder; received ${positionals.length}`);
  const runDir = positionals[0];
  await readRunJson(runDir); // "not a run folder" before "no telemetry"
  const read = await readTelemetry(runDir);
  if (!read || read.records.length === 0)
    throw new UserError(
      `${runDir}: no telemetry recorded (expected ${TELEMETRY_FILE}; train with the setting training.telemetry.enabled = true, "Record per-layer telemetry" in the Train tab)`,
    );
  if (read.skipped > 0) io.stderr.write(`note: ${read.skipped} unreadable line(s) of ${TELEMETRY_FILE} skipped\n`);
  const summary = summarizeTelemetry(read.records);
  if (values.json) {
    io.stdout.write(`${JSON.stringify(summary)}\n`);
    return EXIT.ok;
  }
  const epochs = summary.epochs;
  io.stdout.write(
    `${summary.records} record(s), epochs ${epochs.join(", ")}; activations and gradients on ${summary.samples} sample(s)\n\n`,
  );
  const rows = [["layer", "kind", "weights", "activations", "gradients", "grad norm (first -> last)", "dead"]];
  for (const l of summary.layers) {
    const norms = l.gradNorms;
    rows.push([
      l.name,
      l.className,
      describe(l.weights),
      describe(l.activations),
      describe(l.gradients),
      norms.length ? `${formatNumber(norms[0].gradNorm)} -> ${formatNumber(norms[norms.length - 1].gradNorm)}` : "-",
      l.deadFraction === null ? "-" : `${Math.round(l.deadFraction * 100)}%`,
    ]);
  }
  io.stdout.write(`${table(rows)}\n`);
  const warnings = summary.layers.flatMap((l) => l.warnings);
  io.stdout.write(
    warnings.length
      ? `\nwarnings:\n${warnings.map((w) => `  epochs ${w.firstEpoch}-${w.lastEpoch}: ${w.message}`).join("\n")}\n`
      : "\nno warnings\n",
  );
  return EXIT.ok;
}

/** "mean ± sd in [min, max]" of a histogram. */
function describe(h: HistogramSummary | null): string {
  return h
    ? `${formatNumber(h.mean)} ± ${formatNumber(h.std)} in [${formatNumber(h.min)}, ${formatNumber(h.max)}]`
    : "-";
}
