import { randomBytes } from "node:crypto";
import { mkdir, open, rename, unlink } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

/**
 * Files appear whole or not at all: data goes to a temporary file beside the target (same
 * filesystem, so rename is atomic), is flushed to disk, and is renamed over the target.
 */

/** A fresh hidden temporary path beside `target`. */
export function tempBeside(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}-${randomBytes(4).toString("hex")}.tmp`);
}

/** Writes and flushes a file at a temporary path (creating its folder). */
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

/**
 * Writes a file so that readers (and a crash) see either the old content or the new, never half.
 * On any failure the temporary file is removed and the target is untouched. Returns the bytes written.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<number> {
  const tmp = tempBeside(path);
  const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : data;
  try {
    await writeTemp(tmp, bytes);
    await rename(tmp, path);
  } catch (error) {
    await unlink(tmp).catch(() => {});
    throw error;
  }
  return bytes.byteLength;
}
