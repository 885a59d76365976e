import type { MenuTarget } from "../../commands/context-menu";
import { selectTarget } from "../../commands/context-menu";
import type { Editor } from "../../state/editor-api";
import { perEditor } from "../../state/per-editor";

/** The open context menu: what was right-clicked and where (client pixels); null when closed. */
export interface OpenMenu {
  target: MenuTarget;
  x: number;
  y: number;
}

export const contextMenuStore = perEditor<{ open: OpenMenu | null }>(() => ({ open: null }));

/** Opens the menu for a target (selecting it first, so the entries' `when` sees it). */
export function openContextMenu(editor: Editor, target: MenuTarget, at: { x: number; y: number }): void {
  selectTarget(editor, target);
  contextMenuStore(editor).setState({ open: { target, x: at.x, y: at.y } });
}

export function closeContextMenu(editor: Editor): void {
  contextMenuStore(editor).setState({ open: null });
}
