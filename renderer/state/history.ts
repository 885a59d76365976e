import type { DocumentStore } from "./document-store";
import {
  applyDiff,
  copyDiff,
  diffProjects,
  emptyDiff,
  isDiffEmpty,
  type ProjectDiff,
  reverseDiff,
  squashInto,
} from "./records-diff";

/**
 * Undo/redo over document diffs, after tldraw's HistoryManager (ANCHORS R16). Every document
 * change is recorded into a pending diff; `mark` closes it and pushes a stopping point, so one
 * gesture (a drag, typing into one field) is whatever happened between two marks, however many
 * store updates it took. Undo reverts to the previous stopping point. Selection and viewport are
 * not in the document, so they are never recorded.
 */
export interface History {
  /** A gesture's stopping point: everything recorded since the previous mark becomes one entry. */
  mark(label: string): void;
  /**
   * Runs `fn` with the given recording mode: "record" (the default) records and clears the redo
   * stack, "ignore" (loading, migrations; Excalidraw's NEVER) records nothing. An outer "ignore"
   * wins over inner batches, as in tldraw.
   */
  batch<T>(fn: () => T, opts?: { history?: "record" | "record-preserve-redo" | "ignore" }): T;
  undo(): void;
  redo(): void;
  canUndo(): boolean;
  canRedo(): boolean;
  clear(): void;
  /** Fires when canUndo() or canRedo() changes. */
  subscribe(listener: () => void): () => void;
  /** The stacks as JSON-able data, oldest first, pending changes included (for tests and tools). */
  getSnapshot(): HistorySnapshot;
  /** Replaces both stacks; pending changes are dropped. Refuses snapshots of another version. */
  loadSnapshot(snapshot: HistorySnapshot): void;
  /** Stops listening to the document. */
  dispose(): void;
}

export type HistoryEntry = { type: "diff"; diff: ProjectDiff } | { type: "stop"; id: string };

export const HISTORY_SNAPSHOT_VERSION = 1;
export interface HistorySnapshot {
  version: number;
  undos: HistoryEntry[];
  redos: HistoryEntry[];
}

type Mode = "record" | "record-preserve-redo" | "ignore";

/** Closed gestures kept on the undo stack (the one in progress comes on top of them). */
export const DEFAULT_HISTORY_LIMIT = 200;

export function createHistory(doc: DocumentStore, opts: { limit?: number } = {}): History {
  const limit = Math.max(1, opts.limit ?? DEFAULT_HISTORY_LIMIT);
  let mode: Mode = "record";
  let replaying = false;
  let pending = emptyDiff();
  let undos: HistoryEntry[] = [];
  let redos: HistoryEntry[] = [];
  const listeners = new Set<() => void>();
  let last = { undo: false, redo: false };

  const canUndo = () => !isDiffEmpty(pending) || undos.some((e) => e.type === "diff");
  const canRedo = () => redos.some((e) => e.type === "diff");
  const notify = () => {
    const now = { undo: canUndo(), redo: canRedo() };
    if (now.undo === last.undo && now.redo === last.redo) return;
    last = now;
    for (const l of [...listeners]) l();
  };

  const dispose = doc.subscribe((next, prev) => {
    if (replaying || mode === "ignore" || next.project === prev.project) return;
    squashInto(pending, diffProjects(prev.project, next.project));
    if (mode === "record") redos = [];
    notify();
  });

  const flush = () => {
    if (isDiffEmpty(pending)) return;
    undos.push({ type: "diff", diff: pending });
    pending = emptyDiff();
  };

  /** Drops the oldest gestures beyond the limit; a gesture is one diff entry. */
  const trim = () => {
    let diffs = undos.filter((e) => e.type === "diff").length;
    let cut = 0;
    while (diffs > limit) {
      if (undos[cut].type === "diff") diffs--;
      cut++;
    }
    while (cut < undos.length && undos[cut].type === "stop" && cut > 0) cut++;
    if (cut > 0) undos = undos.slice(cut);
  };

  const apply = (diff: ProjectDiff) => {
    if (isDiffEmpty(diff)) return;
    const { project, version } = doc.getState();
    replaying = true;
    try {
      doc.setState({ project: applyDiff(project, diff), version: version + 1 });
    } finally {
      replaying = false;
    }
  };

  return {
    mark(label) {
      const empty = isDiffEmpty(pending);
      flush();
      const top = undos[undos.length - 1];
      // Marks with nothing between them are one stopping point; commands that change nothing
      // (zoom, help) must not pile up empty entries.
      if (empty && top?.type === "stop") top.id = label;
      else undos.push({ type: "stop", id: label });
      trim();
      notify();
    },

    batch(fn, opts) {
      const previous = mode;
      if (previous !== "ignore" && opts?.history) mode = opts.history;
      try {
        return fn();
      } finally {
        mode = previous;
      }
    },

    undo() {
      let diff = reverseDiff(pending);
      if (!isDiffEmpty(pending)) redos.push({ type: "diff", diff: pending });
      const hadPending = !isDiffEmpty(pending);
      pending = emptyDiff();
      // With nothing pending, skip the stopping points on top: they close the gesture to undo.
      if (!hadPending) {
        while (undos[undos.length - 1]?.type === "stop") redos.push(undos.pop() as HistoryEntry);
      }
      diff = copyDiff(diff);
      while (undos.length > 0) {
        const entry = undos.pop() as HistoryEntry;
        redos.push(entry);
        if (entry.type === "stop") break;
        squashInto(diff, reverseDiff(entry.diff));
      }
      apply(diff);
      notify();
    },

    redo() {
      flush();
      if (redos.length === 0) return;
      while (redos[redos.length - 1]?.type === "stop") undos.push(redos.pop() as HistoryEntry);
      const diff = emptyDiff();
      while (redos.length > 0) {
        const entry = redos.pop() as HistoryEntry;
        undos.push(entry);
        if (entry.type === "stop") break;
        squashInto(diff, entry.diff);
      }
      apply(diff);
      notify();
    },

    canUndo,
    canRedo,

    clear() {
      undos = [];
      redos = [];
      pending = emptyDiff();
      notify();
    },

    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    getSnapshot() {
      const u = undos.map(copyEntry);
      if (!isDiffEmpty(pending)) u.push({ type: "diff", diff: copyDiff(pending) });
      return { version: HISTORY_SNAPSHOT_VERSION, undos: u, redos: redos.map(copyEntry) };
    },

    loadSnapshot(snapshot) {
      if (
        snapshot?.version !== HISTORY_SNAPSHOT_VERSION ||
        !Array.isArray(snapshot.undos) ||
        !Array.isArray(snapshot.redos)
      ) {
        throw new Error(
          `expected a history snapshot of version ${HISTORY_SNAPSHOT_VERSION} with undos and redos lists; received version ${String(snapshot?.version)}`,
        );
      }
      pending = emptyDiff();
      undos = snapshot.undos.map(copyEntry);
      redos = snapshot.redos.map(copyEntry);
      notify();
    },

    dispose,
  };
}

const copyEntry = (e: HistoryEntry): HistoryEntry =>
  e.type === "stop" ? { type: "stop", id: e.id } : { type: "diff", diff: copyDiff(e.diff) };
