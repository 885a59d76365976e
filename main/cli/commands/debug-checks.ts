import { parseArgs } from "node:util";
import { inferGraph } from "../../../shared/shapes/infer";
import {
  type GradCheckReport,
  GradCheckReportSchema,
  type OverfitReport,
  OverfitReportSchema,
} from "../../../shared/trainer/checks";
import { modelDirOf } from "../../services/inference";
import { runSettings } from "../../services/run-settings";
import { EXIT, type Io, table, UserError } from "../io";
import { loadTrainable } from "../trainable";
import { askTrainer, forcedBackend, startTrainer } from "../trainer-start";

/**
 * `netforge gradcheck <project> [--samples N] [--run runDir [--checkpoint best|last]] [--json]` and `netforge overfit <project> [--samples N]
 * [--steps N] [--json]`: the debugging checks on a fresh copy of a project's (or template's) model,
 * in a trainer process, with the settings `train` would use. Nothing is written. Exit 1 when the
 * check fails (a gradient verdict of fail, a batch not learned), so scripts can test it.
 */
async function inTrainer(args: string[], type: "gradcheck" | "overfit"): Promise<{ json: boolean; value: unknown }> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      samples: { type: "string" },
      steps: { type: "string" },
      run: { type: "string" },
      checkpoint: { type: "string" },
      json: { type: "boolean", default: false },
      backend: { type: "string" },
    },
  });
  if (positionals.length !== 1)
    throw new UserError(`expected one project file or template; received ${positionals.length}`);
  const [lo, hi] = type === "overfit" ? [8, 32] : [1, 64];
  const samples = intFlag("--samples", values.samples, lo, hi);
  const maxSteps = type === "overfit" ? intFlag("--steps", values.steps, 1, 10_000) : undefined;
  if (type === "gradcheck" && values.steps !== undefined) throw new UserError("--steps is an option of overfit only");
  if (type === "overfit" && values.run !== undefined) throw new UserError("--run is an option of gradcheck only");
  if (values.checkpoint !== undefined && values.checkpoint !== "best" && values.checkpoint !== "last")
    throw new UserError(`--checkpoint must be best or last; received ${values.checkpoint}`);
  const modelDir = values.run
    ? await modelDirOf(values.run, values.checkpoint as "best" | "last" | undefined).catch((e: Error) => {
        throw new UserError(`--run: ${e.message}`);
      })
    : undefined;
  const t = await loadTrainable(positionals[0], undefined);
  const { training, data } = await runSettings(inferGraph(t.graph), t.training, t.data);
  const client = await startTrainer(forcedBackend(values.backend, t.training.backend));
  try {
    const value = await askTrainer(client, {
      type,
      runId: "cli",
      requestId: `${type}-1`,
      graph: t.graph,
      training,
      data,
      ...(samples !== undefined ? { samples } : {}),
      ...(maxSteps !== undefined ? { maxSteps } : {}),
      ...(modelDir !== undefined ? { modelDir } : {}),
    });
    return { json: values.json ?? false, value };
  } finally {
    await client.shutdown();
  }
}

function intFlag(name: string, raw: string | undefined, lo: number, hi: number): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < lo || n > hi)
    throw new UserError(`${name} must be a whole number from ${lo} to ${hi}; received ${raw}`);
  return n;
}

const sci = (v: number) => v.toExponential(1);

export function describeGradCheck(r: GradCheckReport): string {
  const rows = [
    ["layer", "weight", "shape", "checked", "max rel. error", "max |grad|", "verdict"],
    ...r.tensors.map((t) => [
      t.node,
      t.weight,
      t.shape.join("x"),
      String(t.checked),
      sci(t.maxRelError),
      sci(t.maxGradient),
      t.verdict,
    ]),
  ];
  return [
    `gradient check: ${r.verdict} (${r.weights} weights, ${r.samples} samples, loss ${r.loss.toPrecision(4)})`,
    table(rows, new Set([3, 4, 5])),
    "",
    r.method,
  ].join("\n");
}

export async function gradcheckCommand(args: string[], io: Io): Promise<number> {
  const { json, value } = await inTrainer(args, "gradcheck");
  const report = GradCheckReportSchema.parse(value);
  io.stdout.write(json ? `${JSON.stringify(report)}\n` : `${describeGradCheck(report)}\n`);
  return report.verdict === "fail" ? EXIT.user : EXIT.ok;
}

export async function overfitCommand(args: string[], io: Io): Promise<number> {
  const { json, value } = await inTrainer(args, "overfit");
  const report: OverfitReport = OverfitReportSchema.parse(value);
  io.stdout.write(json ? `${JSON.stringify(report)}\n` : `${report.message}\n`);
  return report.learned ? EXIT.ok : EXIT.user;
}
