import { access, stat } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import type { ExportResult, TensorInfo } from "../../../shared/onnx/result";
import { ExportError, exportRun } from "../../services/export";
import { parseFlags } from "../args";
import { EXIT, type Io, UserError } from "../io";
import { forcedBackend } from "../trainer-start";

const TEMPLATES = join(import.meta.dirname, "../../../resources/templates");

/**
 * `netforge export <runDir | project.json> [--format onnx|tfjs] [--out path] [--no-verify]
 * [--keep-on-failure] [--discriminator] [--bare] [--table-inputs columns|matrix] [--checkpoint best|last] [--samples N] [--backend name]
 * [--json]`. A run folder exports its best checkpoint (else its last); a project file (or a
 * template name) exports freshly initialised weights, with a warning. Every export is verified
 * unless --no-verify: exit 1 when it fails, or when the graph cannot be exported.
 */
export async function exportCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseFlags(args, {
    format: { type: "string", default: "onnx" },
    out: { type: "string" },
    "no-verify": { type: "boolean", default: false },
    "keep-on-failure": { type: "boolean", default: false },
    discriminator: { type: "boolean", default: false },
    bare: { type: "boolean", default: false },
    "table-inputs": { type: "string", default: "columns" },
    checkpoint: { type: "string" },
    samples: { type: "string" },
    backend: { type: "string" },
    json: { type: "boolean", default: false },
  });
  if (positionals.length !== 1)
    throw new UserError(`expected one run folder or project file; received ${positionals.length}`);
  const format = values.format;
  if (format !== "onnx" && format !== "tfjs") throw new UserError(`--format must be onnx or tfjs; received ${format}`);
  const checkpoint = values.checkpoint;
  if (checkpoint !== undefined && checkpoint !== "best" && checkpoint !== "last")
    throw new UserError(`--checkpoint must be best or last; received ${checkpoint}`);
  const tableInputs = values["table-inputs"];
  if (tableInputs !== "columns" && tableInputs !== "matrix")
    throw new UserError(`--table-inputs must be columns or matrix; received ${tableInputs}`);
  const samples = values.samples === undefined ? undefined : Number(values.samples);
  if (samples !== undefined && !(Number.isInteger(samples) && samples >= 1 && samples <= 4096))
    throw new UserError(`--samples must be a whole number in [1, 4096]; received ${values.samples}`);

  const source = await resolveSource(positionals[0]);
  const out = values.out ?? defaultOut(source, format);
  try {
    const result = await exportRun({
      ...source,
      ...(checkpoint ? { checkpoint } : {}),
      format,
      out,
      verify: !values["no-verify"],
      keepOnFailure: values["keep-on-failure"],
      discriminator: values.discriminator,
      inputs: values.bare ? "bare" : "raw",
      tableInputs,
      samples,
      backend: forcedBackend(values.backend).backend,
    });
    if (values.json) io.stdout.write(`${JSON.stringify(result)}\n`);
    else io.stdout.write(summary(result));
    for (const w of values.json ? [] : result.warnings) io.stderr.write(`warning: ${w}\n`);
    const failed = !values["no-verify"] && !result.verified;
    if (failed) {
      io.stderr.write(
        `netforge export: verification failed: ${result.maxAbsDiff === null ? "the file could not be compared" : `max abs diff ${result.maxAbsDiff.toExponential(3)} > 1e-4`}${result.file ? ` (the file was kept: ${result.file})` : "; the file was deleted (--keep-on-failure keeps it)"}\n`,
      );
      return EXIT.user;
    }
    return EXIT.ok;
  } catch (error) {
    if (!(error instanceof ExportError)) throw error;
    if (values.json)
      io.stdout.write(
        `${JSON.stringify({ error: { code: error.code, message: error.message }, readiness: error.options.readiness ?? null })}\n`,
      );
    if (error.internal) {
      io.stderr.write(`netforge export: internal error: ${error.code}: ${error.message}\n`);
      return EXIT.internal;
    }
    throw new UserError(`${error.code}: ${error.message}`);
  }
}

/** A folder is a run; a file is a project; a bare name may be a bundled template. */
async function resolveSource(arg: string): Promise<{ runDir: string } | { project: string }> {
  const info = await stat(arg).catch(() => null);
  if (info) return info.isDirectory() ? { runDir: arg } : { project: arg };
  const template = join(TEMPLATES, `${arg}.netforge.json`);
  const isTemplate = await access(template).then(
    () => true,
    () => false,
  );
  if (isTemplate) return { project: template };
  throw new UserError(`${arg}: no such run folder or project file (and no template of that name)`);
}

/** `<runDir>/exports/model.onnx` (or `tfjs/`) for a run; `<stem>.onnx` (or `<stem>-tfjs/`) beside a project. */
function defaultOut(source: { runDir: string } | { project: string }, format: "onnx" | "tfjs"): string {
  if ("runDir" in source) return join(source.runDir, "exports", format === "onnx" ? "model.onnx" : "tfjs");
  const stem = basename(source.project).replace(/\.netforge\.json$|\.json$/, "");
  const dir = source.project.startsWith(TEMPLATES) ? "." : dirname(source.project);
  return join(dir, format === "onnx" ? `${stem}.onnx` : `${stem}-tfjs`);
}

function summary(r: ExportResult): string {
  const tensor = (t: TensorInfo) => `${t.name} ${t.dtype} [${t.shape.join(", ")}]`;
  const header =
    r.format === "onnx"
      ? `ONNX, opset ${r.opset}, IR version ${r.irVersion}`
      : "tfjs layers format + netforge-run.json";
  const verified =
    r.maxAbsDiff === null
      ? "not verified"
      : `${r.verified ? "verified" : "FAILED verification"} on ${r.samples} sample(s): max abs diff ${r.maxAbsDiff.toExponential(2)}, max rel diff ${(r.maxRelDiff ?? 0).toExponential(2)}`;
  const c = r.readiness.counts;
  const raw = r.rawCheck;
  const pipeline =
    r.pipeline?.mode === "bare"
      ? "  bare network: it expects preprocessed inputs (see the warning)"
      : raw
        ? `  raw check on ${raw.source}: ${raw.agree} of ${raw.count} agree`
        : null;
  return [
    r.file ? `exported ${r.file} (${header})` : `not exported (${header}): the file was deleted`,
    `  inputs:  ${r.inputs.map(tensor).join("; ")}`,
    `  outputs: ${r.outputs.map(tensor).join("; ")}`,
    `  ${verified}`,
    ...(pipeline ? [pipeline] : []),
    ...r.beside.map((f) => `  beside it: ${f}`),
    `  nodes: ${c.exported} exported, ${c.approximated} approximated, ${c.dropped} dropped${c.excluded ? `, ${c.excluded} excluded` : ""}`,
    "",
  ].join("\n");
}
