import { access } from "node:fs/promises";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { type PredictionResult, PredictionResultSchema } from "../../../shared/evaluation/report";
import { EXIT, type Io, UserError } from "../io";
import { readPredictInput } from "../predict-input";
import { describePrediction } from "../predict-print";
import { readPredictRun } from "../predict-run";
import { askTrainer, forcedBackend, startTrainer } from "../trainer-start";

/** Samples per trainer request (the protocol's limit for raw samples). */
const CHUNK = 1000;

/**
 * `netforge predict <runDir> --input <file|folder> [--checkpoint best|last] [--json]`: the run's
 * saved model (best checkpoint by default, as evaluate and export use) in a trainer process, on
 * raw data read as the run's training data was, through the same preprocessing as the Evaluate
 * tab's Try it (the trainer's predictSamples). One line per sample; --json prints the
 * PredictionResult with the samples' names.
 */
export async function predictCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      input: { type: "string" },
      checkpoint: { type: "string" },
      json: { type: "boolean", default: false },
      backend: { type: "string" },
    },
  });
  if (positionals.length !== 1) throw new UserError(`expected one run folder; received ${positionals.length}`);
  if (!values.input) throw new UserError("--input <file|folder> is required");
  if (values.checkpoint !== undefined && values.checkpoint !== "last" && values.checkpoint !== "best")
    throw new UserError(`--checkpoint must be best or last; received ${values.checkpoint}`);
  const backend = forcedBackend(values.backend);
  const runDir = positionals[0];
  const checkpoint = await checkpointOf(runDir, values.checkpoint, io);
  const run = await readPredictRun(runDir);
  const input = await readPredictInput(values.input, run);
  for (const note of input.notes) io.stderr.write(`note: ${note}\n`);
  const client = await startTrainer(backend);
  let result: PredictionResult = { classNames: null, predictions: [], warnings: [] };
  try {
    for (let i = 0; i < input.samples.length; i += CHUNK) {
      const value = await askTrainer(client, {
        type: "predict",
        runId: "cli",
        requestId: `predict-${i}`,
        samples: input.samples.slice(i, i + CHUNK),
        runDir,
        checkpoint,
        ...(run.runData ? { runData: run.runData } : {}),
      });
      const part = PredictionResultSchema.parse(value);
      result = {
        classNames: part.classNames,
        predictions: [...result.predictions, ...part.predictions],
        warnings: [...result.warnings, ...part.warnings],
      };
    }
  } finally {
    await client.shutdown();
  }
  if (values.json) io.stdout.write(`${JSON.stringify({ ...result, samples: input.names })}\n`);
  else {
    result.warnings.forEach((ws, i) => {
      for (const w of ws) io.stderr.write(`note: ${input.names[i]}: ${w}\n`);
    });
    io.stdout.write(
      `${result.predictions.map((p, i) => describePrediction(input.names[i], p, result.classNames)).join("\n")}\n`,
    );
  }
  return EXIT.ok;
}

/**
 * The run's best checkpoint by default, as evaluate and export use; its last when the run kept no
 * best (said on stderr). An explicit --checkpoint must exist. Checked before a trainer starts.
 */
async function checkpointOf(runDir: string, wanted: string | undefined, io: Io): Promise<"best" | "last"> {
  const has = (kind: string) =>
    access(join(runDir, "checkpoints", kind, "model.json")).then(
      () => true,
      () => false,
    );
  const kind = wanted ?? ((await has("best")) || !(await has("last")) ? "best" : "last");
  if (!(await has(kind)))
    throw new UserError(
      `${runDir}: no ${kind} checkpoint (expected ${join(runDir, "checkpoints", kind, "model.json")}); has the run saved one yet?`,
    );
  if (wanted === undefined && kind === "last")
    io.stderr.write("note: the run has no best checkpoint; using its last\n");
  return kind as "best" | "last";
}
