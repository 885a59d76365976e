import { randomBytes } from "node:crypto";
import { mkdir, open, rename, rm, stat } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

/**
 * Export outputs appear whole or not at all: a file or folder is written under a temporary name
 * beside its target (same filesystem, so the rename is atomic) and renamed into place only once
 * it passed verification; a failed one is removed and the target is left as it was.
 */

/** A fresh temporary path beside `target`, hidden, removed by `discard` or moved by `commit*`. */
export function tempBeside(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}-${randomBytes(4).toString("hex")}.tmp`);
}

/** Writes and flushes a file at a temporary path. */
export async function writeTemp(tmp: string, data: Uint8Array | string): Promise<void> {
  await mkdir(dirname(tmp), { recursive: true });
  const handle = await open(tmp, "wx", 0o644);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Renames a finished temporary file over the target. */
export async function commitFile(tmp: string, target: string): Promise<void> {
  await rename(tmp, target);
}

/**
 * Moves a finished temporary folder into place. A folder cannot be renamed over a non-empty one,
 * so an existing target is first moved aside and removed only after the new one is in place.
 */
export async function commitFolder(tmp: string, target: string): Promise<void> {
  const existing = await stat(target).catch(() => null);
  if (!existing) {
    await rename(tmp, target);
    return;
  }
  const aside = tempBeside(target);
  await rename(target, aside);
  try {
    await rename(tmp, target);
  } catch (error) {
    await rename(aside, target).catch(() => {});
    throw error;
  }
  await rm(aside, { recursive: true, force: true });
}

export async function discard(tmp: string): Promise<void> {
  await rm(tmp, { recursive: true, force: true });
}
