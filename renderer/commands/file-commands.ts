import { ApiError } from "../../shared/api/errors";
import type { Project } from "../../shared/ir/project";
import { stableStringify } from "../../shared/ir/serialize";
import type { NetforgeClient } from "../api/client";
import { downloadText, projectFileName } from "../files/local-files";
import {
  type Autosave,
  guardUnload,
  loadRecoveryOffers,
  newSessionId,
  recoveryStore,
  startAutosave,
} from "../state/autosave";
import type { Editor } from "../state/editor-api";
import type { FilePrompts } from "../state/file-prompts";
import { renameForSaveAs } from "../state/save-as-name";
import { requestFit, toast } from "../state/ui-store";
import { followAppCommands } from "./app-events";
import { defaultPrompts } from "./default-prompts";
import { type AnyCommand, defineCommand } from "./registry";
import { reportSaved } from "./saved-report";

/**
 * File commands (ANCHORS R17): new, open, open recent, templates, save, save as, download,
 * upload and crash recovery. They talk to the host through the window's API client and ask the
 * user through FilePrompts; each runs asynchronously and reports failures as a toast.
 */
interface FileSession {
  client: NetforgeClient;
  prompts: FilePrompts;
  sessionId: string;
  autosave: Autosave | null;
}

const sessions = new WeakMap<Editor, FileSession>();
const hasSession = (editor: Editor) => sessions.has(editor);

function perform(editor: Editor, task: (s: FileSession) => Promise<void>): void {
  const s = sessions.get(editor);
  if (!s) {
    toast(editor.ui, "error", "Files need the NetForge host, and this window is not connected to it");
    return;
  }
  task(s).catch((error: unknown) => {
    toast(editor.ui, "error", error instanceof ApiError || error instanceof Error ? error.message : String(error));
  });
}

/** Unsaved changes are only thrown away when the user says so. */
async function mayDiscard(editor: Editor, s: FileSession): Promise<boolean> {
  return !editor.isDirty() || s.prompts.confirm(`Discard the unsaved changes to "${editor.project().name}"?`);
}

function load(editor: Editor, project: Project, filePath: string | null, named?: boolean): void {
  editor.loadProject(project, { filePath, named });
  // At once: the project appears fitted instead of sliding into view.
  requestFit(editor.ui, false);
}

async function open(editor: Editor, s: FileSession, path: string): Promise<void> {
  const r = await s.client.call("projects.open", { path });
  load(editor, r.project, r.path);
  if (r.migrated.length) toast(editor.ui, "info", `Upgraded from an older NetForge: ${r.migrated.join("; ")}`);
}

/**
 * Saves to `path`. The version saved is the one captured before the call, so edits made while
 * the save is in flight keep the project dirty.
 */
async function saveTo(editor: Editor, s: FileSession, path: string, overwrite: boolean): Promise<void> {
  const { project, version } = editor.doc.getState();
  const { filePath, draftId } = editor.ui.getState();
  // Runs go with the project: those made before the first save move beside the file, and Save As
  // of a saved project copies the old file's runs (the originals stay beside the old file).
  const runsFrom = { draft: draftId, ...(filePath && filePath !== path ? { copyRunsFrom: filePath } : {}) };
  const r = await s.client.call("projects.save", { path, project, overwrite, sessionId: s.sessionId, ...runsFrom });
  editor.ui.setState({ savedVersion: version, filePath: r.path });
  reportSaved(editor.ui, r);
}

async function saveAs(editor: Editor, s: FileSession): Promise<void> {
  const path = await s.prompts.saveProject(projectFileName(editor.project().name));
  if (!path) return;
  // Renamed before saving, so that the file holds the name the title shows; back if nothing was saved.
  const undoRename = renameForSaveAs(editor, path);
  let saved = false;
  try {
    await saveTo(editor, s, path, false);
    saved = true;
  } catch (error) {
    if (!(error instanceof ApiError) || error.code !== "E_EXISTS") throw error;
    if (await s.prompts.confirm(`${path} already exists. Replace it?`)) {
      await saveTo(editor, s, path, true);
      saved = true;
    }
  } finally {
    if (!saved) undoRename();
  }
}

export const fileCommands: readonly AnyCommand[] = [
  defineCommand<{ template?: string }>({
    id: "new-project",
    title: "New project",
    kbd: "alt+mod+n",
    category: "file",
    when: hasSession,
    run: (editor, args) =>
      perform(editor, async (s) => {
        if (!(await mayDiscard(editor, s))) return;
        const r = await s.client.call("projects.new", args?.template ? { template: args.template } : {});
        // A template's name ("XOR MLP") is not the user's: their Save As file name replaces it.
        load(editor, r.project, null, false);
      }),
  }),
  defineCommand<{ id: string }>({
    id: "open-template",
    title: "Open a template",
    category: "file",
    when: hasSession,
    run: (editor, args) => editor.run("new-project", { template: args?.id }),
  }),
  defineCommand<{ path?: string }>({
    id: "open-project",
    title: "Open project…",
    kbd: "mod+o",
    category: "file",
    when: hasSession,
    run: (editor, args) =>
      perform(editor, async (s) => {
        if (!(await mayDiscard(editor, s))) return;
        const path = args?.path ?? (await s.prompts.openProject());
        if (path) await open(editor, s, path);
      }),
  }),
  defineCommand<{ path: string }>({
    id: "open-recent",
    title: "Open recent project",
    category: "file",
    when: hasSession,
    run: (editor, args) => editor.run("open-project", { path: args?.path }),
  }),
  defineCommand({
    id: "save",
    title: "Save",
    kbd: "mod+s",
    category: "file",
    when: hasSession,
    run: (editor) =>
      perform(editor, async (s) => {
        const path = editor.ui.getState().filePath;
        if (path) await saveTo(editor, s, path, true);
        else await saveAs(editor, s);
      }),
  }),
  defineCommand({
    id: "save-as",
    title: "Save as…",
    kbd: "shift+mod+s",
    category: "file",
    when: hasSession,
    run: (editor) => perform(editor, (s) => saveAs(editor, s)),
  }),
  defineCommand({
    id: "download-project",
    title: "Download project file",
    category: "file",
    run: (editor) => {
      const project = editor.project();
      downloadText(projectFileName(project.name), stableStringify(project));
    },
  }),
  defineCommand({
    id: "upload-project",
    title: "Upload project file…",
    category: "file",
    when: hasSession,
    run: (editor) =>
      perform(editor, async (s) => {
        if (!(await mayDiscard(editor, s))) return;
        const file = await s.prompts.pickLocalFile(".json,application/json");
        if (!file) return;
        const r = await s.client.call("projects.import", { text: await file.text(), fileName: file.name });
        load(editor, r.project, null);
      }),
  }),
  defineCommand<{ sessionId: string }>({
    id: "recover-project",
    title: "Recover unsaved work",
    category: "file",
    when: hasSession,
    run: (editor, args) =>
      perform(editor, async (s) => {
        const item = recoveryStore(editor)
          .getState()
          .items.find((i) => i.sessionId === args?.sessionId);
        if (!item || !(await mayDiscard(editor, s))) return;
        load(editor, item.project, item.path);
        // The same project again: the runs it made before a save are found under its draft id.
        if (item.draft) editor.ui.setState({ draftId: item.draft });
        // Recovered work is unsaved work: dirty until saved, autosaved under this window's session.
        editor.ui.setState({ savedVersion: -1 });
        await s.autosave?.flush();
        await discard(editor, s, item.sessionId);
      }),
  }),
  defineCommand<{ sessionId: string }>({
    id: "discard-recovery",
    title: "Discard recovered work",
    category: "file",
    when: hasSession,
    run: (editor, args) => perform(editor, (s) => discard(editor, s, args?.sessionId ?? "")),
  }),
];

async function discard(editor: Editor, s: FileSession, sessionId: string): Promise<void> {
  await s.client.call("projects.discardRecovery", { sessionId });
  recoveryStore(editor).setState((st) => ({ items: st.items.filter((i) => i.sessionId !== sessionId) }));
}

/**
 * Answers the shell's close request. The window stays open until the host hears back, so an
 * answer is always sent: when asking or tidying up fails, the failure is shown and the window
 * stays open (proceed: false) rather than hanging or closing over unsaved work.
 */
async function answerClose(editor: Editor, s: FileSession): Promise<void> {
  let proceed = false;
  try {
    proceed = await mayDiscard(editor, s);
  } catch (error) {
    toast(editor.ui, "error", `Could not ask about unsaved changes: ${messageOf(error)}`);
  }
  // The user chose to close: changes they discarded are not offered back next time.
  if (proceed) {
    s.autosave?.stop();
    await s.client.call("projects.discardRecovery", { sessionId: s.sessionId }).catch((error: unknown) => {
      // The recovery file outliving the window only means one extra offer next time.
      toast(editor.ui, "error", `Could not discard the recovery file: ${messageOf(error)}`);
    });
  }
  try {
    await s.client.call("app.closeResponse", { proceed });
  } catch (error) {
    toast(editor.ui, "error", `Could not answer the close request: ${messageOf(error)}`);
  }
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export interface FileSupportOptions {
  prompts?: FilePrompts;
  sessionId?: string;
  /** Autosave period; 0 turns autosave off. */
  autosaveMs?: number;
}

/**
 * Connects an editor to the host's files: registers the file commands, starts autosave, loads the
 * recovery offers, guards closing with unsaved changes, and follows the shell's menu commands,
 * open-file and close requests. Returns the function that undoes all of it.
 */
export function installFileSupport(editor: Editor, client: NetforgeClient, opts: FileSupportOptions = {}): () => void {
  const sessionId = opts.sessionId ?? newSessionId();
  const prompts = opts.prompts ?? defaultPrompts(editor, client);
  const autosave = opts.autosaveMs === 0 ? null : startAutosave(editor, client, sessionId, opts.autosaveMs);
  const session: FileSession = { client, prompts, sessionId, autosave };
  sessions.set(editor, session);
  const unregister = editor.commands.register(fileCommands);
  loadRecoveryOffers(editor, client, sessionId).catch(() => {
    // No offers is the safe default when the host cannot list them.
  });
  const unguard = typeof window === "undefined" ? () => {} : guardUnload(editor);
  const offCommands = followAppCommands(editor, client);
  const offOpen = client.on("app.openFile", ({ path }) => editor.run("open-project", { path }));
  const offClose = client.on("app.closeRequested", () => void answerClose(editor, session));
  return () => {
    autosave?.stop();
    unregister();
    unguard();
    offCommands();
    offOpen();
    offClose();
    sessions.delete(editor);
  };
}
