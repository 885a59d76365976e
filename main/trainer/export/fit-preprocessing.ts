import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { InlineDataset } from "../../../shared/datasets/inline";
import type { DatasetSpec } from "../../../shared/datasets/spec";
import type { TrainingConfig } from "../../../shared/training/config";
import type { Compiled } from "../compile/compile";
import { prepareDataset } from "../run/dataset";

/** Data kinds whose preparation fits and saves preprocessing (preprocessing.json in a run folder). */
const FITTED = new Set(["table", "text", "timeSeries", "sentencePairs", "imageFolder"]);

/**
 * The preprocessing a run of this project would save: its data prepared as training prepares it
 * (split, fitted on the training part only) into a scratch folder, and read back. A project
 * exported with fresh weights has no run folder, yet its file must take raw data like a trained
 * run's. Null for data kinds that save none (inline, NumPy, IDX).
 */
export async function fitPreprocessing(
  data: InlineDataset | DatasetSpec,
  compiled: Compiled,
  config: TrainingConfig,
): Promise<Record<string, unknown> | null> {
  if ("kind" in data || !FITTED.has(data.source.kind)) return null;
  const dir = await mkdtemp(join(tmpdir(), "netforge-export-fit-"));
  try {
    const prepared = await prepareDataset(data, compiled, config, dir);
    prepared.dispose();
    const text = await readFile(join(dir, "preprocessing.json"), "utf8").catch(() => null);
    return text === null ? null : (JSON.parse(text) as Record<string, unknown>);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
