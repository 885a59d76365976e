import { createStore, type StoreApi } from "zustand/vanilla";
import type { ResponseOf } from "../../shared/api/contract";
import type { LiveBoundary } from "../../shared/api/schemas/boundary";
import { monitorMode } from "../../shared/training/config";

/**
 * Training session state (ANCHORS R12: not undoable, not in the document): the runs of the open
 * project, the live one's progress, and every run's metric curves. Curves are appendable arrays
 * that events push onto in place; a run's `revision` grows with them, so a chart selects the run
 * (a new object per change) and reads the arrays without anything being copied. Per-batch
 * histories are thinned in place once they pass MAX_BATCH_POINTS; charts decimate further.
 */
export type RunSummary = ResponseOf<"runs.list">["runs"][number];
export type RunStatus = RunSummary["status"];
export type BestMetric = NonNullable<RunSummary["best"]>;
export type EpochRecord = ResponseOf<"runs.get">["history"][number];
type Metrics = Record<string, number | null>;

export interface Series {
  x: number[];
  y: (number | null)[];
}

export interface RunCurves {
  /** Training loss per batch (live runs only; run folders keep epochs). x = epochs elapsed, fractional. */
  batch: Series;
  /** Per epoch, by metric name ("loss", "val_loss", "accuracy", ...). x = 1-based epoch. */
  epoch: Record<string, Series>;
}

export interface RunView {
  runId: string;
  name: string;
  status: RunStatus;
  started: string | null;
  projectPath: string | null;
  runDir: string | null;
  backend: string | null;
  epochsDone: number;
  epochsPlanned: number | null;
  /** Where the live run is: 0-based epoch, 1-based batch within it. */
  epoch: number;
  batch: number;
  batchesPerEpoch: number;
  samplesPerSecond: number | null;
  /** Renderer clock when this session saw the run start (for the ETA); null for listed runs. */
  startedAtMs: number | null;
  /** Renderer clock when the run was paused, null while it is not; the pace stops there. */
  pausedAtMs: number | null;
  /** Milliseconds the run spent paused before (resumed pauses), left out of its pace. */
  pausedMs: number;
  best: BestMetric | null;
  last: Metrics | null;
  message: string | null;
  errorCode: string | null;
  hasModel: boolean;
  curves: RunCurves;
  /** Grows whenever the curves or the progress change. */
  revision: number;
  /** The epoch curves hold the run's whole history (live from its start, or loaded with runs.get). */
  historyLoaded: boolean;
  /** Generated samples per epoch (GAN generator, VAE decoder), newest last, at most MAX_SAMPLE_FRAMES. */
  samples: SampleFrame[];
  /** The last live decision boundary (two-feature data); null until one arrives or is loaded. */
  boundary: LiveBoundary | null;
  /** The parts of its data split that exist (from the host's listing; empty until listed). */
  parts: RunSummary["parts"];
  /** The checkpoints its folder holds (from the host's listing; empty until listed). */
  checkpoints: RunSummary["checkpoints"];
}

export interface SampleFrame {
  epoch: number;
  shape: number[];
  values: number[];
}

export interface TrainingState {
  runs: Readonly<Record<string, RunView>>;
  /** Run ids, newest first. */
  order: readonly string[];
  /** The run the charts and the progress bar show. */
  current: string | null;
  /** Other runs drawn on the same charts. */
  overlay: readonly string[];
  backend: string | null;
  /** The trainer process exited or failed outside a run; cleared when a run starts. */
  trainerMessage: string | null;
  /** The open project (project-scope.ts); null accepts every run (a store without a project). */
  project: ProjectKey | null;
  /** Runs of other projects still training: their events are not this project's. */
  foreign: ReadonlySet<string>;
}

/** A project as runs name it: its file, and the draft id it has in the editor. */
export interface ProjectKey {
  projectPath: string | null;
  draft: string | null;
}

export type TrainingStore = StoreApi<TrainingState>;

/** Batch points kept per run before every other one is dropped (a 2,000-epoch run of 500 batches). */
export const MAX_BATCH_POINTS = 50_000;
/** Epochs of generated samples kept per run; older ones are thinned so the first epochs stay. */
export const MAX_SAMPLE_FRAMES = 24;

export function createTrainingStore(initial: Partial<TrainingState> = {}): TrainingStore {
  return createStore<TrainingState>()(() => ({
    runs: {},
    order: [],
    current: null,
    overlay: [],
    backend: null,
    trainerMessage: null,
    project: null,
    foreign: new Set(),
    ...initial,
  }));
}

export function emptyCurves(): RunCurves {
  return { batch: { x: [], y: [] }, epoch: {} };
}

export function newRunView(runId: string, fields: Partial<RunView> = {}): RunView {
  return {
    runId,
    name: runId,
    status: "running",
    started: null,
    projectPath: null,
    runDir: null,
    backend: null,
    epochsDone: 0,
    epochsPlanned: null,
    epoch: 0,
    batch: 0,
    batchesPerEpoch: 0,
    samplesPerSecond: null,
    startedAtMs: null,
    pausedAtMs: null,
    pausedMs: 0,
    best: null,
    last: null,
    message: null,
    errorCode: null,
    hasModel: false,
    curves: emptyCurves(),
    revision: 0,
    historyLoaded: false,
    samples: [],
    boundary: null,
    parts: [],
    checkpoints: [],
    ...fields,
  };
}

/** Appends a point; a point at or before the last x first removes the ones it replaces. */
export function appendPoint(s: Series, x: number, y: number | null): void {
  // A restarted epoch (the trainer resends after a pause) must not draw the line backwards.
  const last = s.x.length - 1;
  if (last >= 0 && x <= s.x[last]) {
    while (s.x.length > 0 && s.x[s.x.length - 1] >= x) {
      s.x.pop();
      s.y.pop();
    }
  }
  s.x.push(x);
  s.y.push(y);
}

/** The metric a run is judged by: validation loss when there is validation, else training loss. */
export function monitoredMetric(metrics: Metrics): string | null {
  if (typeof metrics.val_loss === "number") return "val_loss";
  if (typeof metrics.loss === "number") return "loss";
  return null;
}

/** The best epoch so far, given one more epoch's metrics (the metric's own direction). */
export function bestAfter(best: BestMetric | null, metrics: Metrics, epoch: number): BestMetric | null {
  const metric = best?.metric ?? monitoredMetric(metrics);
  if (!metric) return best;
  const value = metrics[metric];
  if (typeof value !== "number" || !Number.isFinite(value)) return best;
  const mode = monitorMode(metric);
  if (best && (mode === "min" ? value >= best.value : value <= best.value)) return best;
  return { metric, value, epoch, mode };
}

/**
 * Replaces the run list with the host's (runs.list), keeping the curves already loaded or
 * received. Runs still training in this session but not yet listed stay.
 */
export function setRunList(store: TrainingStore, summaries: readonly RunSummary[]): void {
  const s = store.getState();
  const runs: Record<string, RunView> = {};
  const order: string[] = [];
  for (const sum of summaries) {
    const old = s.runs[sum.runId];
    const liveHere = old && (old.status === "running" || old.status === "paused");
    runs[sum.runId] = old
      ? {
          ...old,
          name: sum.name,
          // The events of a run training here are fresher than a listing taken a moment ago.
          status: liveHere && (sum.status === "running" || sum.status === "paused") ? old.status : sum.status,
          started: sum.started ?? old.started,
          runDir: sum.runDir ?? old.runDir,
          epochsDone: Math.max(old.epochsDone, sum.epochs),
          epochsPlanned: sum.epochsPlanned ?? old.epochsPlanned,
          best: sum.best ?? old.best,
          last: sum.last ?? old.last,
          message: sum.message ?? old.message,
          hasModel: sum.hasModel || old.hasModel,
          parts: sum.parts,
          checkpoints: sum.checkpoints,
          revision: old.revision + 1,
        }
      : newRunView(sum.runId, {
          name: sum.name,
          status: sum.status,
          started: sum.started,
          runDir: sum.runDir,
          epochsDone: sum.epochs,
          epochsPlanned: sum.epochsPlanned,
          best: sum.best,
          last: sum.last,
          message: sum.message,
          hasModel: sum.hasModel,
          parts: sum.parts,
          checkpoints: sum.checkpoints,
        });
    order.push(sum.runId);
  }
  for (const id of s.order) {
    const r = s.runs[id];
    if (!runs[id] && r && (r.status === "running" || r.status === "paused")) {
      runs[id] = r;
      order.unshift(id);
    }
  }
  const current = s.current && runs[s.current] ? s.current : (order[0] ?? null);
  // The host lists only this project's runs: a listed run is no longer foreign.
  const foreign = new Set([...s.foreign].filter((id) => !runs[id]));
  store.setState({
    runs,
    order,
    current,
    overlay: s.overlay.filter((id) => runs[id] && id !== current),
    foreign: foreign.size === s.foreign.size ? s.foreign : foreign,
  });
}

/** Fills a run's epoch curves from its saved history (runs.get). */
export function setRunHistory(store: TrainingStore, runId: string, history: readonly EpochRecord[]): void {
  const r = store.getState().runs[runId];
  if (!r) return;
  const epoch: Record<string, Series> = {};
  let best: BestMetric | null = null;
  for (const row of history) {
    const metrics: Metrics = {};
    for (const [name, value] of Object.entries(row)) {
      if (name === "epoch") continue;
      metrics[name] = value;
      epoch[name] ??= { x: [], y: [] };
      appendPoint(epoch[name], row.epoch, value);
    }
    best = bestAfter(best, metrics, row.epoch);
  }
  const curves: RunCurves = { batch: r.curves.batch, epoch };
  store.setState({
    runs: {
      ...store.getState().runs,
      [runId]: { ...r, curves, historyLoaded: true, best: r.best ?? best, revision: r.revision + 1 },
    },
  });
}

export function selectRun(store: TrainingStore, runId: string | null): void {
  const s = store.getState();
  if (runId !== null && !s.runs[runId]) return;
  store.setState({ current: runId, overlay: s.overlay.filter((id) => id !== runId) });
}

export function toggleOverlay(store: TrainingStore, runId: string, on: boolean): void {
  const s = store.getState();
  if (!s.runs[runId] || runId === s.current) return;
  const overlay = s.overlay.filter((id) => id !== runId);
  store.setState({ overlay: on ? [...overlay, runId] : overlay });
}

export const isActive = (r: Pick<RunView, "status"> | undefined): boolean =>
  r?.status === "running" || r?.status === "paused";
