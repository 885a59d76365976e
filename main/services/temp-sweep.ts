import { lstat, readdir, rm } from "node:fs/promises";
import { join } from "node:path";

/**
 * Temporary files NetForge writes beside their targets carry the writer's process id:
 * `.<name>.<pid>-<hex>.tmp` (atomic-write.ts, exports) and `<name>.tmp-<pid>` (checkpoints of
 * earlier versions). A writer removes its own on failure; a killed one cannot, so they are swept
 * when their folder is next used, once no process with that id is alive.
 */
const PATTERNS = [/^\..+\.(\d+)-[0-9a-f]{8}\.tmp$/, /^.+\.tmp-(\d+)$/];

/** Is a process with this id running? (EPERM: it is, but belongs to another user.) */
export function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Removes the stale temporary files (or export folders) directly in `dir`; returns their names.
 * Best effort: a missing or unreadable folder, or a file that cannot be removed, is left alone.
 */
export async function sweepStaleTemps(dir: string, alive: (pid: number) => boolean = processAlive): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const removed: string[] = [];
  for (const name of names) {
    const pid = PATTERNS.map((p) => p.exec(name)?.[1]).find((m) => m !== undefined);
    if (pid === undefined || alive(Number(pid))) continue;
    const info = await lstat(join(dir, name)).catch(() => null);
    if (!info || info.isSymbolicLink()) continue;
    const gone = await rm(join(dir, name), { recursive: info.isDirectory(), force: true }).then(
      () => true,
      () => false,
    );
    if (gone) removed.push(name);
  }
  return removed;
}
