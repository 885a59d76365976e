import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { parseArgs } from "node:util";
import type { InlineDataset } from "../../../shared/datasets/inline";
import type { DatasetSpec } from "../../../shared/datasets/spec";
import { EVALUATION_SPLITS, type EvaluationReport, EvaluationReportSchema } from "../../../shared/evaluation/report";
import type { EvaluateOptions } from "../../../shared/evaluation/request";
import { isDataError } from "../../data/errors";
import { specForPath } from "../../data/source-for-path";
import { EXIT, type Io, table, UserError } from "../io";
import { loadTrainable } from "../trainable";
import { type BackendChoice, forcedBackend, startTrainer } from "../trainer-start";

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
    const requestId = "evaluate-1";
    const value = await new Promise<unknown>((resolve, reject) => {
      client.on("message", (m) => {
        if (m.type === "result" && m.requestId === requestId) resolve(m.value);
        if (m.type === "error" && (m.requestId === requestId || m.code === "E_TRAINER_EXITED")) {
          const message = `${m.code}: ${m.message}`;
          reject(m.code === "E_TRAINER" || m.code === "E_TRAINER_EXITED" ? new Error(message) : new UserError(message));
        }
      });
      client.send({ type: "evaluate", runId: "cli", requestId, ...options });
    });
    return EvaluationReportSchema.parse(value);
  } finally {
    await client.shutdown();
  }
}

async function dataAt(path: string): Promise<DatasetSpec> {
  try {
    return await specForPath(path);
  } catch (error) {
    if (isDataError(error)) throw new UserError(error.message);
    throw error;
  }
}

/**
 * run.json records inline samples by count only (they live in the project or template), so they
 * are read again from where the run took them; a dataset spec is in run.json and needs nothing.
 */
async function runInlineData(runDir: string): Promise<InlineDataset | DatasetSpec | undefined> {
  const path = join(runDir, "run.json");
  const text = await readFile(path, "utf8").catch(() => {
    throw new UserError(`${runDir}: not a run folder (expected ${path}, written when a run starts)`);
  });
  let record: { source?: string; data?: { kind?: string; spec?: unknown; from?: string } };
  try {
    record = JSON.parse(text);
  } catch (error) {
    throw new UserError(`${path}: not valid JSON (${(error as Error).message})`);
  }
  const data = record.data;
  if (!data || data.spec !== undefined || data.kind !== "inline" || !data.from) return undefined;
  if (data.from.startsWith("template:"))
    return (await loadTrainable(data.from.slice("template:".length), undefined)).data;
  if (data.from === record.source) return (await loadTrainable(data.from, undefined)).data;
  return dataAt(data.from);
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
