import { readFile } from "node:fs/promises";
import { basename, dirname, extname, isAbsolute, join, resolve } from "node:path";
import type { InlineDataset } from "../../shared/datasets/inline";
import { resolveSourcePaths } from "../../shared/datasets/paths";
import type { DatasetSpec } from "../../shared/datasets/spec";
import type { Graph } from "../../shared/ir/graph";
import { parseDocument } from "../../shared/ir/load";
import { stableStringify } from "../../shared/ir/serialize";
import { inferGraph } from "../../shared/shapes/infer";
import { isDataError } from "../data/errors";
import { specForPath } from "../data/source-for-path";
import { writeFileAtomic } from "../services/atomic-write";
import { UserError } from "./io";
import { parseProjectData } from "./project-checks";

const TEMPLATES = join(import.meta.dirname, "../../resources/templates");

/** What `train` needs: the graph, the training settings and the data, plus where it came from. */
export interface Trainable {
  name: string;
  /** The project file's path, or "template:<name>". */
  source: string;
  graph: Graph;
  training: Record<string, unknown>;
  data: InlineDataset | DatasetSpec;
  dataSummary: { kind: string; samples?: number; from: string; spec?: unknown };
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
  // A project's data paths are relative to the project file (templates: to resources/templates).
  const projectDir = isFile !== null ? dirname(resolve(arg)) : TEMPLATES;
  let data: InlineDataset | DatasetSpec;
  if (dataPath) {
    data = await specFromPath(dataPath);
  } else {
    const own = projectData(project?.data, arg);
    data = "kind" in own ? own : resolveSourcePaths(own, (p) => (isAbsolute(p) ? p : join(projectDir, p)));
  }
  const inline = "kind" in data ? data : data.source.kind === "inline" ? data.source : null;
  return {
    name: project?.name ?? basename(arg, extname(arg)),
    source,
    graph: doc.graph,
    training: project?.training ?? {},
    data,
    dataSummary: inline
      ? { kind: "inline", samples: inline.x.length, from: dataPath ?? source }
      : { kind: (data as DatasetSpec).source.kind, from: dataPath ?? source, spec: data },
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
  // Atomic: a full disk leaves no run.json rather than an empty one (and no temporary file).
  await writeFileAtomic(join(runDir, "run.json"), stableStringify({ ...record, started: new Date().toISOString() }));
}

/** --data <path>: any file or folder the data readers know (see main/data/source-for-path.ts). */
async function specFromPath(path: string): Promise<DatasetSpec> {
  try {
    return await specForPath(path);
  } catch (error) {
    if (isDataError(error)) throw new UserError(error.message);
    throw error;
  }
}

/** A project's own data: inline samples or a dataset spec. */
function projectData(raw: unknown, arg: string): InlineDataset | DatasetSpec {
  if (raw === null || raw === undefined)
    throw new UserError(`${arg}: no data; pass --data <path> or give the project a dataset`);
  const parsed = parseProjectData(raw);
  if (!parsed.ok) throw new UserError(`${arg}: ${parsed.message}`);
  return parsed.data;
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
