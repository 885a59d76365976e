import { access, readFile } from "node:fs/promises";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { EXIT, type Io, UserError } from "../io";
import { forcedBackend, startTrainer } from "../trainer-start";

/**
 * `netforge predict <runDir> --input <file.json|csv> [--checkpoint best|last] [--json]`: loads the
 * run's best checkpoint (as evaluate and export do) in a trainer process and prints one output row
 * per input row.
 * JSON input: an array of samples (or { "x": [...] }); CSV: one numeric sample per line.
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
  if (!values.input) throw new UserError("--input <file.json|csv> is required");
  if (values.checkpoint !== undefined && values.checkpoint !== "last" && values.checkpoint !== "best")
    throw new UserError(`--checkpoint must be best or last; received ${values.checkpoint}`);
  const backend = forcedBackend(values.backend);
  const modelDir = await checkpointDir(positionals[0], values.checkpoint, io);
  const x = await readSamples(values.input);
  const client = await startTrainer(backend);
  try {
    const requestId = "predict-1";
    const reply = new Promise<unknown>((resolve, reject) => {
      client.on("message", (m) => {
        if (m.type === "result" && m.requestId === requestId) resolve(m.value);
        if (m.type === "error" && m.requestId === requestId) reject(new UserError(`${m.code}: ${m.message}`));
      });
    });
    client.send({ type: "predict", runId: "cli", requestId, x, modelDir });
    const y = (await reply) as unknown[];
    if (values.json) io.stdout.write(`${JSON.stringify({ outputs: y })}\n`);
    else
      io.stdout.write(
        `${y.map((row) => (Array.isArray(row) ? row.map(fmt).join("\t") : fmt(row as number))).join("\n")}\n`,
      );
    return EXIT.ok;
  } finally {
    await client.shutdown();
  }
}

/**
 * The run's best checkpoint by default, as evaluate and export use; its last when the run kept no
 * best (said on stderr). An explicit --checkpoint must exist.
 */
async function checkpointDir(runDir: string, wanted: string | undefined, io: Io): Promise<string> {
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
  return join(runDir, "checkpoints", kind);
}

async function readSamples(file: string): Promise<unknown[]> {
  const text = await readFile(file, "utf8").catch(() => {
    throw new UserError(`${file}: cannot read the input file`);
  });
  if (file.toLowerCase().endsWith(".csv")) {
    const rows = text.split(/\r?\n/).filter((l) => l.trim() !== "");
    return rows.map((line, i) => {
      const cells = line.split(",").map((c) => Number(c.trim()));
      if (cells.some((c) => !Number.isFinite(c)))
        throw new UserError(`${file}:${i + 1}: expected numbers separated by commas; received "${line}"`);
      return cells;
    });
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new UserError(`${file}: not valid JSON (${(error as Error).message})`);
  }
  const x = Array.isArray(raw) ? raw : (raw as { x?: unknown })?.x;
  if (!Array.isArray(x) || x.length === 0)
    throw new UserError(`${file}: expected an array of samples or { "x": [...] }`);
  return x;
}

function fmt(v: number): string {
  return Number.isInteger(v) ? String(v) : v.toPrecision(6);
}
