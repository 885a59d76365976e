import type { NetforgeClient } from "../api/client";
import { pickLocalFile } from "../files/local-files";
import type { Editor } from "../state/editor-api";
import { browse, type FilePrompts, isProjectFile } from "../state/file-prompts";

/** Native dialogs in Electron; the host's folder browser (FileBrowserDialog) in browser mode. */
export function defaultPrompts(editor: Editor, client: NetforgeClient): FilePrompts {
  const confirm = async (message: string) => window.confirm(message);
  if (client.mode === "electron") {
    return {
      openProject: async () => (await client.call("dialog.open", { purpose: "project" })).path,
      saveProject: async (defaultName) => (await client.call("dialog.save", { purpose: "project", defaultName })).path,
      confirm,
      pickLocalFile,
    };
  }
  return {
    openProject: () => browse(editor, { mode: "open", title: "Open project", accept: isProjectFile }),
    saveProject: (defaultName) =>
      browse(editor, { mode: "save", title: "Save project", defaultName, accept: isProjectFile }),
    confirm,
    pickLocalFile,
  };
}
