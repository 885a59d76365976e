import { getSpec } from "../../shared/layers/catalog";
import type { Editor } from "../state/editor-api";
import { requestPanel } from "../state/panel-requests";
import { EditError, findNode } from "../state/project-ops";
import { setSelection } from "../state/ui-store";
import { type AnyCommand, defineCommand } from "./registry";

/**
 * Commands the context menu offers beside the editing ones: both act on one layer (the argument,
 * or the one selected) and hand over to a panel: the inspector's documentation, or the palette's
 * search, whose Enter / double-click then adds the chosen block after the selected layer.
 */

interface LayerArgs {
  nodeId?: string;
}

/** The layer a command acts on: the argument, else the only selected layer; undefined when neither. */
function layerOf(editor: Editor, args: LayerArgs | undefined): string | undefined {
  const { nodes } = editor.ui.getState().selection;
  const id = args?.nodeId ?? (nodes.length === 1 ? nodes[0] : undefined);
  return id !== undefined && findNode(editor.project(), id) ? id : undefined;
}

function handOver(editor: Editor, args: LayerArgs | undefined, panel: "docs" | "paletteSearch", what: string) {
  const id = layerOf(editor, args);
  if (id === undefined) {
    throw new EditError(`${what} needs one layer; received ${args?.nodeId ?? "a selection of a different size"}`);
  }
  setSelection(editor.ui, { nodes: [id], edges: [] });
  editor.ui.setState({ activeTab: "design" });
  requestPanel(editor, panel, id);
}

const showDocs = defineCommand<LayerArgs>({
  id: "show-docs",
  title: "Show documentation",
  category: "help",
  when: (e) => {
    const id = layerOf(e, undefined);
    const node = id === undefined ? undefined : findNode(e.project(), id);
    return node !== undefined && getSpec(node.kind) !== undefined;
  },
  run: (editor, args) => handOver(editor, args, "docs", "Show documentation"),
});

const insertAfterSearch = defineCommand<LayerArgs>({
  id: "insert-after",
  title: "Insert after…",
  category: "graph",
  when: (e) => layerOf(e, undefined) !== undefined,
  run: (editor, args) => handOver(editor, args, "paletteSearch", "Insert after"),
});

export const menuCommands: readonly AnyCommand[] = [showDocs, insertAfterSearch];
