import { createStore, type StoreApi } from "zustand/vanilla";
import type { ResponseOf } from "../../shared/api/contract";
import type { NetforgeClient } from "../api/client";
import type { Editor } from "./editor";

/** How often unsaved work is written to the session's recovery file. */
export const AUTOSAVE_INTERVAL_MS = 3000;

export type RecoveryItem = ResponseOf<"projects.recovery">["items"][number];
export type RecoveryStore = StoreApi<{ items: RecoveryItem[] }>;

const recoveryStores = new WeakMap<object, RecoveryStore>();

/** Recovery files offered to this window after a crash (the RecoveryBanner shows them). */
export function recoveryStore(editor: object): RecoveryStore {
  let store = recoveryStores.get(editor);
  if (!store) {
    store = createStore(() => ({ items: [] as RecoveryItem[] }));
    recoveryStores.set(editor, store);
  }
  return store;
}

export interface Autosave {
  /** Writes (or discards) the recovery file now, for the current document. */
  flush(): Promise<void>;
  stop(): void;
}

/**
 * Autosave to a recovery file, never to the project file: every few seconds while the project
 * has unsaved changes, the host writes it to `<config>/recovery/<session>.json`; when the
 * project is saved (or its changes undone) the file is discarded. After a crash the file is
 * still there and the next window offers it (loadRecoveryOffers).
 */
export function startAutosave(
  editor: Editor,
  client: NetforgeClient,
  sessionId: string,
  intervalMs = AUTOSAVE_INTERVAL_MS,
): Autosave {
  let written: number | null = null;
  let running: Promise<void> | null = null;
  let warned = false;

  const once = async () => {
    const { version } = editor.doc.getState();
    if (editor.isDirty()) {
      if (written === version) return;
      await client.call("projects.autosave", {
        sessionId,
        path: editor.ui.getState().filePath,
        project: editor.project(),
        draft: editor.ui.getState().draftId,
      });
      written = version;
    } else if (written !== null) {
      await client.call("projects.discardRecovery", { sessionId });
      written = null;
    }
  };
  const flush = () => {
    running ??= once()
      .catch((error: unknown) => {
        // Autosave is a safety net: say once that it is failing, keep trying quietly.
        if (!warned) console.warn("NetForge: autosave failed", error);
        warned = true;
      })
      .finally(() => {
        running = null;
      });
    return running;
  };
  const timer = setInterval(() => void flush(), intervalMs);
  return { flush, stop: () => clearInterval(timer) };
}

/** Asks the host for recovery files left by windows that did not close cleanly. */
export async function loadRecoveryOffers(editor: Editor, client: NetforgeClient, sessionId: string): Promise<void> {
  const { items } = await client.call("projects.recovery", { sessionId });
  recoveryStore(editor).setState({ items });
}

/** Browser mode's dirty-state prompt: the browser shows its own "leave site?" dialog. */
export function guardUnload(editor: Editor): () => void {
  const onBeforeUnload = (e: BeforeUnloadEvent) => {
    if (!editor.isDirty()) return;
    e.preventDefault();
    // Older browsers need returnValue set to show the prompt.
    e.returnValue = "";
  };
  window.addEventListener("beforeunload", onBeforeUnload);
  return () => window.removeEventListener("beforeunload", onBeforeUnload);
}

/** A new id per window load: a reloaded page must not hide the recovery file of the page it replaced. */
export function newSessionId(): string {
  return crypto.randomUUID();
}
