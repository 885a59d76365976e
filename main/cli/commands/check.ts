import { readFile, stat } from "node:fs/promises";
import { parseArgs } from "node:util";
import type { Diagnostic } from "../../../shared/diagnostics";
import { parseDocument } from "../../../shared/ir/load";
import { type GraphAnalysis, inferGraph } from "../../../shared/shapes/infer";
import { formatShape, type Shape } from "../../../shared/shapes/shape";
import { defaultTrainingConfig } from "../../../shared/training/config";
import { EXIT, grouped, type Io, table, UserError } from "../io";
import { memoryDiagnostic, projectDiagnostics } from "../project-checks";

const MAX_BYTES = 64 * 1024 * 1024;

/** `netforge check <file> [--json]`: exit 0 when valid, 1 on diagnostics or a malformed file. */
export async function checkCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { json: { type: "boolean", default: false } },
    allowPositionals: true,
  });
  if (positionals.length !== 1) throw new UserError(`expected one file; received ${positionals.length}`);
  const file = positionals[0];
  const raw = await readJson(file);
  const doc = parseDocument(raw);
  const analysis: GraphAnalysis | null = doc.ok ? inferGraph(doc.graph) : null;
  const diagnostics = doc.ok ? [...wholeDocument(doc, analysis as GraphAnalysis)] : doc.diagnostics;
  const ok = diagnostics.every((d) => d.severity !== "error");
  if (values.json) {
    io.stdout.write(`${JSON.stringify(toJson(file, doc.ok ? doc.kind : null, analysis, diagnostics, ok), null, 2)}\n`);
  } else {
    io.stdout.write(toText(file, analysis, diagnostics, ok, doc.ok ? doc.migrated : []));
  }
  return ok ? EXIT.ok : EXIT.user;
}

/** The graph's diagnostics, then what `train` would refuse in the rest of a project (or a bare graph's memory). */
function wholeDocument(doc: Extract<ReturnType<typeof parseDocument>, { ok: true }>, a: GraphAnalysis): Diagnostic[] {
  if (doc.kind === "project") return [...a.diagnostics, ...projectDiagnostics(doc.project, a)];
  const config = defaultTrainingConfig();
  const memory = memoryDiagnostic(a, config.batchSize, config.optimizer.type);
  return memory ? [...a.diagnostics, memory] : a.diagnostics;
}

async function readJson(file: string): Promise<unknown> {
  let size: number;
  try {
    const s = await stat(file);
    if (!s.isFile())
      throw new UserError(
        `${file}: expected a JSON file; received a ${s.isDirectory() ? "directory" : "special file"}`,
      );
    size = s.size;
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError(`${file}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  if (size > MAX_BYTES)
    throw new UserError(`${file}: expected a NetForge JSON file under 64 MB; received ${grouped(size)} bytes`);
  const text = (await readFile(file, "utf8")).replace(/^\uFEFF/, "");
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UserError(`${file}: not valid JSON (${(error as Error).message})`);
  }
}

const shapeText = (s: Shape | null | undefined) => (s ? formatShape(s) : "?");

function toJson(file: string, kind: string | null, a: GraphAnalysis | null, diagnostics: Diagnostic[], ok: boolean) {
  const nodes = a
    ? Object.values(a.nodes).map((n) => ({
        id: n.id,
        kind: n.kind,
        name: n.name,
        outputShape: n.outputShapes?.[0] ?? null,
        outputShapes: n.outputShapes
          ? Object.fromEntries(n.outputPorts.map((p, i) => [p, n.outputShapes?.[i] ?? null]))
          : null,
        params: n.paramCount.total,
        trainableParams: n.paramCount.trainable,
        nonTrainableParams: n.paramCount.nonTrainable,
        diagnostics: n.diagnostics.map(({ code, severity, message, param }) => ({
          code,
          severity,
          message,
          ...(param ? { param } : {}),
        })),
      }))
    : [];
  return {
    ok,
    file,
    kind,
    nodes,
    totalParams: a?.totals.total ?? 0,
    trainableParams: a?.totals.trainable ?? 0,
    nonTrainableParams: a?.totals.nonTrainable ?? 0,
    inputs: a?.inputs ?? [],
    outputs: a?.outputs ?? [],
    diagnostics,
  };
}

function toText(
  file: string,
  a: GraphAnalysis | null,
  diagnostics: Diagnostic[],
  ok: boolean,
  migrated: string[],
): string {
  const out: string[] = [];
  // Diagnostics printed under their node's row; every other one (graph- and edge-level ones, even
  // those naming a node) is printed after the table, so the text lists what the counts count.
  const shown = new Set<Diagnostic>();
  for (const m of migrated) out.push(`migrated: ${m}`);
  if (a) {
    const rows = [["node", "kind", "output shape", "params"]];
    const notes = new Map<number, Diagnostic[]>();
    for (const n of Object.values(a.nodes)) for (const d of n.diagnostics) shown.add(d);
    for (const n of Object.values(a.nodes)) {
      const shapes = n.outputShapes ? n.outputShapes.map(shapeText).join(" ") : "?";
      rows.push([n.id, n.kind, shapes, grouped(n.paramCount.total)]);
      if (n.diagnostics.length) notes.set(rows.length - 1, n.diagnostics);
    }
    const lines = table(rows, new Set([3])).split("\n");
    lines.forEach((line, i) => {
      out.push(line);
      for (const d of notes.get(i) ?? []) out.push(`    ${d.code} ${d.message}`);
    });
    out.push("");
    out.push(
      `Total params: ${grouped(a.totals.total)} (trainable ${grouped(a.totals.trainable)}, non-trainable ${grouped(a.totals.nonTrainable)})`,
    );
  }
  for (const d of diagnostics.filter((x) => !shown.has(x))) out.push(`${d.code} ${d.message}`);
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const warnings = diagnostics.length - errors;
  out.push(
    ok
      ? `${file}: OK${warnings ? ` (${warnings} warning${warnings > 1 ? "s" : ""})` : ""}`
      : `${file}: ${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}`,
  );
  return `${out.join("\n")}\n`;
}
