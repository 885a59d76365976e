import { rename, rm, stat } from "node:fs/promises";
import { tempBeside } from "./atomic-write";

/**
 * Export outputs appear whole or not at all: a file or folder is written under a temporary name
 * beside its target (same filesystem, so the rename is atomic) and renamed into place only once
 * it passed verification; a failed one is removed and the target is left as it was. The temporary
 * path and the flushed write are atomic-write.ts's.
 */

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
