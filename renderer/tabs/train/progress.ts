import type { RunView } from "../../state/training-store";

/** How far a run is, from 0 to 1: finished epochs plus the share of the current one. */
export function runFraction(
  r: Pick<RunView, "epoch" | "batch" | "batchesPerEpoch" | "epochsDone" | "epochsPlanned" | "status">,
): number {
  if (!r.epochsPlanned) return 0;
  if (r.status === "completed") return 1;
  const within = r.batchesPerEpoch > 0 ? r.batch / r.batchesPerEpoch : 0;
  const done = Math.max(r.epochsDone, r.epoch + within);
  const f = done / r.epochsPlanned;
  // Math.max(0, NaN) is NaN: a bar "NaN%" wide.
  return Number.isFinite(f) ? Math.min(1, Math.max(0, f)) : 0;
}

/**
 * Seconds left, from the average pace since the run started in this window (steadier than the
 * last batch's samples per second, which jumps at every validation pass); null until there is a
 * pace to go by. Paused time is not training time: the clock stops at the pause (the estimate
 * stays as it was) and earlier pauses are left out of the pace.
 */
export function etaSeconds(
  r: Parameters<typeof runFraction>[0] & Pick<RunView, "startedAtMs" | "pausedAtMs" | "pausedMs">,
  nowMs: number,
): number | null {
  if (r.startedAtMs === null || (r.status !== "running" && r.status !== "paused")) return null;
  const f = runFraction(r);
  const until = r.pausedAtMs ?? nowMs;
  const elapsed = (until - r.startedAtMs - r.pausedMs) / 1000;
  if (!(f > 0) || !(elapsed >= 1)) return null;
  const left = (elapsed * (1 - f)) / f;
  return Number.isFinite(left) ? Math.max(0, left) : null;
}

/** 42 s, 3:07, 1:02:09; a dash for what is not a duration (NaN, infinite). */
export function durationText(seconds: number): string {
  if (!Number.isFinite(seconds)) return "–";
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${sec}` : `${m}:${sec}`;
}

/** Status words as the runs list and the progress panel show them. */
export const STATUS_TEXT: Record<RunView["status"], string> = {
  running: "Running",
  paused: "Paused",
  completed: "Completed",
  stopped: "Stopped",
  "early-stopped": "Early-stopped",
  diverged: "Diverged",
  failed: "Failed",
  interrupted: "Interrupted",
};

export function statusTone(status: RunView["status"]): "ok" | "warning" | "error" | "neutral" {
  if (status === "completed" || status === "early-stopped") return "ok";
  if (status === "diverged" || status === "failed") return "error";
  if (status === "stopped" || status === "interrupted" || status === "paused") return "warning";
  return "neutral";
}
