import { createStore, type StoreApi } from "zustand/vanilla";

/**
 * Session state: everything the user sees that is not the document. Never recorded by history
 * (ANCHORS R16: undo must not step through selections or panel switches).
 */
export type ActiveTab = "design" | "data" | "train" | "evaluate" | "export";
export type ThemeSetting = "system" | "light" | "dark";

export interface Selection {
  nodes: string[];
  edges: string[];
}

export interface Toast {
  id: number;
  kind: "info" | "success" | "error";
  text: string;
}

/** A request for the canvas to act once; `seq` grows so that asking twice for the same thing fires twice. */
export interface CanvasRequest<T> {
  seq: number;
  value: T;
}

export interface UiState {
  selection: Selection;
  activeTab: ActiveTab;
  helpOpen: boolean;
  theme: ThemeSetting;
  /** Node to centre the view on (a diagnostic clicked in the list). */
  focusRequest: CanvasRequest<string> | null;
  /** Zoom to fit the whole graph: animated for the zoom-to-fit command, at once for a project just opened. */
  fitRequest: CanvasRequest<{ animate: boolean }> | null;
  /** Why the connection being dragged would be refused; null when it is allowed or none is dragged. */
  connectionHint: string | null;
  filePath: string | null;
  /** Whether the user gave the project its name (typed it, or opened a file that carries one); Save As keeps such a name. */
  projectNamed: boolean;
  /**
   * The loaded project's identity for this session, new whenever a project is loaded (opened, new,
   * template, upload, recovered) and kept through saves. The host keeps an unsaved project's runs
   * under it, and everything per project (runs, evaluation, try-it) is reset when it changes.
   */
  draftId: string;
  /** Document version at the last save or load; the project is dirty when the versions differ. */
  savedVersion: number;
  toasts: Toast[];
}

export const EMPTY_SELECTION: Selection = { nodes: [], edges: [] };

export type UiStore = StoreApi<UiState>;

export function createUiStore(initial: Partial<UiState> = {}): UiStore {
  return createStore<UiState>()(() => ({
    selection: EMPTY_SELECTION,
    activeTab: "design",
    helpOpen: false,
    theme: "system",
    focusRequest: null,
    fitRequest: null,
    connectionHint: null,
    filePath: null,
    projectNamed: false,
    draftId: newDraftId(),
    savedVersion: 0,
    toasts: [],
    ...initial,
  }));
}

/** A draft id (DraftIdSchema: 8-64 letters, digits, '_' or '-'). */
export function newDraftId(): string {
  return crypto.randomUUID();
}

/** The open project as the host's run requests name it: its file and its draft id. */
export function projectRef(ui: UiStore): { projectPath: string | null; draft: string } {
  const { filePath, draftId } = ui.getState();
  return { projectPath: filePath, draft: draftId };
}

const sameIds = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** Sets the selection, keeping the previous object when nothing changed so selectors stay quiet. */
export function setSelection(ui: UiStore, next: Partial<Selection>): void {
  const cur = ui.getState().selection;
  const nodes = next.nodes ?? cur.nodes;
  const edges = next.edges ?? cur.edges;
  if (sameIds(nodes, cur.nodes) && sameIds(edges, cur.edges)) return;
  ui.setState({ selection: nodes.length === 0 && edges.length === 0 ? EMPTY_SELECTION : { nodes, edges } });
}

export function requestFocus(ui: UiStore, nodeId: string): void {
  const seq = (ui.getState().focusRequest?.seq ?? 0) + 1;
  ui.setState({ focusRequest: { seq, value: nodeId } });
}

export function requestFit(ui: UiStore, animate = true): void {
  const seq = (ui.getState().fitRequest?.seq ?? 0) + 1;
  ui.setState({ fitRequest: { seq, value: { animate } } });
}

const MAX_TOASTS = 5;

/** Shows a message; the oldest ones drop off so a burst of errors cannot fill the window. */
export function toast(ui: UiStore, kind: Toast["kind"], text: string): number {
  const { toasts } = ui.getState();
  const id = (toasts[toasts.length - 1]?.id ?? 0) + 1;
  ui.setState({ toasts: [...toasts, { id, kind, text }].slice(-MAX_TOASTS) });
  return id;
}

export function dismissToast(ui: UiStore, id: number): void {
  ui.setState((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) }));
}
