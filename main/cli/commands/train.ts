import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import type { TrainerMessage } from "../../../shared/trainer/protocol";
import { runSettings } from "../../services/run-settings";
import { TrainerClient } from "../../services/trainer-client";
import { EXIT, type Io, UserError } from "../io";
import { jsonEvent, ttyProgress } from "../progress";
import { loadTrainable, runFolder, writeRunRecord } from "../trainable";

/**
 * `netforge train <project.json | template> [--data f] [--epochs N] [--batch-size N] [--lr X]
 * [--seed N] [--backend name] [--out runDir] [--json]`. Ctrl-C stops the run cleanly after the
 * current batch and keeps the last checkpoint.
 */
export async function trainCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      data: { type: "string" },
      epochs: { type: "string" },
      "batch-size": { type: "string" },
      lr: { type: "string" },
      seed: { type: "string" },
      backend: { type: "string" },
      out: { type: "string" },
      json: { type: "boolean", default: false },
    },
  });
  if (positionals.length !== 1)
    throw new UserError(`expected one project file or template name; received ${positionals.length}`);
  const t = await loadTrainable(positionals[0], values.data);
  const own: Record<string, unknown> = { ...t.training };
  const int = (flag: string, v: string | undefined, key: string) => {
    if (v === undefined) return;
    const n = Number(v);
    if (!Number.isInteger(n) || n < (key === "seed" ? 0 : 1))
      throw new UserError(`--${flag} must be a whole number${key === "seed" ? "" : " >= 1"}; received ${v}`);
    own[key] = n;
  };
  int("epochs", values.epochs, "epochs");
  int("batch-size", values["batch-size"], "batchSize");
  int("seed", values.seed, "seed");
  if (values.lr !== undefined) {
    const lr = Number(values.lr);
    if (!(lr > 0)) throw new UserError(`--lr must be a number > 0; received ${values.lr}`);
    own.learningRate = lr;
  }
  // The flags win over the project, and the project over the model's and data's defaults.
  const { training, data, warnings } = await runSettings(t.graph, own, t.data);
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
  const client = await TrainerClient.start({ backend: values.backend ?? (training.backend as string | undefined) });
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

function emitJson(io: Io, m: TrainerMessage): void {
  if (m.type === "progress") return; // per-batch lines would drown the epoch events in scripts
  const e = jsonEvent(m);
  if (e) io.stdout.write(`${JSON.stringify(e)}\n`);
}
