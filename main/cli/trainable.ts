import { mkdir, readFile, writeFile } from "node:fs/promises";
import { basename, dirname, extname, join, resolve } from "node:path";
import { type InlineDataset, InlineDatasetSchema } from "../../shared/datasets/inline";
import { formatValue } from "../../shared/diagnostics";
import type { Graph } from "../../shared/ir/graph";
import { parseDocument } from "../../shared/ir/load";
import { stableStringify } from "../../shared/ir/serialize";
import { inferGraph } from "../../shared/shapes/infer";
import { UserError } from "./io";

const TEMPLATES = join(import.meta.dirname, "../../resources/templates");

/** What `train` needs: the graph, the training settings and the data, plus where it came from. */
export interface Trainable {
  name: string;
  /** The project file's path, or "template:<name>". */
  source: string;
  graph: Graph;
  training: Record<string, unknown>;
  data: InlineDataset;
  dataSummary: { kind: string; samples: number; from: string };
}

/** A project file path or a template name, with its data (from --data or the project itself). */
export async function loadTrainable(arg: string, dataPath: string | undefined): Promise<Trainable> {
  const isFile = await readFile(arg, "utf8").then(
    (text) => text,
    () => null,
  );
  const templateFile = join(TEMPLATES, `${arg}.netforge.json`);
  const text = isFile ?? (await readFile(templateFile, "utf8").catch(() => null));
  if (text === null) {
    throw new UserError(
      `${arg}: no such project file, and no template of that name (templates: ${await templateNames()})`,
    );
  }
  const source = isFile !== null ? resolve(arg) : `template:${arg}`;
  const doc = parseDocument(parseJson(text, arg));
  if (!doc.ok) throw new UserError(`${arg}: ${doc.diagnostics.map((d) => d.message).join("; ")}`);
  const analysis = inferGraph(doc.graph);
  const errors = analysis.diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) {
    throw new UserError(
      `${arg}: the graph has errors; fix them first (see \`netforge check\`):\n${errors.map((d) => `  ${d.code} ${d.message}`).join("\n")}`,
    );
  }
  const project = doc.kind === "project" ? doc.project : null;
  const rawData = dataPath
    ? parseJson(await readFile(dataPath, "utf8").catch(() => fail(`${dataPath}: cannot read the data file`)), dataPath)
    : project?.data;
  if (rawData === null || rawData === undefined) {
    throw new UserError(`${arg}: no data; pass --data <file.json> or give the project an inline dataset`);
  }
  const data = InlineDatasetSchema.safeParse(rawData);
  if (!data.success) {
    const where = dataPath ?? `${arg} (data)`;
    throw new UserError(
      `${where}: expected an inline dataset { "kind": "inline", "x": [...], "y": [...] }; ${data.error.issues.map((i) => `${i.path.join(".") || "data"}: ${i.message}`).join("; ")}. Received: ${formatValue(rawData).slice(0, 60)}`,
    );
  }
  return {
    name: project?.name ?? basename(arg, extname(arg)),
    source,
    graph: doc.graph,
    training: project?.training ?? {},
    data: data.data,
    dataSummary: { kind: "inline", samples: data.data.x.length, from: dataPath ?? source },
  };
}

/** `<project dir>/<name>.runs/<runId>` beside a project file; `./netforge-runs/<template>/<runId>` for a template. */
export function runFolder(t: Trainable, runId: string): string {
  if (t.source.startsWith("template:")) return join("netforge-runs", t.source.slice("template:".length), runId);
  const stem = basename(t.source).replace(/\.netforge\.json$|\.json$/, "");
  return join(dirname(t.source), `${stem}.runs`, runId);
}

/** run.json: what was trained, with which settings and data, so a run folder explains itself. */
export async function writeRunRecord(runDir: string, record: Record<string, unknown>): Promise<void> {
  await mkdir(runDir, { recursive: true });
  await writeFile(join(runDir, "run.json"), stableStringify({ ...record, started: new Date().toISOString() }));
}

async function templateNames(): Promise<string> {
  const { readdir } = await import("node:fs/promises");
  const files = await readdir(TEMPLATES).catch(() => [] as string[]);
  return (
    files
      .filter((f) => f.endsWith(".netforge.json"))
      .map((f) => f.replace(".netforge.json", ""))
      .join(", ") || "none"
  );
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    throw new UserError(`${file}: not valid JSON (${(error as Error).message})`);
  }
}

function fail(message: string): never {
  throw new UserError(message);
}
