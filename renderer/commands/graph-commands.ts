import type { Diagnostic } from "../../shared/diagnostics";
import type { Project } from "../../shared/ir/project";
import { getSpec } from "../../shared/layers/catalog";
import { outputsOf } from "../../shared/layers/spec";
import { type ConnectionRequest, checkConnection } from "../canvas/connection-rules";
import { canvasViewOf, occupiedRects } from "../state/canvas-view";
import type { Editor } from "../state/editor-api";
import {
  addNode,
  autoLayout,
  connect,
  groupNodes,
  insertAfter,
  type Position,
  removeElements,
  renameGroup,
  renameNode,
  setGroupCollapsed,
  setParams,
  spotAfterLast,
  ungroup,
} from "../state/edits";
import { fixesFor } from "../state/fixes";
import { placeInView } from "../state/placement";
import { EditError, findNode } from "../state/project-ops";
import { requestFit, requestFocus } from "../state/ui-store";
import { clipboardCommands } from "./clipboard-commands";
import { apply, hasNodes, select, selection } from "./command-helpers";
import { type AnyCommand, defineCommand } from "./registry";

/**
 * Graph editing commands. Each run is already one history mark and one batch (editor.run), so a
 * command applies its pure edit with `editor.update`; commands that finish later (paste reading
 * the clipboard) make their own step with `editor.edit`.
 */

export interface AddLayerArgs {
  kind: string;
  params?: Record<string, unknown>;
  /** Canvas position (a palette drop); without it the layer goes after `after` or the one selected layer. */
  position?: Position;
  after?: string;
}

const addLayer = defineCommand<AddLayerArgs>({
  id: "add-layer",
  title: "Add layer",
  category: "graph",
  run(editor, args) {
    if (!args?.kind) throw new EditError("add-layer needs a layer kind; received none");
    const sel = selection(editor).nodes;
    const after = args.position ? undefined : (args.after ?? (sel.length === 1 ? sel[0] : undefined));
    const r = apply(editor, (p) =>
      after && findNode(p, after)
        ? insertAfter(p, after, { kind: args.kind, params: args.params })
        : addNode(p, { kind: args.kind, params: args.params, position: args.position ?? inView(editor, p) }),
    );
    if (r) select(editor, [r.id]);
  },
});

/** A free place on screen for a block added without a position (a palette double-click). */
function inView(editor: Editor, p: Project): Position {
  return placeInView(spotAfterLast(p), occupiedRects(editor, p), canvasViewOf(editor).visible());
}

const connectLayers = defineCommand<ConnectionRequest>({
  id: "connect",
  title: "Connect layers",
  category: "graph",
  run(editor, args) {
    if (!args) throw new EditError("connect needs a source and a target; received none");
    const check = checkConnection(editor.project(), editor.analysis.getState(), args);
    if (!check.ok) throw new EditError(`Cannot connect: ${check.reason}`);
    const source = findNode(editor.project(), args.source);
    const spec = source && getSpec(source.kind);
    const outputs =
      editor.analysis.getState().graph.nodes[args.source]?.outputPorts ?? (spec ? outputsOf(spec, {}) : []);
    // The first output is the default port; the document leaves it implicit, as the builder does.
    const sourcePort = args.sourceHandle && args.sourceHandle !== outputs[0] ? args.sourceHandle : undefined;
    editor.update((p) =>
      connect(p, { source: args.source, sourcePort, target: args.target, targetPort: args.targetHandle ?? undefined }),
    );
  },
});

const deleteSelection = defineCommand({
  id: "delete",
  title: "Delete selection",
  kbd: "delete,backspace",
  category: "edit",
  when: (e) => hasNodes(e) || selection(e).edges.length > 0,
  run(editor) {
    const { nodes, edges } = selection(editor);
    editor.update((p) => removeElements(p, { nodeIds: nodes, edgeIds: edges }));
    select(editor, []);
  },
});

const selectAll = defineCommand({
  id: "select-all",
  title: "Select all",
  kbd: "mod+a",
  category: "edit",
  run(editor) {
    const { nodes, edges } = editor.project().graph;
    select(
      editor,
      nodes.map((n) => n.id),
      edges.map((e) => e.id),
    );
  },
});

const groupSelection = defineCommand<{ name?: string }>({
  id: "group",
  title: "Group into a block",
  kbd: "mod+g",
  category: "graph",
  when: hasNodes,
  run(editor, args) {
    const nodes = selection(editor).nodes;
    apply(editor, (p) => groupNodes(p, nodes, args?.name));
  },
});

const ungroupSelection = defineCommand<{ groupId?: string }>({
  id: "ungroup",
  title: "Ungroup",
  kbd: "shift+mod+g",
  category: "graph",
  when: (e) => {
    const nodes = new Set(selection(e).nodes);
    return e.project().graph.nodes.some((n) => n.group !== undefined && nodes.has(n.id));
  },
  run(editor, args) {
    const nodes = new Set(selection(editor).nodes);
    const groups = args?.groupId
      ? [args.groupId]
      : [
          ...new Set(
            editor
              .project()
              .graph.nodes.filter((n) => nodes.has(n.id) && n.group)
              .map((n) => n.group as string),
          ),
        ];
    editor.update((p) => groups.reduce((q, g) => ungroup(q, g), p));
  },
});

const toggleGroup = defineCommand<{ groupId: string; collapsed?: boolean }>({
  id: "toggle-group",
  title: "Collapse or expand a block",
  category: "graph",
  run(editor, args) {
    if (!args?.groupId) throw new EditError("toggle-group needs a groupId; received none");
    const group = editor.project().graph.groups?.find((g) => g.id === args.groupId);
    editor.update((p) => setGroupCollapsed(p, args.groupId, args.collapsed ?? !group?.collapsed));
  },
});

const renameBlock = defineCommand<{ groupId: string; name: string }>({
  id: "rename-group",
  title: "Rename block",
  category: "graph",
  run(editor, args) {
    if (!args) throw new EditError("rename-group needs a groupId and a name; received none");
    editor.update((p) => renameGroup(p, args.groupId, args.name));
  },
});

const renameLayer = defineCommand<{ id: string; name: string }>({
  id: "rename-node",
  title: "Rename layer",
  category: "graph",
  run(editor, args) {
    if (!args) throw new EditError("rename-node needs an id and a name; received none");
    editor.update((p) => renameNode(p, args.id, args.name));
  },
});

const setLayerParams = defineCommand<{ id: string; params: Record<string, unknown> }>({
  id: "set-params",
  title: "Set layer parameters",
  category: "graph",
  run(editor, args) {
    if (!args) throw new EditError("set-params needs an id and params; received none");
    editor.update((p) => setParams(p, args.id, args.params));
  },
});

const layout = defineCommand({
  id: "auto-layout",
  title: "Auto-layout",
  kbd: "shift+mod+l",
  category: "view",
  when: (e) => e.project().graph.nodes.length > 0,
  run(editor) {
    editor.update((p) => autoLayout(p, editor.analysis.getState()));
    requestFit(editor.ui);
  },
});

const undo = defineCommand({
  id: "undo",
  title: "Undo",
  kbd: "mod+z",
  category: "edit",
  when: (e) => e.history.canUndo(),
  run: (editor) => editor.history.undo(),
});

const redo = defineCommand({
  id: "redo",
  title: "Redo",
  kbd: "shift+mod+z,mod+y",
  category: "edit",
  when: (e) => e.history.canRedo(),
  run: (editor) => editor.history.redo(),
});

const zoomToFit = defineCommand({
  id: "zoom-to-fit",
  title: "Zoom to fit",
  kbd: "f",
  category: "view",
  run: (editor) => requestFit(editor.ui),
});

const help = defineCommand({
  id: "help",
  title: "Keyboard shortcuts",
  kbd: "?",
  category: "help",
  run: (editor) => editor.ui.setState((s) => ({ helpOpen: !s.helpOpen })),
});

const escapeCommand = defineCommand({
  id: "escape",
  title: "Close overlay or clear selection",
  kbd: "escape",
  category: "view",
  run(editor) {
    if (editor.ui.getState().helpOpen) editor.ui.setState({ helpOpen: false });
    else select(editor, []);
    editor.ui.setState({ connectionHint: null });
  },
});

const applyFix = defineCommand<{ diagnostic: Diagnostic; index?: number }>({
  id: "apply-fix",
  title: "Apply fix",
  category: "graph",
  run(editor, args) {
    if (!args?.diagnostic) throw new EditError("apply-fix needs a diagnostic; received none");
    const fixes = fixesFor(args.diagnostic, editor.project(), editor.analysis.getState());
    const fix = fixes[args.index ?? 0];
    if (!fix) {
      throw new EditError(`no fix #${args.index ?? 0} for ${args.diagnostic.code}; ${fixes.length} available`);
    }
    editor.update(fix.apply);
  },
});

const focusNode = defineCommand<{ nodeId: string }>({
  id: "focus-node",
  title: "Show layer",
  category: "view",
  run(editor, args) {
    if (!args?.nodeId || !findNode(editor.project(), args.nodeId)) {
      throw new EditError(`focus-node needs an existing layer id; received ${JSON.stringify(args?.nodeId)}`);
    }
    select(editor, [args.nodeId]);
    requestFocus(editor.ui, args.nodeId);
  },
});

export const graphCommands: readonly AnyCommand[] = [
  addLayer,
  connectLayers,
  deleteSelection,
  ...clipboardCommands,
  selectAll,
  groupSelection,
  ungroupSelection,
  toggleGroup,
  renameBlock,
  renameLayer,
  setLayerParams,
  layout,
  undo,
  redo,
  zoomToFit,
  help,
  escapeCommand,
  applyFix,
  focusNode,
];
