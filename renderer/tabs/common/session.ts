import type { NetforgeClient } from "../../api/client";
import { setDataSummary } from "../../state/analysis";
import type { Editor } from "../../state/editor";
import { useEditor } from "../../state/editor-context";
import { type Equality, useStoreSelector } from "../../state/hooks";
import { enterProject } from "../../state/project-scope";
import {
  createTrainingStore,
  isActive,
  setRunHistory,
  setRunList,
  type TrainingState,
  type TrainingStore,
} from "../../state/training-store";
import { projectRef, toast } from "../../state/ui-store";
import { connectProbe, createProbeStore, type ProbeState, type ProbeStore } from "../data/probe-store";
import { connectTrainingFeed } from "../train/training-feed";

/**
 * What the Data, Train, Evaluate and Export tabs share beside the editor: the host client and
 * the training store, fed by the host's events and kept in step with the open project's runs.
 * One per editor (a WeakMap, not a module singleton: a test's editor gets its own), created on
 * first use and living outside React (ANCHORS R12).
 */
export interface TabsSession {
  client: NetforgeClient | null;
  training: TrainingStore;
  /** The probe of the project's bound data. */
  probe: ProbeStore;
  /** Asks the host for the open project's runs again. */
  refreshRuns(): Promise<void>;
  dispose(): void;
}

const sessions = new WeakMap<Editor, TabsSession>();

export function tabsSession(editor: Editor): TabsSession {
  let s = sessions.get(editor);
  if (!s) {
    s = createTabsSession(editor);
    sessions.set(editor, s);
  }
  return s;
}

/** The editor's host client, when it has one (the editor also works without a host). */
export function clientOf(editor: Editor): NetforgeClient | null {
  const api = editor.api as Partial<NetforgeClient> | undefined;
  return api && typeof api.call === "function" && typeof api.on === "function" ? (api as NetforgeClient) : null;
}

export function createTabsSession(editor: Editor): TabsSession {
  const client = clientOf(editor);
  const training = createTrainingStore({ project: projectRef(editor.ui) });
  const probe = createProbeStore();
  const stops: (() => void)[] = [];
  let listing = 0;

  const refreshRuns = async () => {
    if (!client) return;
    const ask = ++listing;
    try {
      const { runs } = await client.call("runs.list", projectRef(editor.ui));
      // A newer request (the project changed meanwhile) wins.
      if (ask === listing) setRunList(training, runs);
    } catch (error) {
      toast(editor.ui, "error", `Could not list the project's runs: ${(error as Error).message}`);
    }
  };

  const loading = new Set<string>();
  const loadHistories = () => {
    if (!client) return;
    const { runs, current, overlay } = training.getState();
    for (const id of [current, ...overlay]) {
      const r = id ? runs[id] : undefined;
      if (!r || r.historyLoaded || isActive(r) || loading.has(r.runId)) continue;
      loading.add(r.runId);
      client
        .call("runs.get", { ...projectRef(editor.ui), runId: r.runId })
        .then(({ history }) => setRunHistory(training, r.runId, history))
        .catch((error: Error) => toast(editor.ui, "error", `Could not read run ${r.runId}: ${error.message}`))
        .finally(() => loading.delete(r.runId));
    }
  };

  if (client) {
    stops.push(
      connectTrainingFeed(training, client, (names) => {
        // A finished run's folder now holds its end status and checkpoints: list again.
        if (names.has("train.done") || names.has("train.error")) void refreshRuns();
      }),
    );
    stops.push(client.onStatus((status) => status === "open" && void refreshRuns()));
    stops.push(
      editor.ui.subscribe((next, prev) => {
        if (next.filePath === prev.filePath && next.draftId === prev.draftId) return;
        enterProject(training, projectRef(editor.ui));
        void refreshRuns();
      }),
    );
    stops.push(
      training.subscribe((next, prev) => {
        if (next.current !== prev.current || next.overlay !== prev.overlay || next.runs !== prev.runs) loadHistories();
      }),
    );
    stops.push(connectProbe(editor, client, probe));
    // The analysis store merges the data/model mismatches into the canvas's diagnostics.
    stops.push(probe.subscribe((next) => setDataSummary(editor.analysis, next.summary)));
    void refreshRuns();
  }

  return {
    client,
    training,
    probe,
    refreshRuns,
    dispose: () => {
      for (const stop of stops) stop();
    },
  };
}

export function useTabsSession(): TabsSession {
  return tabsSession(useEditor());
}

export function useClient(): NetforgeClient | null {
  return useTabsSession().client;
}

export function useTraining<T>(selector: (s: TrainingState) => T, equality?: Equality<T>): T {
  return useStoreSelector(useTabsSession().training, selector, equality);
}

export function useProbe<T>(selector: (s: ProbeState) => T, equality?: Equality<T>): T {
  return useStoreSelector(useTabsSession().probe, selector, equality);
}
