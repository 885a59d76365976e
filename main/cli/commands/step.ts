import { parseArgs } from "node:util";
import { type StepSample, StepThroughResultSchema } from "../../../shared/api/schemas/step-through";
import { inferGraph } from "../../../shared/shapes/infer";
import { runSettings } from "../../services/run-settings";
import { EXIT, type Io, UserError } from "../io";
import { describeStep } from "../step-print";
import { loadTrainable } from "../trainable";
import { askTrainer, forcedBackend, startTrainer } from "../trainer-start";

/**
 * `netforge step <project.json | template> [--sample N | --x JSON --y JSON] [--data path] [--backend name] [--json]`:
 * one forward and backward pass on one sample with the model's starting weights (a run with the
 * project's seed starts from the same), printed layer by layer: weights, pre-activations, outputs,
 * the loss, every gradient and each weight after one optimizer step. --json prints the
 * StepThroughResult (shared/api/schemas/step-through.ts).
 */
export async function stepCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      sample: { type: "string" },
      x: { type: "string" },
      y: { type: "string" },
      data: { type: "string" },
      backend: { type: "string" },
      json: { type: "boolean", default: false },
    },
  });
  if (positionals.length !== 1)
    throw new UserError(`expected one project file or template name; received ${positionals.length}`);
  const index = values.sample === undefined ? 0 : Number(values.sample);
  if (!Number.isInteger(index) || index < 0)
    throw new UserError(`--sample must be a sample number (0, 1, 2, ...); received ${values.sample}`);
  if ((values.x === undefined) !== (values.y === undefined))
    throw new UserError("--x and --y go together: a typed-in sample needs its input and its target");
  if (values.x !== undefined && values.sample !== undefined)
    throw new UserError("--sample and --x/--y exclude each other: give a sample number or type one in");
  const typed =
    values.x !== undefined ? { x: jsonFlag("--x", values.x), y: jsonFlag("--y", values.y as string) } : null;
  const t = await loadTrainable(positionals[0], values.data);
  const { training, data } = await runSettings(inferGraph(t.graph), t.training, t.data);
  const client = await startTrainer(forcedBackend(values.backend, training.backend));
  try {
    const value = await askTrainer(client, {
      type: "stepThrough",
      runId: "cli",
      requestId: "step-1",
      graph: t.graph,
      training,
      data,
      sample: typed ?? { index },
    });
    const result = StepThroughResultSchema.parse(value);
    io.stdout.write(values.json ? `${JSON.stringify(result)}\n` : `${describeStep(result)}\n`);
    return EXIT.ok;
  } finally {
    await client.shutdown();
  }
}

/** A typed-in value: a JSON number or array ("[0.05, 0.1]"); the trainer checks its shape. */
function jsonFlag(flag: string, text: string): StepSample["x"] {
  try {
    return JSON.parse(text);
  } catch {
    throw new UserError(`${flag} must be JSON, a number or an array such as [0.05, 0.1]; received ${text}`);
  }
}
