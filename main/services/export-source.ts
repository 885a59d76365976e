import { access, readFile, stat } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { ApiError } from "../../shared/api/errors";
import { type InlineDataset, InlineDatasetSchema } from "../../shared/datasets/inline";
import { type DatasetSpec, DatasetSpecSchema } from "../../shared/datasets/spec";
import { parseDocument } from "../../shared/ir/load";
import { checkedSpec, type PathCheck } from "./data-paths";
import { ExportError } from "./export-error";

const TEMPLATES = join(import.meta.dirname, "../../resources/templates");

/** What an export starts from: a run folder (trained weights) or a project file (fresh weights). */
export interface ExportSource {
  kind: "run" | "project";
  name: string;
  runId: string | null;
  runDir: string | null;
  graph: unknown;
  training: Record<string, unknown>;
  /** The run's data, for verification samples and class names; null when it cannot be found. */
  data: InlineDataset | DatasetSpec | null;
  /** The checkpoint folder and which one it is; null for fresh weights. */
  modelDir: string | null;
  checkpoint: "best" | "last" | null;
  /** preprocessing.json of the run, when its data pipeline saved one. */
  preprocessing: unknown;
  /** metrics.jsonl rows, one per epoch. */
  history: Record<string, unknown>[];
  warnings: string[];
}

/** Where to export from: a run folder (it must hold run.json), or a project (or graph) file. */
export type SourceRef = { runDir: string; checkpoint?: "best" | "last" } | { project: string };

/** `readable` checks every file read beyond the run folder (see ExportRunOptions.readable). */
export async function loadExportSource(ref: SourceRef, readable: PathCheck = unchecked): Promise<ExportSource> {
  const path = "runDir" in ref ? ref.runDir : ref.project;
  const info = await stat(path).catch(() => null);
  if (!info)
    throw new ExportError("E_EXPORT_SOURCE", `${path}: no such ${"runDir" in ref ? "run folder" : "project file"}`);
  if ("runDir" in ref) {
    if (!info.isDirectory())
      throw new ExportError("E_EXPORT_SOURCE", `${path}: expected a run folder (with run.json); received a file`);
    return loadRun(path, ref.checkpoint, readable);
  }
  if (info.isDirectory())
    throw new ExportError("E_EXPORT_SOURCE", `${path}: expected a project file; received a folder`);
  return loadProject(path, readable);
}

const unchecked: PathCheck = async (path) => path;

async function loadRun(
  runDir: string,
  wanted: "best" | "last" | undefined,
  readable: PathCheck,
): Promise<ExportSource> {
  const record = (await readJson(join(runDir, "run.json"))) as Record<string, unknown> | null;
  if (!record || typeof record !== "object" || !record.graph) {
    throw new ExportError(
      "E_EXPORT_SOURCE",
      `${runDir}: not a run folder; expected run.json with the graph that was trained (netforge train writes one)`,
    );
  }
  const has = (kind: string) =>
    access(join(runDir, "checkpoints", kind, "model.json")).then(
      () => true,
      () => false,
    );
  const checkpoint = wanted ?? ((await has("best")) ? "best" : "last");
  if (!(await has(checkpoint))) {
    throw new ExportError(
      "E_EXPORT_NO_CHECKPOINT",
      `${runDir}: no ${checkpoint} checkpoint (expected ${join(runDir, "checkpoints", checkpoint, "model.json")}); has the run saved a model yet?`,
    );
  }
  const warnings: string[] = [];
  const data = await runData(record, warnings, readable);
  return {
    kind: "run",
    name: typeof record.name === "string" ? record.name : "model",
    runId: typeof record.runId === "string" ? record.runId : null,
    runDir,
    graph: record.graph,
    training: (record.training as Record<string, unknown>) ?? {},
    data,
    modelDir: join(runDir, "checkpoints", checkpoint),
    checkpoint,
    preprocessing: await readJson(join(runDir, "preprocessing.json")),
    history: await readHistory(join(runDir, "metrics.jsonl")),
    warnings,
  };
}

/**
 * run.json records a dataset spec in full (data.spec) but inline samples by count only, so those
 * are read again from the project or template the run came from (data.from, else source).
 */
async function runData(
  record: Record<string, unknown>,
  warnings: string[],
  readable: PathCheck,
): Promise<InlineDataset | DatasetSpec | null> {
  const data = (record.data ?? {}) as { spec?: unknown; from?: unknown; kind?: unknown };
  const spec = DatasetSpecSchema.safeParse(data.spec);
  const source = typeof record.source === "string" && !record.source.startsWith("template:") ? record.source : null;
  // run.json is a file like any other: the paths it names are checked as a project's would be.
  if (spec.success) return checkedSpec(spec.data, source ? dirname(resolve(source)) : null, readable);
  const inline = InlineDatasetSchema.safeParse(data);
  if (inline.success) return inline.data;
  const from = typeof data.from === "string" ? data.from : typeof record.source === "string" ? record.source : null;
  if (!from) return null;
  try {
    return (await projectFile(from, readable)).data;
  } catch (error) {
    if (error instanceof ApiError && error.code === "E_FORBIDDEN_PATH") throw error;
    warnings.push(`the run's data could not be read from ${from} (${(error as Error).message})`);
    return null;
  }
}

async function loadProject(path: string, readable: PathCheck): Promise<ExportSource> {
  const p = await projectFile(path, readable);
  return {
    kind: "project",
    name: p.name,
    runId: null,
    runDir: null,
    graph: p.graph,
    training: p.training,
    data: p.data,
    modelDir: null,
    checkpoint: null,
    preprocessing: null,
    history: [],
    warnings: [],
  };
}

/** A project or graph file ("template:<name>" reads a bundled template); data paths resolved. */
async function projectFile(ref: string, readable: PathCheck) {
  const path = await readable(ref.startsWith("template:") ? join(TEMPLATES, `${ref.slice(9)}.netforge.json`) : ref);
  const text = await readFile(path, "utf8").catch(() => {
    throw new ExportError("E_EXPORT_SOURCE", `${path}: cannot read the project file`);
  });
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    throw new ExportError("E_EXPORT_SOURCE", `${path}: not valid JSON (${(error as Error).message})`);
  }
  const doc = parseDocument(raw);
  if (!doc.ok)
    throw new ExportError(
      "E_EXPORT_SOURCE",
      `${path}: ${doc.diagnostics.map((d) => `${d.code} ${d.message}`).join("; ")}`,
    );
  const project = doc.kind === "project" ? doc.project : null;
  const dir = dirname(resolve(path));
  let data: InlineDataset | DatasetSpec | null = null;
  const inline = InlineDatasetSchema.safeParse(project?.data);
  const spec = DatasetSpecSchema.safeParse(project?.data);
  if (inline.success) data = inline.data;
  else if (spec.success) data = await checkedSpec(spec.data, dir, readable);
  return {
    name: project?.name ?? "model",
    graph: doc.graph,
    training: (project?.training as Record<string, unknown> | undefined) ?? {},
    data,
  };
}

async function readJson(path: string): Promise<unknown> {
  const text = await readFile(path, "utf8").catch(() => null);
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** metrics.jsonl; a torn last line (a crash mid-write) is skipped. */
async function readHistory(path: string): Promise<Record<string, unknown>[]> {
  const text = await readFile(path, "utf8").catch(() => "");
  return text.split("\n").flatMap((line) => {
    if (!line.trim()) return [];
    try {
      return [JSON.parse(line) as Record<string, unknown>];
    } catch {
      return [];
    }
  });
}
