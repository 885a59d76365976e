import { randomBytes } from "node:crypto";
import { inferGraph } from "../../../shared/shapes/infer";
import type { TrainerMessage } from "../../../shared/trainer/protocol";
import { type ConfigIssue, parseTrainingConfig } from "../../../shared/training/config";
import { runSettings } from "../../services/run-settings";
import { parseFlags } from "../args";
import { EXIT, type Io, UserError } from "../io";
import { jsonEvent, ttyProgress } from "../progress";
import { memoryDiagnostic } from "../project-checks";
import { loadTrainable, runFolder, writeRunRecord } from "../trainable";
import { forcedBackend, startTrainer } from "../trainer-start";

/**
 * `netforge train <project.json | template> [--data f] [--epochs N] [--batch-size N] [--lr X]
 * [--seed N] [--backend name] [--out runDir] [--json]`. Ctrl-C stops the run cleanly after the
 * current batch and keeps the last checkpoint.
 */
export async function trainCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseFlags(args, {
    data: { type: "string" },
    epochs: { type: "string" },
    "batch-size": { type: "string" },
    lr: { type: "string" },
    seed: { type: "string" },
    backend: { type: "string" },
    out: { type: "string" },
    json: { type: "boolean", default: false },
  });
  if (positionals.length !== 1)
    throw new UserError(`expected one project file or template name; received ${positionals.length}`);
  const t = await loadTrainable(positionals[0], values.data);
  // The flags win over the project, and the project over the model's and data's defaults.
  const analysis = inferGraph(t.graph);
  const { training, data, warnings } = await runSettings(analysis, withFlags(t.training, values), t.data);
  const config = parseTrainingConfig(training);
  if (!config.ok) throw new UserError(trainingIssues(config.issues, values));
  const memory = memoryDiagnostic(analysis, config.config.batchSize, config.config.optimizer.type);
  if (memory) throw new UserError(`${memory.code} ${memory.message}`);
  const backend = forcedBackend(values.backend, training.backend);
  for (const w of warnings) {
    if (values.json) io.stdout.write(`${JSON.stringify({ event: "warning", code: w.code, message: w.message })}\n`);
    else io.stderr.write(`warning: ${w.code} ${w.message}\n`);
  }
  const runId = `${new Date().toISOString().replace(/[:.]/g, "-").slice(0, 19)}-${randomBytes(3).toString("hex")}`;
  const runDir = values.out ?? runFolder(t, runId);

  await writeRunRecord(runDir, {
    runId,
    source: t.source,
    name: t.name,
    graph: t.graph,
    training,
    // The spec as trained: its split's validation is the settings' fraction.
    data: t.dataSummary.spec ? { ...t.dataSummary, spec: data } : t.dataSummary,
  });
  const client = await startTrainer(backend);
  const show = values.json
    ? (m: TrainerMessage) => emitJson(io, m)
    : ttyProgress((s) => io.stderr.write(s), io.stderr.isTTY === true);
  if (!values.json) io.stderr.write(`training ${t.name} on ${client.ready.backend} -> ${runDir}\n`);
  client.on("message", show);
  const onSigint = () => client.send({ type: "stop", runId });
  process.once("SIGINT", onSigint);
  try {
    client.send({ type: "start", runId, graph: t.graph, training, data, runDir });
    const end = await client.waitForEnd(runId);
    if (end.type === "error") {
      if (values.json)
        io.stdout.write(
          `${JSON.stringify({ event: "done", reason: "error", code: end.code, message: end.message, runDir })}\n`,
        );
      return end.code === "E_TRAINER_EXITED" || end.code === "E_TRAINER" ? EXIT.internal : EXIT.user;
    }
    if (values.json)
      io.stdout.write(
        `${JSON.stringify({ event: "done", reason: end.reason, runDir, epochs: end.epochs, metrics: end.metrics })}\n`,
      );
    else io.stdout.write(`run saved in ${runDir}\n`);
    return end.reason === "diverged" ? EXIT.user : EXIT.ok;
  } finally {
    process.off("SIGINT", onSigint);
    await client.shutdown();
  }
}

/** Flag name -> training setting; the settings' schema checks the values and their bounds. */
const NUMERIC_FLAGS = { epochs: "epochs", "batch-size": "batchSize", seed: "seed", lr: "learningRate" } as const;

function withFlags(training: Record<string, unknown>, values: Record<string, unknown>): Record<string, unknown> {
  const out = { ...training };
  for (const [flag, key] of Object.entries(NUMERIC_FLAGS)) {
    const text = values[flag];
    if (typeof text === "string") out[key] = text.trim() === "" ? Number.NaN : Number(text);
  }
  return out;
}

/** The settings' problems, each naming the flag that set the value or the project field. */
function trainingIssues(issues: ConfigIssue[], values: Record<string, unknown>): string {
  const lines = issues.map((i) => {
    const flag = Object.entries(NUMERIC_FLAGS).find(([f, key]) => key === i.path && values[f] !== undefined)?.[0];
    if (!flag) return i.path === "training" ? i.message : `training.${i.message}`;
    const rule = i.message.slice(i.path.length + 1).replace(/\. Received: .*$/, "");
    return `--${flag} ${rule}; received ${values[flag]}`;
  });
  return lines.join("\n");
}

function emitJson(io: Io, m: TrainerMessage): void {
  if (m.type === "progress") return; // per-batch lines would drown the epoch events in scripts
  const e = jsonEvent(m);
  if (e) io.stdout.write(`${JSON.stringify(e)}\n`);
}
