import type { ResponseOf } from "../../shared/api/contract";
import { toast, type UiStore } from "../state/ui-store";

/**
 * Says what a save did: the file, how many runs came along (moved from the unsaved project, or
 * copied by Save As), and each run that stayed behind with the reason (still training, or the
 * file system refused); those are still listed and move with the next save.
 */
export function reportSaved(ui: UiStore, r: ResponseOf<"projects.save">): void {
  const n = r.runs.moved + r.runs.copied;
  toast(ui, "success", `Saved ${r.path}${n === 0 ? "" : ` with its ${n} run${n === 1 ? "" : "s"}`}`);
  for (const left of r.runs.left) toast(ui, "error", `Run ${left.runId} stayed where it was: ${left.reason}`);
}
