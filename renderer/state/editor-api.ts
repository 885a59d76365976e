import type { Project } from "../../shared/ir/project";
import type { AnalysisStore } from "./analysis";
import type { DocumentStore } from "./document-store";
import type { History } from "./history";
import type { UiStore } from "./ui-store";

/*
 * The editor's and the commands' shapes, in one module that imports neither: the editor
 * (editor.ts) registers commands and commands act on an editor, so with these types in
 * editor.ts and commands/registry.ts the two imported each other. Implementations stay there.
 */

/**
 * The editor: the document, its history, the session (ui) state, the derived analysis and the
 * command registry, created together and living outside React (ANCHORS R12). Components reach
 * it through EditorContext; tests create one directly. Nothing here is a module singleton.
 */
export interface Editor {
  doc: DocumentStore;
  history: History;
  ui: UiStore;
  analysis: AnalysisStore;
  commands: CommandRegistry;
  clipboard: ClipboardAdapter;
  /** The host API object (window.netforge or the browser-mode client); opaque here. */
  api: unknown;
  /**
   * Runs a command by id: one history mark, then its run inside one batch (ANCHORS R17). Returns
   * false when there is no such command, its `when` says no, or it failed (the failure is shown
   * as a toast).
   */
  run(id: string, args?: unknown): boolean;
  /** One undoable step: marks history, then applies the pure edit. Returns whether anything changed. */
  edit(label: string, fn: (project: Project) => Project): boolean;
  /** Continues the gesture in progress (a drag tick, a keystroke) without a new mark. */
  update(fn: (project: Project) => Project): boolean;
  project(): Project;
  /**
   * Replaces the document (open, new, recover): not undoable, history cleared, marked saved.
   * `named` says whether the project's name was given by someone (Save As keeps such a name); by
   * default a name other than "Untitled" and the file's own name counts.
   */
  loadProject(project: Project, opts?: { filePath?: string | null; named?: boolean }): void;
  /** Records that the current version is saved (and where). */
  markSaved(filePath?: string | null): void;
  isDirty(): boolean;
  dispose(): void;
}

/** Text clipboard; the default uses the system clipboard where the page may, and memory otherwise. */
export interface ClipboardAdapter {
  writeText(text: string): Promise<void>;
  readText(): Promise<string>;
}

export interface Command<A = never> {
  id: string;
  /** Shown in menus, tooltips and the shortcut overlay; also the accessible name of buttons. */
  title: string;
  /**
   * Shortcut(s), comma-separated: "mod+z", "shift+mod+z,mod+y", "delete,backspace". `mod` is Cmd
   * on macOS and Ctrl elsewhere; see keyboard.ts for the grammar.
   */
  kbd?: string;
  category: CommandCategory;
  /** Whether the command applies now (disabled buttons, ignored shortcuts). */
  when?(editor: Editor): boolean;
  run(editor: Editor, args?: A): void;
}

export type CommandCategory = "edit" | "graph" | "view" | "file" | "train" | "help";

/** A command whose argument type is erased, as the registry stores them. */
// biome-ignore lint/suspicious/noExplicitAny: the registry holds commands of every argument type.
export type AnyCommand = Command<any>;

export interface CommandRegistry {
  /** Adds commands; returns a function that removes them again. Throws on a duplicate id. */
  register(list: readonly AnyCommand[]): () => void;
  get(id: string): AnyCommand | undefined;
  /** Every command, in registration order (for the help overlay and menus). */
  all(): AnyCommand[];
  /** Fires when commands are added or removed. */
  subscribe(listener: () => void): () => void;
}
