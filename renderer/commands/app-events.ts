import type { NetforgeClient } from "../api/client";
import type { Editor } from "../state/editor-api";

/**
 * The shell's menu (Electron's application menu) sends command ids as "app.command" events; they
 * run as if chosen from the command palette (ANCHORS R17: commands are data, one path for all).
 * An unknown id is reported by editor.run as a toast. Returns the unsubscribe function.
 */
export function followAppCommands(editor: Editor, client: NetforgeClient): () => void {
  return client.on("app.command", ({ id, args }) => {
    editor.run(id, args);
  });
}
