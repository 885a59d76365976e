import { createHash } from "node:crypto";
import { access, open, rename, stat, unlink } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import type { ParsedRequestOf, ResponseOf } from "../../shared/api/contract";
import { ApiError } from "../../shared/api/errors";
import { MAX_UPLOAD_BYTES } from "../../shared/api/limits";

/**
 * Writes one part of an upload into `target` (already checked for writing). Parts go to a hidden
 * temporary file beside the target, named after this process (so a stale one is swept after a
 * crash, see temp-sweep.ts) and the target; each part must start where the file so far ends. The
 * last part is flushed and renamed into place, so the file appears whole or not at all; a failed
 * write removes the temporary file.
 */
export async function writeUploadPart(
  target: string,
  req: ParsedRequestOf<"fs.upload">,
): Promise<ResponseOf<"fs.upload">> {
  const offset = req.offset ?? 0;
  const last = req.last ?? true;
  const tmp = partialPath(target);
  const bytes = Buffer.from(req.base64, "base64");
  if (offset + bytes.byteLength > MAX_UPLOAD_BYTES) {
    await unlink(tmp).catch(() => {});
    throw new ApiError(
      "E_TOO_LARGE",
      `${basename(target)}: uploads take at most ${MAX_UPLOAD_BYTES / 1024 / 1024} MiB; this part ends at byte ${offset + bytes.byteLength}`,
    );
  }
  if (offset === 0 && !req.overwrite && (await exists(target))) {
    throw new ApiError("E_EXISTS", `${target} already exists; choose another name or allow replacing it`);
  }
  const sofar = offset === 0 ? 0 : ((await stat(tmp).catch(() => null))?.size ?? null);
  if (sofar !== offset) {
    throw new ApiError(
      "E_BAD_REQUEST",
      `offset: expected ${sofar === null ? "0 (no upload of this file is under way)" : `${sofar} (the bytes received so far)`}; received ${offset}; start the upload again from 0`,
    );
  }
  try {
    const handle = await open(tmp, offset === 0 ? "w" : "a", 0o644);
    try {
      await handle.writeFile(bytes);
      if (last) await handle.sync();
    } finally {
      await handle.close();
    }
    if (last) {
      if (!req.overwrite && (await exists(target))) {
        throw new ApiError(
          "E_EXISTS",
          `${target} appeared during the upload; choose another name or allow replacing it`,
        );
      }
      await rename(tmp, target);
    }
  } catch (error) {
    await unlink(tmp).catch(() => {});
    throw error;
  }
  return { path: target, bytes: offset + bytes.byteLength };
}

/** `.<name>.<pid>-<8 hex of the target>.tmp`: the same for every part of one upload in this process. */
function partialPath(target: string): string {
  const tag = createHash("sha256").update(target).digest("hex").slice(0, 8);
  return join(dirname(target), `.${basename(target)}.${process.pid}-${tag}.tmp`);
}

function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}
