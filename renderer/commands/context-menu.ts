import type { Editor } from "../state/editor-api";
import type { Position } from "../state/edits";
import { setSelection } from "../state/ui-store";
import { formatKbd } from "./keyboard";

/**
 * What the right-click menu offers, built from the command registry: each entry is a command with
 * its title and shortcut from there, enabled by its `when`. The canvas and the overview open it;
 * ContextMenu.tsx draws it. Nothing here touches the DOM.
 */
export type MenuTarget =
  /** A layer, or a group's block or frame (flow ids "block:<group>" and "frame:<group>"). */
  | { kind: "node"; id: string }
  | { kind: "edge"; id: string }
  /** The empty canvas; `at` is the point clicked, in canvas coordinates (where Paste puts blocks). */
  | { kind: "canvas"; at: Position };

export interface MenuItem {
  command: string;
  label: string;
  /** The first shortcut as people write it ("Ctrl+D", "⌘D"); null when the command has none. */
  shortcut: string | null;
  enabled: boolean;
  args?: unknown;
}

/** Items in sections; the menu draws a separator between sections. */
export type MenuModel = MenuItem[][];

const LAYOUT: Record<MenuTarget["kind"], string[][]> = {
  node: [
    ["cut", "copy", "duplicate", "delete"],
    ["group", "ungroup"],
    ["insert-after", "show-docs"],
  ],
  edge: [["delete"]],
  canvas: [
    ["paste", "select-all"],
    ["auto-layout", "zoom-to-fit"],
    ["undo", "redo"],
  ],
};

/** Layer ids a node target stands for: itself, or a group's members. */
function layersOf(editor: Editor, flowId: string): string[] {
  const { nodes, groups = [] } = editor.project().graph;
  if (nodes.some((n) => n.id === flowId)) return [flowId];
  const group = groups.find((g) => flowId === `block:${g.id}` || flowId === `frame:${g.id}`);
  return group ? nodes.filter((n) => n.group === group.id).map((n) => n.id) : [];
}

/**
 * Makes the selection what the menu acts on, as desktop tools do: right-clicking something outside
 * the selection selects it alone; inside, the selection stays (so a multi-selection can be
 * grouped); the empty canvas keeps the selection (Select all, Paste do not need one).
 */
export function selectTarget(editor: Editor, target: MenuTarget): void {
  const { nodes, edges } = editor.ui.getState().selection;
  if (target.kind === "edge") {
    if (!edges.includes(target.id)) setSelection(editor.ui, { nodes: [], edges: [target.id] });
  } else if (target.kind === "node") {
    const layers = layersOf(editor, target.id);
    if (!layers.every((id) => nodes.includes(id)) || layers.length === 0) {
      setSelection(editor.ui, { nodes: layers, edges: [] });
    }
  }
}

/** The menu for a target, after selectTarget: registered commands only, each enabled by its `when`. */
export function menuFor(editor: Editor, target: MenuTarget, isMac: boolean): MenuModel {
  return LAYOUT[target.kind]
    .map((section) =>
      section.flatMap((id): MenuItem[] => {
        const command = editor.commands.get(id);
        if (!command) return [];
        const args = id === "paste" && target.kind === "canvas" ? { position: target.at } : undefined;
        return [
          {
            command: id,
            label: id === "paste" && target.kind === "canvas" ? "Paste here" : command.title,
            shortcut: command.kbd ? formatKbd(command.kbd, isMac) : null,
            enabled: !command.when || command.when(editor),
            args,
          },
        ];
      }),
    )
    .filter((section) => section.length > 0);
}
