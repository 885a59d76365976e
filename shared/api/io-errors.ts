/**
 * File-system failures (Node's errno codes) in the contract's terms: E_IO with the reason in
 * words, the operation and the path, instead of E_INTERNAL or a bare "ENOSPC". Pure, so the host
 * and the trainer map them the same way.
 */
const REASONS: Record<string, string> = {
  ENOSPC: "no space left on the disk",
  EDQUOT: "the disk quota is used up",
  EFBIG: "the file is too large for the file system",
  EROFS: "the file system is read-only",
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  EIO: "the disk reported an input/output error",
  EMFILE: "too many open files",
  ENFILE: "too many open files on this machine",
  EBUSY: "the file is busy (in use by another program)",
};

export interface IoFailure {
  code: "E_IO";
  message: string;
}

/** The E_IO form of a file-system error, or null when `error` is not one of those codes. */
export function ioFailure(error: unknown, doing = "file access failed"): IoFailure | null {
  const e = error as { code?: unknown; syscall?: unknown; path?: unknown; dest?: unknown } | null;
  const reason = typeof e?.code === "string" ? REASONS[e.code] : undefined;
  if (reason === undefined) return null;
  const where = typeof e?.path === "string" ? ` (${e.syscall ?? "file"} ${e.path})` : "";
  return { code: "E_IO", message: `${doing}: ${reason}${where} [${e?.code}]` };
}
