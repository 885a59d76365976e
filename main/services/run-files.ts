import { access, readdir, readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { ResponseOf } from "../../shared/api/contract";
import { type DatasetSpec, DatasetSpecSchema } from "../../shared/datasets/spec";
import { monitorMode, TrainingConfigSchema } from "../../shared/training/config";
import { runFolder, type Trainable } from "../cli/trainable";
import { writeFileAtomic } from "./atomic-write";
import { runParts } from "./run-parts";

export type RunSummary = ResponseOf<"runs.list">["runs"][number];
export type EpochRecord = ResponseOf<"runs.get">["history"][number];

/** Written by the host when a run ends (the CLI's runs have none; their status is inferred). */
export interface RunEnd {
  reason: RunSummary["status"];
  epochs: number;
  steps?: number;
  metrics?: Record<string, number | null>;
  message?: string;
  code?: string;
  ended: string;
}

/** `<project dir>/<stem>.runs`: the folder the CLI's `train` writes run folders into (cli/trainable.ts). */
export function runsRoot(projectPath: string): string {
  return dirname(runFolder({ source: projectPath } as Trainable, "run"));
}

/** The run folders (those holding a run.json) in a runs root, newest first. */
export async function listRunIds(root: string): Promise<string[]> {
  const names = await readdir(root, { withFileTypes: true }).catch(() => []);
  const ids: string[] = [];
  for (const d of names) {
    // Hidden folders are runs still being copied in (run-transfer.ts), not runs.
    if (d.isDirectory() && !d.name.startsWith(".") && (await exists(join(root, d.name, "run.json")))) ids.push(d.name);
  }
  return ids.sort().reverse();
}

export interface StoredRun {
  runId: string;
  /** null for a run of an unsaved project, kept in memory only. */
  runDir: string | null;
  record: Record<string, unknown> | null;
  history: EpochRecord[];
  end: RunEnd | null;
  hasModel: boolean;
  checkpoints: ("best" | "last")[];
}

export async function readRun(runDir: string, runId: string): Promise<StoredRun> {
  const record = await readJson(join(runDir, "run.json"));
  const end = (await readJson(join(runDir, "end.json"))) as RunEnd | null;
  const checkpoints: ("best" | "last")[] = [];
  for (const kind of ["best", "last"] as const)
    if (await exists(join(runDir, "checkpoints", kind, "model.json"))) checkpoints.push(kind);
  return {
    runId,
    runDir,
    record,
    history: await readHistory(join(runDir, "metrics.jsonl")),
    end,
    hasModel: checkpoints.length > 0,
    checkpoints,
  };
}

/** The dataset spec a run.json records (`data.spec`); null for inline data or none. */
export function recordedDataSpec(record: Record<string, unknown> | null): DatasetSpec | null {
  const data = record?.data;
  const spec = DatasetSpecSchema.safeParse(
    data && typeof data === "object" ? (data as { spec?: unknown }).spec : undefined,
  );
  return spec.success ? spec.data : null;
}

export function writeRunEnd(runDir: string, end: RunEnd): Promise<number> {
  return writeFileAtomic(join(runDir, "end.json"), `${JSON.stringify(end, null, 2)}\n`);
}

/** metrics.jsonl: one JSON object per epoch; a torn last line (a crash mid-write) is skipped. */
async function readHistory(file: string): Promise<EpochRecord[]> {
  const text = await readFile(file, "utf8").catch(() => "");
  const out: EpochRecord[] = [];
  for (const line of text.split("\n")) {
    if (!line.trim()) continue;
    try {
      const row = JSON.parse(line) as EpochRecord;
      if (typeof row.epoch === "number") out.push(row);
    } catch {
      // skipped
    }
  }
  return out;
}

/** Status, best metric and counts of a stored run (live runs override status and history). */
export function summarize(run: StoredRun, live?: Partial<RunSummary> & { history?: EpochRecord[] }): RunSummary {
  const record = run.record ?? {};
  const config = TrainingConfigSchema.safeParse(record.training ?? {});
  const planned = config.success ? config.data.epochs : null;
  const history = live?.history ?? run.history;
  const status: RunSummary["status"] =
    live?.status ?? run.end?.reason ?? (planned !== null && history.length >= planned ? "completed" : "interrupted");
  const monitor = config.success ? config.data.checkpoints.monitor : "loss";
  return {
    runId: run.runId,
    name: typeof record.name === "string" ? record.name : run.runId,
    status,
    started: typeof record.started === "string" ? record.started : null,
    epochs: history.length,
    epochsPlanned: live?.epochsPlanned ?? planned,
    best: bestOf(history, monitor),
    last: history.length ? withoutEpoch(history[history.length - 1]) : null,
    runDir: run.runDir,
    message: live?.message ?? run.end?.message ?? null,
    hasModel: live?.hasModel ?? run.hasModel,
    parts: runParts(run.record, history),
    checkpoints: run.checkpoints,
  };
}

/** The monitored metric's best epoch; falls back to val_loss, then loss, when it was never logged. */
export function bestOf(history: readonly EpochRecord[], monitor: string): RunSummary["best"] {
  for (const metric of [monitor, "val_loss", "loss"]) {
    const mode = monitorMode(metric);
    let best: RunSummary["best"] = null;
    for (const row of history) {
      const v = row[metric];
      if (typeof v !== "number" || !Number.isFinite(v)) continue;
      if (!best || (mode === "min" ? v < best.value : v > best.value))
        best = { metric, value: v, epoch: row.epoch, mode };
    }
    if (best) return best;
  }
  return null;
}

/** Epoch curves as CSV: epoch, then loss and val_loss, then the other metrics in name order. */
export function historyCsv(history: readonly EpochRecord[]): string {
  const keys = new Set<string>();
  for (const row of history) for (const k of Object.keys(row)) if (k !== "epoch") keys.add(k);
  const first = ["loss", "val_loss"].filter((k) => keys.has(k));
  const columns = [...first, ...[...keys].filter((k) => !first.includes(k)).sort()];
  const lines = [["epoch", ...columns].join(",")];
  for (const row of history) {
    lines.push([row.epoch, ...columns.map((c) => (typeof row[c] === "number" ? String(row[c]) : ""))].join(","));
  }
  return `${lines.join("\n")}\n`;
}

function withoutEpoch(row: EpochRecord): Record<string, number | null> {
  const { epoch: _, ...metrics } = row;
  return metrics as Record<string, number | null>;
}

async function readJson(file: string): Promise<Record<string, unknown> | null> {
  try {
    const value = JSON.parse(await readFile(file, "utf8"));
    return value && typeof value === "object" && !Array.isArray(value) ? value : null;
  } catch {
    return null;
  }
}

export function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}
