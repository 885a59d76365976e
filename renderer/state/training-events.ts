import type { EventOf } from "../../shared/api/contract";
import { startedHere } from "./project-scope";
import {
  appendPoint,
  bestAfter,
  MAX_BATCH_POINTS,
  MAX_SAMPLE_FRAMES,
  newRunView,
  type RunView,
  type Series,
  type TrainingStore,
} from "./training-store";

/** The host events the store folds in, tagged by name. */
export type TrainingEvent =
  | { name: "train.started"; payload: EventOf<"train.started"> }
  | { name: "train.progress"; payload: EventOf<"train.progress"> }
  | { name: "train.epoch"; payload: EventOf<"train.epoch"> }
  | { name: "train.samples"; payload: EventOf<"train.samples"> }
  | { name: "train.boundary"; payload: EventOf<"train.boundary"> }
  | { name: "train.status"; payload: EventOf<"train.status"> }
  | { name: "train.checkpoint"; payload: EventOf<"train.checkpoint"> }
  | { name: "train.done"; payload: EventOf<"train.done"> }
  | { name: "train.error"; payload: EventOf<"train.error"> }
  | { name: "trainer.ready"; payload: EventOf<"trainer.ready"> }
  | { name: "trainer.exited"; payload: EventOf<"trainer.exited"> };

export const TRAINING_EVENTS = [
  "train.started",
  "train.progress",
  "train.epoch",
  "train.samples",
  "train.boundary",
  "train.status",
  "train.checkpoint",
  "train.done",
  "train.error",
  "trainer.ready",
  "trainer.exited",
] as const satisfies readonly TrainingEvent["name"][];

/**
 * Folds a burst of events into the store with one state change (the feed batches them), so a
 * run that sends hundreds of tiny epochs a second costs one render per flush, not one per epoch.
 */
export function applyTrainingEvents(store: TrainingStore, events: readonly TrainingEvent[], nowMs: number): void {
  if (events.length === 0) return;
  const s = store.getState();
  const runs: Record<string, RunView> = { ...s.runs };
  let order = s.order;
  let { current, backend, trainerMessage } = s;
  const touched = new Set<string>();
  let foreign = s.foreign;
  // Copy a run once per burst; later events of the burst change the copy.
  const edit = (runId: string): RunView => {
    if (!touched.has(runId)) {
      const existing = runs[runId];
      runs[runId] = existing
        ? { ...existing, revision: existing.revision + 1 }
        : newRunView(runId, { startedAtMs: nowMs });
      if (!existing) order = [runId, ...order];
      touched.add(runId);
    }
    return runs[runId];
  };

  for (const e of events) {
    const runId = "runId" in e.payload ? e.payload.runId : null;
    if (e.name === "train.started" && !startedHere(s.project, e.payload)) {
      foreign = new Set(foreign).add(e.payload.runId);
      continue;
    }
    if (runId !== null && foreign.has(runId)) {
      // Once another project's run has ended it no longer blocks training here (use-start.ts).
      if (e.name === "train.done" || e.name === "train.error") foreign = withoutId(foreign, runId);
      continue;
    }
    switch (e.name) {
      case "train.started": {
        const p = e.payload;
        const fresh = newRunView(p.runId, {
          name: p.name,
          projectPath: p.projectPath,
          runDir: p.runDir,
          backend: p.backend,
          started: new Date(nowMs).toISOString(),
          startedAtMs: nowMs,
          epochsPlanned: p.epochs,
          historyLoaded: true,
          revision: (runs[p.runId]?.revision ?? 0) + 1,
        });
        if (!runs[p.runId]) order = [p.runId, ...order];
        runs[p.runId] = fresh;
        touched.add(p.runId);
        current = p.runId;
        backend = p.backend;
        trainerMessage = null;
        break;
      }
      case "train.progress": {
        const p = e.payload;
        const r = edit(p.runId);
        r.epoch = p.epoch;
        r.batch = p.batch;
        r.batchesPerEpoch = p.batchesPerEpoch;
        r.samplesPerSecond = p.samplesPerSecond;
        if (p.batchesPerEpoch > 0) appendPoint(r.curves.batch, p.epoch + p.batch / p.batchesPerEpoch, p.loss);
        if (r.curves.batch.x.length > MAX_BATCH_POINTS) thin(r.curves.batch);
        break;
      }
      case "train.epoch": {
        const p = e.payload;
        const r = edit(p.runId);
        for (const [name, value] of Object.entries(p.metrics)) {
          r.curves.epoch[name] ??= { x: [], y: [] };
          appendPoint(r.curves.epoch[name], p.epoch + 1, value);
        }
        r.epochsDone = p.epoch + 1;
        r.epochsPlanned = p.epochs;
        r.epoch = p.epoch + 1;
        r.batch = 0;
        r.last = p.metrics;
        r.best = bestAfter(r.best, p.metrics, p.epoch + 1);
        break;
      }
      case "train.samples": {
        const p = e.payload;
        const r = edit(p.runId);
        const frames = [
          ...r.samples.filter((f) => f.epoch !== p.epoch),
          { epoch: p.epoch, shape: p.shape, values: p.values },
        ];
        // Keep the first epoch and an even spread after it, so the grid shows the whole progression.
        r.samples =
          frames.length > MAX_SAMPLE_FRAMES
            ? frames.filter((_, i) => i === 0 || i % 2 === 1 || i === frames.length - 1)
            : frames;
        break;
      }
      case "train.boundary":
        edit(e.payload.runId).boundary = e.payload.boundary;
        break;
      case "train.status": {
        const r = edit(e.payload.runId);
        pauseClock(r, e.payload.status, nowMs);
        r.status = e.payload.status;
        break;
      }
      case "train.checkpoint": {
        edit(e.payload.runId).hasModel = true;
        break;
      }
      case "train.done": {
        const p = e.payload;
        const r = edit(p.runId);
        r.status = p.reason;
        r.message = p.message ?? null;
        r.hasModel = true;
        r.epochsDone = Math.max(r.epochsDone, p.epochs);
        if (p.runDir) r.runDir = p.runDir;
        if (Object.keys(p.metrics).length > 0) r.last = p.metrics;
        break;
      }
      case "train.error": {
        const p = e.payload;
        if (p.runId === null) {
          trainerMessage = p.message;
          break;
        }
        const r = edit(p.runId);
        r.status = "failed";
        r.message = p.message;
        r.errorCode = p.code;
        break;
      }
      case "trainer.ready":
        backend = e.payload.backend;
        break;
      case "trainer.exited":
        backend = null;
        trainerMessage = e.payload.message;
        break;
    }
  }
  store.setState({ runs, order, current: current ?? order[0] ?? null, backend, trainerMessage, foreign });
}

/**
 * Time spent paused is kept out of the run's pace: the clock stops when the run pauses and what
 * it was paused for is added up when it resumes, so the time left neither grows while paused nor
 * comes out too long afterwards.
 */
function pauseClock(r: RunView, status: RunView["status"], nowMs: number): void {
  if (status === "paused" && r.pausedAtMs === null) r.pausedAtMs = nowMs;
  if (status !== "paused" && r.pausedAtMs !== null) {
    r.pausedMs += Math.max(0, nowMs - r.pausedAtMs);
    r.pausedAtMs = null;
  }
}

/** Drops every other point, keeping the last (the newest value stays on screen). */
function thin(s: Series): void {
  const n = s.x.length;
  let w = 0;
  for (let i = 0; i < n; i++) {
    if (i % 2 === 0 || i === n - 1) {
      s.x[w] = s.x[i];
      s.y[w] = s.y[i];
      w++;
    }
  }
  s.x.length = w;
  s.y.length = w;
}

function withoutId(ids: ReadonlySet<string>, id: string): ReadonlySet<string> {
  const next = new Set(ids);
  next.delete(id);
  return next;
}
