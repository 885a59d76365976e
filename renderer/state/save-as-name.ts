import type { Editor } from "./editor-api";
import { nameAfterSaveAs } from "./project-name";

// Apart from project-name.ts, which the document store imports: the editor's types import the store.
/**
 * Gives the project the name Save As to `path` calls for (nameAfterSaveAs); returns what takes it
 * back when nothing was saved. Keeping the name is no edit: no undo step, no new document version.
 */
export function renameForSaveAs(editor: Editor, path: string): () => void {
  const before = editor.project().name;
  const name = nameAfterSaveAs(before, path, editor.ui.getState().projectNamed);
  if (name === before) return () => {};
  const rename = (from: string, to: string) => editor.update((p) => (p.name === from ? { ...p, name: to } : p));
  rename(before, name);
  return () => rename(name, before);
}
