import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { ResponseOf } from "../../shared/api/contract";
import { ApiError } from "../../shared/api/errors";
import { LIVE_BOUNDARY_FILE, LiveBoundarySchema } from "../../shared/api/schemas/boundary";
import type { ProjectRef, RunsService } from "./runs";

/**
 * A run's last live decision boundary: the training host's memory while it trains (fresher than
 * the file, and the only copy for a run without a folder), else the run folder's boundary.json.
 * null when the run has none (not two-feature data, or it ended before its first epoch).
 */
export async function runBoundary(
  runs: RunsService,
  ref: ProjectRef,
  runId: string,
): Promise<ResponseOf<"runs.boundary">> {
  const { stored, live } = await runs.find(ref, runId);
  if (live?.boundary) return { boundary: live.boundary };
  if (!stored.runDir) return { boundary: null };
  const path = join(stored.runDir, LIVE_BOUNDARY_FILE);
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { boundary: null };
    throw new ApiError("E_IO", `could not read ${path}: ${(error as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ApiError("E_INVALID_DOCUMENT", `${path} is not JSON: ${(error as Error).message}`);
  }
  const parsed = LiveBoundarySchema.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new ApiError(
      "E_INVALID_DOCUMENT",
      `${path} is not a decision boundary: ${first.path.join(".") || "(file)"}: ${first.message}`,
    );
  }
  return { boundary: parsed.data };
}
