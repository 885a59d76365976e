import { randomBytes } from "node:crypto";
import { cp, mkdir, rename, rm, rmdir } from "node:fs/promises";
import { join } from "node:path";
import { exists, listRunIds } from "./run-files";

export interface RunLeft {
  runId: string;
  reason: string;
}

export interface TransferResult {
  /** Run ids now in the target root. */
  done: string[];
  /** Runs still where they were (the source is never touched for them), and why. */
  left: RunLeft[];
}

/**
 * Moves or copies every run folder of one runs root into another, one run at a time. A run
 * appears in the target whole or not at all: it is renamed into place (same file system) or
 * copied under a hidden temporary name and renamed when complete; a moved run's source is removed
 * only after that. `busy(runId)` names runs that must stay (still training) and says why. A run
 * whose id is already in the target (copied by an earlier Save As) is left as it is there.
 */
export async function transferRuns(
  from: string,
  to: string,
  mode: "move" | "copy",
  busy: (runId: string) => string | null,
): Promise<TransferResult> {
  const result: TransferResult = { done: [], left: [] };
  const ids = await listRunIds(from);
  if (ids.length === 0) return result;
  try {
    await mkdir(to, { recursive: true });
  } catch (error) {
    const reason = `cannot create ${to}: ${(error as Error).message}`;
    return { done: [], left: ids.map((runId) => ({ runId, reason })) };
  }
  for (const runId of ids) {
    const why = busy(runId);
    if (why) {
      result.left.push({ runId, reason: why });
      continue;
    }
    const src = join(from, runId);
    const dst = join(to, runId);
    if (await exists(dst)) {
      if (mode === "copy") continue;
      result.left.push({ runId, reason: `${dst} already exists; the run was left in ${from}` });
      continue;
    }
    try {
      if (mode === "move") await moveFolder(src, dst);
      else await copyFolder(src, dst);
      result.done.push(runId);
    } catch (error) {
      result.left.push({ runId, reason: `${(error as Error).message}; the run was left in ${from}` });
    }
  }
  // An emptied draft root goes; one that still holds runs (left behind) stays.
  if (mode === "move") await rmdir(from).catch(() => undefined);
  return result;
}

async function moveFolder(src: string, dst: string): Promise<void> {
  try {
    await rename(src, dst);
  } catch (error) {
    // Another file system (the config folder on another disk): copy whole, then remove the source.
    if ((error as NodeJS.ErrnoException).code !== "EXDEV") throw error;
    await copyFolder(src, dst);
    await rm(src, { recursive: true, force: true });
  }
}

async function copyFolder(src: string, dst: string): Promise<void> {
  const tmp = join(dst, "..", `.${randomBytes(4).toString("hex")}.partial`);
  try {
    await cp(src, tmp, { recursive: true, errorOnExist: true, force: false });
    await rename(tmp, dst);
  } catch (error) {
    await rm(tmp, { recursive: true, force: true }).catch(() => undefined);
    throw error;
  }
}
