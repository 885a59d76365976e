import type { Project } from "../../shared/ir/project";
import { graphCommands } from "../commands/graph-commands";
import { menuCommands } from "../commands/menu-commands";
import { createCommandRegistry } from "../commands/registry";
import { createAnalysisStore } from "./analysis";
import { createDocumentStore, updateProject } from "./document-store";
import type { ClipboardAdapter, Command, Editor } from "./editor-api";
import { createHistory } from "./history";
import { namedInFile } from "./project-name";
import { EditError } from "./project-ops";
import { createUiStore, newDraftId, setSelection, toast } from "./ui-store";

export type { ClipboardAdapter, Editor } from "./editor-api";

export interface EditorOptions {
  project?: Project;
  api?: unknown;
  clipboard?: ClipboardAdapter;
  /** Commands to register; the graph commands by default. */
  commands?: readonly Command[];
  historyLimit?: number;
}

export function createEditor(opts: EditorOptions = {}): Editor {
  const doc = createDocumentStore(opts.project);
  const history = createHistory(doc, { limit: opts.historyLimit });
  const ui = createUiStore();
  const { analysis, dispose: stopAnalysis } = createAnalysisStore(doc);
  const commands = createCommandRegistry();
  const clipboard = opts.clipboard ?? systemClipboard();

  const guarded = (fn: () => boolean): boolean => {
    try {
      return fn();
    } catch (error) {
      report(error);
      return false;
    }
  };
  const report = (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    toast(ui, "error", error instanceof EditError ? message : `Unexpected error: ${message}`);
  };

  // Undo, delete and load can remove what is selected; the selection must only name what exists.
  const stopPruning = doc.subscribe((next, prev) => {
    const [a, b] = [prev.project.graph, next.project.graph];
    // Moves and param edits keep every id in place: a pointer walk, no sets built per drag tick.
    if (a === b || (sameIds(a.nodes, b.nodes) && sameIds(a.edges, b.edges))) return;
    const { nodes, edges } = ui.getState().selection;
    if (nodes.length === 0 && edges.length === 0) return;
    const nodeIds = new Set(next.project.graph.nodes.map((n) => n.id as string));
    const edgeIds = new Set(next.project.graph.edges.map((e) => e.id as string));
    setSelection(ui, { nodes: nodes.filter((id) => nodeIds.has(id)), edges: edges.filter((id) => edgeIds.has(id)) });
  });

  const editor: Editor = {
    doc,
    history,
    ui,
    analysis,
    commands,
    clipboard,
    api: opts.api,
    run(id, args) {
      const command = commands.get(id);
      if (!command) {
        toast(ui, "error", `Unknown command "${id}"`);
        return false;
      }
      return guarded(() => {
        if (command.when && !command.when(editor)) return false;
        history.mark(command.id);
        history.batch(() => command.run(editor, args));
        return true;
      });
    },
    edit(label, fn) {
      return guarded(() => {
        history.mark(label);
        return updateProject(doc, fn);
      });
    },
    update(fn) {
      return guarded(() => updateProject(doc, fn));
    },
    project: () => doc.getState().project,
    loadProject(project, o = {}) {
      history.batch(() => doc.setState({ project, version: doc.getState().version + 1 }), { history: "ignore" });
      history.clear();
      const filePath = o.filePath === undefined ? ui.getState().filePath : o.filePath;
      ui.setState({
        savedVersion: doc.getState().version,
        filePath,
        projectNamed: o.named ?? namedInFile(project.name, filePath),
        selection: { nodes: [], edges: [] },
        // Another project: its runs, reports and results are not the last one's (see draftId).
        draftId: newDraftId(),
      });
    },
    markSaved(filePath) {
      ui.setState({ savedVersion: doc.getState().version, ...(filePath === undefined ? {} : { filePath }) });
    },
    isDirty: () => doc.getState().version !== ui.getState().savedVersion,
    dispose() {
      stopAnalysis();
      stopPruning();
      history.dispose();
    },
  };
  commands.register(opts.commands ?? [...graphCommands, ...menuCommands]);
  return editor;
}

const sameIds = (a: readonly { id: string }[], b: readonly { id: string }[]) =>
  a === b || (a.length === b.length && a.every((r, i) => r.id === b[i].id));

/** The system clipboard when the page may use it; a private copy keeps copy/paste working when not. */
export function systemClipboard(): ClipboardAdapter {
  let memory = "";
  const sys = typeof navigator === "undefined" ? undefined : navigator.clipboard;
  return {
    async writeText(text) {
      memory = text;
      await sys?.writeText(text).catch(() => undefined);
    },
    async readText() {
      if (!sys) return memory;
      return sys.readText().catch(() => memory);
    },
  };
}

export function memoryClipboard(initial = ""): ClipboardAdapter {
  let text = initial;
  return {
    writeText: async (t) => {
      text = t;
    },
    readText: async () => text,
  };
}
