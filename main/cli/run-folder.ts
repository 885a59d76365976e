import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { InlineDataset } from "../../shared/datasets/inline";
import type { DatasetSpec } from "../../shared/datasets/spec";
import { isDataError } from "../data/errors";
import { specForPath } from "../data/source-for-path";
import { UserError } from "./io";
import { loadTrainable } from "./trainable";

/** What `netforge train` (and the host) record in a run folder's run.json, as far as commands read it. */
export interface RunJson {
  source?: string;
  data?: { kind?: string; spec?: unknown; from?: string };
}

/** A run folder's run.json; a folder without one is not a run (a user error naming the file). */
export async function readRunJson(runDir: string): Promise<RunJson> {
  const path = join(runDir, "run.json");
  const text = await readFile(path, "utf8").catch(() => {
    throw new UserError(`${runDir}: not a run folder (expected ${path}, written when a run starts)`);
  });
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UserError(`${path}: not valid JSON (${(error as Error).message})`);
  }
}

/** The dataset spec a data file or folder reads as; unreadable data is the user's error. */
export async function dataAt(path: string): Promise<DatasetSpec> {
  try {
    return await specForPath(path);
  } catch (error) {
    if (isDataError(error)) throw new UserError(error.message);
    throw error;
  }
}

/**
 * run.json records inline samples by count only (they live in the project or template), so they
 * are read again from where the run took them; a dataset spec is in run.json and needs nothing.
 */
export async function runInlineData(runDir: string): Promise<InlineDataset | DatasetSpec | undefined> {
  const record = await readRunJson(runDir);
  const data = record.data;
  if (!data || data.spec !== undefined || data.kind !== "inline" || !data.from) return undefined;
  if (data.from.startsWith("template:"))
    return (await loadTrainable(data.from.slice("template:".length), undefined)).data;
  if (data.from === record.source) return (await loadTrainable(data.from, undefined)).data;
  return dataAt(data.from);
}
