import type { Project } from "../../shared/ir/project";
import type { Editor } from "../state/editor-api";
import { setSelection } from "../state/ui-store";

/** What the graph and clipboard commands share: the selection, and edits that hand back new ids. */

export const selection = (editor: Editor) => editor.ui.getState().selection;
export const hasNodes = (editor: Editor) => selection(editor).nodes.length > 0;
export const select = (editor: Editor, nodes: string[], edges: string[] = []) =>
  setSelection(editor.ui, { nodes, edges });

/** Runs an edit that also returns ids (addNode, pasteFragment) and hands those back. */
export function apply<T extends { project: Project }>(editor: Editor, fn: (p: Project) => T): T | undefined {
  let result: T | undefined;
  editor.update((p) => {
    result = fn(p);
    return result.project;
  });
  return result;
}
