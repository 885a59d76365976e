import type { Connection, Edge, EdgeChange, Node, NodeChange } from "@xyflow/react";
import type { GraphEdge, GraphGroup, GraphNode } from "../../shared/ir/graph";
import type { Project } from "../../shared/ir/project";
import type { Editor } from "../state/editor";
import { moveNodes, type Position, removeElements } from "../state/edits";
import { NODE_HEIGHT, NODE_WIDTH } from "../state/project-ops";
import { type Selection, setSelection } from "../state/ui-store";
import { checkConnection } from "./connection-rules";

/**
 * The canvas as a view of the document (ANCHORS R13, A5): document records -> React Flow nodes
 * and edges, and React Flow changes -> edits. The IR is never rebuilt from React Flow state.
 * Flow objects keep their identity while their record, selection and measured size are unchanged,
 * so React Flow re-renders only what changed; node.data is `{ kind }` and nothing else (components
 * select params, shapes and diagnostics by id).
 *
 * Groups: a collapsed group is one "block" node standing for its members, and wires crossing its
 * border attach to the block's single "in"/"out" handles; an expanded group is drawn as a "frame"
 * behind its members.
 */
export type LayerFlowNode = Node<{ kind: string }, "layer">;
export type BlockFlowNode = Node<{ groupId: string; name: string; members: number }, "block">;
export type FrameFlowNode = Node<{ groupId: string; name: string }, "frame">;
export type FlowNode = LayerFlowNode | BlockFlowNode | FrameFlowNode;
export type ShapeFlowEdge = Edge<Record<string, never>, "shape">;

export interface FlowState {
  nodes: FlowNode[];
  edges: ShapeFlowEdge[];
}

export interface Size {
  width: number;
  height: number;
}

export const blockNodeId = (groupId: string) => `block:${groupId}`;
export const frameNodeId = (groupId: string) => `frame:${groupId}`;
/** Space between a frame and the layers inside it. */
export const FRAME_PADDING = 24;

export interface FlowInput {
  project: Project;
  selection: Selection;
  /** Sizes React Flow measured, by flow node id; carried so that React Flow does not re-measure. */
  measured?: ReadonlyMap<string, Size>;
  dragging?: ReadonlySet<string>;
}

interface Cached<R, F> {
  record: R;
  selected: boolean;
  size: Size | undefined;
  dragging: boolean;
  flow: F;
}

/** A mapping function with memory: each call reuses the flow objects of the previous one where it can. */
export function createFlowMapper(): (input: FlowInput) => FlowState {
  let layers = new Map<string, Cached<GraphNode, LayerFlowNode>>();
  let blocks = new Map<string, { key: string; flow: BlockFlowNode }>();
  let edgesCache = new Map<string, Cached<GraphEdge, ShapeFlowEdge> & { source: string; target: string }>();
  let last: FlowState = { nodes: [], edges: [] };

  return ({ project, selection, measured, dragging }) => {
    const { nodes, edges } = project.graph;
    const collapsed = new Map<string, GraphGroup>();
    const expanded = new Map<string, GraphGroup>();
    for (const g of project.graph.groups ?? []) (g.collapsed ? collapsed : expanded).set(g.id, g);
    const selectedNodes = new Set(selection.nodes);
    const selectedEdges = new Set(selection.edges);
    const members = new Map<string, GraphNode[]>();
    for (const n of nodes) if (n.group !== undefined) members.set(n.group, [...(members.get(n.group) ?? []), n]);

    const out: FlowNode[] = [];
    const nextBlocks = new Map<string, { key: string; flow: BlockFlowNode }>();
    for (const g of expanded.values()) {
      const list = members.get(g.id);
      if (list) out.push(frame(g, list, measured));
    }
    for (const g of collapsed.values()) {
      const list = members.get(g.id);
      if (!list) continue;
      const id = blockNodeId(g.id);
      const pos = topLeft(list.map(positionOf));
      const selected = list.every((n) => selectedNodes.has(n.id));
      const size = measured?.get(id);
      const key = JSON.stringify([g.name, list.length, pos, selected, size, dragging?.has(id) ?? false]);
      const old = blocks.get(g.id);
      const flow: BlockFlowNode =
        old?.key === key
          ? old.flow
          : {
              id,
              type: "block",
              position: pos,
              data: { groupId: g.id, name: g.name, members: list.length },
              selected,
              ariaLabel: `Block ${g.name}, ${list.length} layers`,
              ...(size ? { measured: size } : {}),
              ...(dragging?.has(id) ? { dragging: true } : {}),
            };
      nextBlocks.set(g.id, { key, flow });
      out.push(flow);
    }

    const nextLayers = new Map<string, Cached<GraphNode, LayerFlowNode>>();
    for (const n of nodes) {
      if (n.group !== undefined && collapsed.has(n.group)) continue;
      const selected = selectedNodes.has(n.id);
      const size = measured?.get(n.id);
      const isDragging = dragging?.has(n.id) ?? false;
      const old = layers.get(n.id);
      const entry =
        old && old.record === n && old.selected === selected && old.size === size && old.dragging === isDragging
          ? old
          : {
              record: n,
              selected,
              size,
              dragging: isDragging,
              flow: layerNode(n, selected, size, isDragging, old?.flow),
            };
      nextLayers.set(n.id, entry);
      out.push(entry.flow);
    }

    const represent = (id: string, byId: Map<string, GraphNode>) => {
      const g = byId.get(id)?.group;
      return g !== undefined && collapsed.has(g) ? blockNodeId(g) : id;
    };
    const byId = collapsed.size ? new Map(nodes.map((n) => [n.id as string, n])) : new Map<string, GraphNode>();
    const outEdges: ShapeFlowEdge[] = [];
    const nextEdges = new Map<string, Cached<GraphEdge, ShapeFlowEdge> & { source: string; target: string }>();
    for (const e of edges) {
      const source = collapsed.size ? represent(e.source, byId) : e.source;
      const target = collapsed.size ? represent(e.target, byId) : e.target;
      if (source === target && source !== e.source) continue;
      const selected = selectedEdges.has(e.id);
      const old = edgesCache.get(e.id);
      const entry =
        old && old.record === e && old.selected === selected && old.source === source && old.target === target
          ? old
          : {
              record: e,
              selected,
              size: undefined,
              dragging: false,
              source,
              target,
              flow: flowEdge(e, source, target, selected),
            };
      nextEdges.set(e.id, entry);
      outEdges.push(entry.flow);
    }

    layers = nextLayers;
    blocks = nextBlocks;
    edgesCache = nextEdges;
    const next = {
      nodes: sameItems(out, last.nodes) ? last.nodes : out,
      edges: sameItems(outEdges, last.edges) ? last.edges : outEdges,
    };
    if (next.nodes !== last.nodes || next.edges !== last.edges) last = next;
    return last;
  };
}

function layerNode(
  n: GraphNode,
  selected: boolean,
  size: Size | undefined,
  dragging: boolean,
  old: LayerFlowNode | undefined,
): LayerFlowNode {
  return {
    id: n.id,
    type: "layer",
    position: positionOf(n),
    // The same data object while the kind stays, so a memoized node sees equal props.
    data: old && old.data.kind === n.kind ? old.data : { kind: n.kind },
    selected,
    ariaLabel: `${n.kind} ${n.name ?? n.id}`,
    ...(size ? { measured: size } : {}),
    ...(dragging ? { dragging: true } : {}),
  };
}

function flowEdge(e: GraphEdge, source: string, target: string, selected: boolean): ShapeFlowEdge {
  return {
    id: e.id,
    type: "shape",
    source,
    target,
    // null picks the node's first handle: the first output, as an edge without sourcePort means.
    sourceHandle: source === e.source ? (e.sourcePort ?? null) : "out",
    targetHandle: target === e.target ? e.targetPort : "in",
    selected,
    ariaLabel: `Connection from ${e.source} to ${e.target} (${e.targetPort})`,
  };
}

function frame(g: GraphGroup, list: readonly GraphNode[], measured?: ReadonlyMap<string, Size>): FrameFlowNode {
  let [x0, y0, x1, y1] = [
    Number.POSITIVE_INFINITY,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
  ];
  for (const n of list) {
    const p = positionOf(n);
    const size = measured?.get(n.id) ?? { width: NODE_WIDTH, height: NODE_HEIGHT };
    [x0, y0] = [Math.min(x0, p.x), Math.min(y0, p.y)];
    [x1, y1] = [Math.max(x1, p.x + size.width), Math.max(y1, p.y + size.height)];
  }
  const width = x1 - x0 + 2 * FRAME_PADDING;
  const height = y1 - y0 + 2 * FRAME_PADDING;
  return {
    id: frameNodeId(g.id),
    type: "frame",
    position: { x: x0 - FRAME_PADDING, y: y0 - FRAME_PADDING },
    data: { groupId: g.id, name: g.name },
    width,
    height,
    measured: { width, height },
    selectable: false,
    draggable: false,
    connectable: false,
    focusable: false,
    ariaLabel: `Block ${g.name}`,
  };
}

const positionOf = (n: GraphNode): Position => n.position ?? { x: 0, y: 0 };

function topLeft(points: readonly Position[]): Position {
  let x = Number.POSITIVE_INFINITY;
  let y = Number.POSITIVE_INFINITY;
  for (const p of points) {
    x = Math.min(x, p.x);
    y = Math.min(y, p.y);
  }
  return { x, y };
}

const sameItems = <T>(a: readonly T[], b: readonly T[]) => a.length === b.length && a.every((x, i) => x === b[i]);

// ---- The live view: follows the editor and turns React Flow's callbacks into edits.

export interface FlowView {
  getSnapshot(): FlowState;
  subscribe(listener: () => void): () => void;
  onNodesChange(changes: NodeChange<FlowNode>[]): void;
  onEdgesChange(changes: EdgeChange<ShapeFlowEdge>[]): void;
  /** A wire dropped on a handle: the connect command (which checks it again). */
  onConnect(connection: Connection): void;
  /** React Flow asks while a wire is dragged; a refusal's reason goes to ui.connectionHint. */
  isValidConnection(connection: Connection | Edge): boolean;
  onConnectEnd(): void;
  dispose(): void;
}

export function createFlowView(editor: Editor): FlowView {
  const map = createFlowMapper();
  const measured = new Map<string, Size>();
  const dragging = new Set<string>();
  /**
   * Where the layers being dragged are now. A drag stays in the view until the drop, then lands
   * as one "move nodes" edit: writing every tick to the document would run every document
   * subscriber (history, autosave, the tabs) sixty times a second for a change nobody else needs.
   */
  const live = new Map<string, Position>();
  const listeners = new Set<() => void>();
  let dirty = true;
  let snapshot: FlowState = { nodes: [], edges: [] };
  const invalidate = () => {
    dirty = true;
    for (const l of [...listeners]) l();
  };
  const stopDoc = editor.doc.subscribe((next, prev) => {
    if (next.project !== prev.project) invalidate();
  });
  const stopUi = editor.ui.subscribe((next, prev) => {
    if (next.selection !== prev.selection) invalidate();
  });

  const project = () => editor.project();
  const at = (n: GraphNode): Position => live.get(n.id) ?? positionOf(n);
  /** The document with the dragged layers where the pointer has them. */
  const shown = (): Project => {
    const p = project();
    if (live.size === 0) return p;
    const nodes = p.graph.nodes.map((n) => {
      const to = live.get(n.id);
      return to ? { ...n, position: to } : n;
    });
    return { ...p, graph: { ...p.graph, nodes } };
  };
  const drop = () => {
    const ids = new Set(project().graph.nodes.map((n) => n.id as string));
    const positions = Object.fromEntries([...live].filter(([id]) => ids.has(id)));
    live.clear();
    if (Object.keys(positions).length > 0) editor.edit("move nodes", (p) => moveNodes(p, positions));
  };
  const groupOf = (flowId: string) => {
    if (!flowId.startsWith("block:") || project().graph.nodes.some((n) => n.id === flowId)) return undefined;
    return flowId.slice("block:".length);
  };
  const membersOf = (groupId: string) => project().graph.nodes.filter((n) => n.group === groupId);
  /** Flow node ids -> layer ids (a block stands for its members; frames for nothing). */
  const layerIds = (flowId: string): string[] => {
    const g = groupOf(flowId);
    if (g !== undefined) return membersOf(g).map((n) => n.id);
    return flowId.startsWith("frame:") && !project().graph.nodes.some((n) => n.id === flowId) ? [] : [flowId];
  };

  function moves(changes: NodeChange<FlowNode>[]): Record<string, Position> {
    const positions: Record<string, Position> = {};
    for (const c of changes) {
      if (c.type !== "position" || !c.position) continue;
      const g = groupOf(c.id);
      if (g === undefined) {
        if (!c.id.startsWith("frame:")) positions[c.id] = c.position;
        continue;
      }
      const list = membersOf(g);
      const from = topLeft(list.map(at));
      const [dx, dy] = [c.position.x - from.x, c.position.y - from.y];
      for (const n of list) {
        const p = at(n);
        positions[n.id] = { x: p.x + dx, y: p.y + dy };
      }
    }
    return positions;
  }

  return {
    getSnapshot() {
      if (dirty) {
        dirty = false;
        snapshot = map({ project: shown(), selection: editor.ui.getState().selection, measured, dragging });
      }
      return snapshot;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    onNodesChange(changes) {
      let viewChanged = false;
      for (const c of changes) {
        if (c.type !== "dimensions" || !c.dimensions) continue;
        const old = measured.get(c.id);
        if (old?.width === c.dimensions.width && old?.height === c.dimensions.height) continue;
        measured.set(c.id, { width: c.dimensions.width, height: c.dimensions.height });
        viewChanged = true;
      }

      const positions = moves(changes);
      // A drag of nodes not already being dragged starts a gesture (also if a drop was never reported).
      const starts = changes.some((c) => c.type === "position" && c.dragging === true && !dragging.has(c.id));
      const ends = changes.some((c) => c.type === "position" && c.dragging === false);
      if (starts) {
        // A drop that was never reported ends the earlier gesture here.
        drop();
        dragging.clear();
        for (const c of changes) if (c.type === "position" && c.dragging) dragging.add(c.id);
      }
      if (Object.keys(positions).length > 0) {
        // One gesture, one undo entry (ANCHORS R16): the document hears of it at the drop.
        if (dragging.size > 0 || starts) {
          for (const [id, to] of Object.entries(positions)) live.set(id, to);
          viewChanged = true;
        } else editor.edit("move nodes", (p) => moveNodes(p, positions));
      }
      if (ends) {
        dragging.clear();
        drop();
        viewChanged = true;
      }

      const selects = changes.filter((c) => c.type === "select");
      if (selects.length > 0) {
        const chosen = new Set(editor.ui.getState().selection.nodes);
        for (const c of selects) for (const id of layerIds(c.id)) c.selected ? chosen.add(id) : chosen.delete(id);
        setSelection(editor.ui, { nodes: [...chosen] });
      }

      const removed = changes.flatMap((c) => (c.type === "remove" ? layerIds(c.id) : []));
      if (removed.length > 0) editor.edit("delete", (p) => removeElements(p, { nodeIds: removed }));
      if (viewChanged) invalidate();
    },

    onEdgesChange(changes) {
      const selects = changes.filter((c) => c.type === "select");
      if (selects.length > 0) {
        const chosen = new Set(editor.ui.getState().selection.edges);
        for (const c of selects) c.selected ? chosen.add(c.id) : chosen.delete(c.id);
        setSelection(editor.ui, { edges: [...chosen] });
      }
      const removed = changes.flatMap((c) => (c.type === "remove" ? [c.id] : []));
      if (removed.length > 0) editor.edit("delete", (p) => removeElements(p, { edgeIds: removed }));
    },

    onConnect(connection) {
      editor.ui.setState({ connectionHint: null });
      editor.run("connect", {
        source: connection.source,
        sourceHandle: connection.sourceHandle,
        target: connection.target,
        targetHandle: connection.targetHandle,
      });
    },

    isValidConnection(connection) {
      const blocked = [connection.source, connection.target].some((id) => groupOf(id) !== undefined);
      const check = blocked
        ? { ok: false as const, reason: "expand the block to connect the layers inside it" }
        : checkConnection(project(), editor.analysis.getState(), connection);
      const hint = check.ok ? null : check.reason;
      if (editor.ui.getState().connectionHint !== hint) editor.ui.setState({ connectionHint: hint });
      return check.ok;
    },

    onConnectEnd() {
      if (editor.ui.getState().connectionHint !== null) editor.ui.setState({ connectionHint: null });
    },

    dispose() {
      stopDoc();
      stopUi();
      listeners.clear();
    },
  };
}
