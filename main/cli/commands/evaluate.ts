import { parseArgs } from "node:util";
import { EVALUATION_SPLITS, type EvaluationReport, EvaluationReportSchema } from "../../../shared/evaluation/report";
import type { EvaluateOptions } from "../../../shared/evaluation/request";
import { EXIT, type Io, table, UserError } from "../io";
import { dataAt, runInlineData } from "../run-folder";
import { askTrainer, type BackendChoice, forcedBackend, startTrainer } from "../trainer-start";

/**
 * `netforge evaluate <runDir> [--split validation|test|train] [--data path] [--checkpoint best|last]
 * [--json]`: the run's saved model (best checkpoint by default) on a part of its own split or on
 * other data, in a trainer process. --json prints the EvaluationReport (shared/evaluation/report.ts).
 */
export async function evaluateCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      split: { type: "string" },
      data: { type: "string" },
      checkpoint: { type: "string" },
      json: { type: "boolean", default: false },
      backend: { type: "string" },
    },
  });
  if (positionals.length !== 1) throw new UserError(`expected one run folder; received ${positionals.length}`);
  const split = values.split;
  if (split !== undefined && !(EVALUATION_SPLITS as readonly string[]).includes(split))
    throw new UserError(`--split must be one of ${EVALUATION_SPLITS.join(", ")}; received ${split}`);
  if (values.checkpoint !== undefined && values.checkpoint !== "best" && values.checkpoint !== "last")
    throw new UserError(`--checkpoint must be best or last; received ${values.checkpoint}`);
  if (split !== undefined && values.data)
    throw new UserError("--split and --data exclude each other: --data is evaluated whole");
  const backend = forcedBackend(values.backend);
  const runDir = positionals[0];
  const options: EvaluateOptions = {
    runDir,
    ...(split ? { split: split as EvaluateOptions["split"] } : {}),
    ...(values.checkpoint ? { checkpoint: values.checkpoint as "best" | "last" } : {}),
    ...(values.data ? { data: await dataAt(values.data) } : { runData: await runInlineData(runDir) }),
  };
  const report = await evaluateInTrainer(options, backend);
  if (values.json) io.stdout.write(`${JSON.stringify(report)}\n`);
  else io.stdout.write(`${describe(report)}\n`);
  return EXIT.ok;
}

/** Sends one evaluate request to a fresh trainer process; trainer refusals become user errors. */
async function evaluateInTrainer(options: EvaluateOptions, backend: BackendChoice): Promise<EvaluationReport> {
  const client = await startTrainer(backend);
  try {
    const value = await askTrainer(client, { type: "evaluate", runId: "cli", requestId: "evaluate-1", ...options });
    return EvaluationReportSchema.parse(value);
  } finally {
    await client.shutdown();
  }
}

/** Four decimals for scores and errors of everyday size; significant digits for the very large or small. */
const fmt = (v: number | null | undefined) =>
  typeof v !== "number"
    ? "n/a"
    : v !== 0 && (Math.abs(v) >= 1e4 || Math.abs(v) < 1e-3)
      ? v.toPrecision(4)
      : v.toFixed(4);

/** A terminal summary of a report: the headline numbers, the confusion matrix, the per-class table. */
function describe(r: EvaluationReport): string {
  const lines = [
    `${r.task} on the ${r.set === "data" ? "given data" : `${r.set} part`}: ${r.samples} samples, ${r.weights} weights`,
  ];
  const metrics = Object.entries(r.metrics).map(([k, v]) => `${k} ${fmt(v)}`);
  lines.push(`loss ${fmt(r.loss)}${metrics.length ? `, ${metrics.join(", ")}` : ""}`);
  if (r.task === "classification" || r.task === "binary") {
    lines.push(
      `accuracy ${fmt(r.accuracy)} (majority-class baseline ${fmt(r.baseline.accuracy)}: always "${r.baseline.className}")`,
    );
    const auc = r.task === "binary" ? r.roc?.auc : r.macroAuc;
    lines.push(
      `ROC AUC ${fmt(auc)}${r.task === "classification" ? " (macro, one-vs-rest)" : ""}`,
      "",
      "confusion (rows true, columns predicted):",
    );
    const names = r.classNames;
    lines.push(
      table(
        [["", ...names], ...r.confusion.counts.map((row, i) => [names[i], ...row.map(String)])],
        new Set(names.map((_, i) => i + 1)),
      ),
    );
    lines.push(
      "",
      table(
        [
          ["class", "precision", "recall", "f1", "support"],
          ...r.perClass.map((c, i) => [names[i], fmt(c.precision), fmt(c.recall), fmt(c.f1), String(c.support)]),
          ["macro avg", fmt(r.macro.precision), fmt(r.macro.recall), fmt(r.macro.f1), String(r.macro.support)],
          [
            "weighted avg",
            fmt(r.weighted.precision),
            fmt(r.weighted.recall),
            fmt(r.weighted.f1),
            String(r.weighted.support),
          ],
        ],
        new Set([1, 2, 3, 4]),
      ),
    );
  } else if (r.task === "regression") {
    lines.push(
      `MAE ${fmt(r.mae)}, MSE ${fmt(r.mse)}, RMSE ${fmt(r.rmse)}, R² ${fmt(r.r2)}, adjusted R² ${fmt(r.adjustedR2)}`,
    );
  } else if (r.task === "autoencoder") {
    lines.push(`reconstruction MSE ${fmt(r.mse)}, MAE ${fmt(r.mae)}`);
  } else if (r.task === "gan") {
    lines.push(`${r.samples} generated samples of shape [${r.generated.shape.slice(1).join(", ")}]`);
  } else if (r.task === "sequence") {
    lines.push(`token accuracy ${fmt(r.tokenAccuracy)}`);
  } else lines.push(r.reason);
  for (const note of r.notes) lines.push(`note: ${note}`);
  return lines.join("\n");
}
