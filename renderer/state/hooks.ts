import { useCallback, useRef, useSyncExternalStore } from "react";
import type { StoreApi } from "zustand/vanilla";
import type { AnalysisState } from "./analysis";
import type { DocumentState } from "./document-store";
import { useEditor } from "./editor-context";
import type { UiState } from "./ui-store";

export { shallow } from "zustand/shallow";

export type Equality<T> = (a: T, b: T) => boolean;

/**
 * Memoizes a selection: the same state gives the same value without calling the selector, and an
 * equal value (by `equality`) is replaced by the previous one, so React sees no change. This is
 * what keeps a node component quiet while another node is dragged (ANCHORS R13).
 */
export function createSelection<S, T>(equality: Equality<T> = Object.is) {
  let last: { state: S; selector: (s: S) => T; value: T } | null = null;
  return (state: S, selector: (s: S) => T): T => {
    if (last && last.state === state && last.selector === selector) return last.value;
    const value = selector(state);
    const kept = last && equality(last.value, value) ? last.value : value;
    last = { state, selector, value: kept };
    return kept;
  };
}

/** Subscribes a component to a narrow slice of a vanilla store (zustand's useStoreWithEqualityFn). */
export function useStoreSelector<S, T>(store: StoreApi<S>, selector: (s: S) => T, equality?: Equality<T>): T {
  const select = useRef<ReturnType<typeof createSelection<S, T>> | null>(null);
  if (select.current === null) select.current = createSelection<S, T>(equality);
  const run = select.current;
  const getSnapshot = useCallback(() => run(store.getState(), selector), [run, store, selector]);
  return useSyncExternalStore(store.subscribe, getSnapshot, getSnapshot);
}

export function useDoc<T>(selector: (s: DocumentState) => T, equality?: Equality<T>): T {
  return useStoreSelector(useEditor().doc, selector, equality);
}

export function useUi<T>(selector: (s: UiState) => T, equality?: Equality<T>): T {
  return useStoreSelector(useEditor().ui, selector, equality);
}

export function useAnalysis<T>(selector: (s: AnalysisState) => T, equality?: Equality<T>): T {
  return useStoreSelector(useEditor().analysis, selector, equality);
}

/** Whether undo and redo are possible now (for the top bar's buttons). */
export function useUndoState(): { canUndo: boolean; canRedo: boolean } {
  const { history } = useEditor();
  const canUndo = useSyncExternalStore(history.subscribe, history.canUndo, history.canUndo);
  const canRedo = useSyncExternalStore(history.subscribe, history.canRedo, history.canRedo);
  return { canUndo, canRedo };
}

/** The unsaved-changes marker: the document version differs from the one last saved. */
export function useIsDirty(): boolean {
  const editor = useEditor();
  const version = useStoreSelector(editor.doc, docVersion);
  const saved = useStoreSelector(editor.ui, savedVersion);
  return version !== saved;
}

const docVersion = (s: DocumentState) => s.version;
const savedVersion = (s: UiState) => s.savedVersion;
