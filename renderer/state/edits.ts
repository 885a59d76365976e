import type { GraphEdge, GraphNode } from "../../shared/ir/graph";
import { asNodeId, nextEdgeId, nextNodeId } from "../../shared/ir/ids";
import type { Project } from "../../shared/ir/project";
import { deepEqual } from "./equal";
import {
  dropEmptyGroups,
  EditError,
  findNode,
  firstInputPort,
  requireEdge,
  requireNode,
  requireSpec,
  STEP_X,
  withGraph,
} from "./project-ops";

/**
 * Pure document edits, `(project, args) -> project` (ANCHORS R17: Excalidraw's perform). They
 * never mutate their input; records they do not touch keep their identity, so history diffs and
 * the canvas see only what changed. An edit that changes nothing returns its input unchanged.
 * Unknown ids and kinds throw EditError with the expected and received values.
 */

export { copyFragment, type Fragment, parseFragment, pasteFragment, serializeFragment } from "./clipboard";
export { groupNodes, renameGroup, setGroupCollapsed, ungroup } from "./grouping";
export { autoLayout } from "./layout";

export type Position = { x: number; y: number };

export interface AddNodeArgs {
  kind: string;
  position?: Position;
  params?: Record<string, unknown>;
  name?: string;
}

export function addNode(p: Project, args: AddNodeArgs): { project: Project; id: string } {
  requireSpec(args.kind);
  const id = nextNodeId(
    args.kind,
    p.graph.nodes.map((n) => n.id),
  );
  const node: GraphNode = {
    id,
    kind: args.kind,
    params: { ...args.params },
    position: args.position ?? spotAfterLast(p),
  };
  if (args.name) node.name = args.name;
  return { project: withGraph(p, { nodes: [...p.graph.nodes, node] }), id };
}

/** Right of the right-most node, so a block added without a position never lands on another. */
export function spotAfterLast(p: Project): Position {
  if (p.graph.nodes.length === 0) return { x: 0, y: 0 };
  let right = Number.NEGATIVE_INFINITY;
  let y = 0;
  for (const n of p.graph.nodes) {
    const x = n.position?.x ?? 0;
    if (x > right) [right, y] = [x, n.position?.y ?? 0];
  }
  return { x: right + STEP_X, y };
}

/** Removes nodes (with every edge touching them) and edges; groups left empty disappear. */
export function removeElements(
  p: Project,
  args: { nodeIds?: readonly string[]; edgeIds?: readonly string[] },
): Project {
  const nodeIds = new Set(args.nodeIds ?? []);
  const edgeIds = new Set(args.edgeIds ?? []);
  const nodes = p.graph.nodes.filter((n) => !nodeIds.has(n.id));
  const edges = p.graph.edges.filter((e) => !edgeIds.has(e.id) && !nodeIds.has(e.source) && !nodeIds.has(e.target));
  if (nodes.length === p.graph.nodes.length && edges.length === p.graph.edges.length) return p;
  const next = withGraph(p, { nodes, edges });
  return nodes.length === p.graph.nodes.length ? next : dropEmptyGroups(next);
}

export interface ConnectArgs {
  source: string;
  /** Output port of the source; omitted means its first output. */
  sourcePort?: string;
  target: string;
  /** Input port of the target; omitted means its first input. */
  targetPort?: string;
}

/**
 * Adds an edge. An input that takes one connection and already has one gets the new edge in place
 * of the old (what dropping a wire on an occupied input means on a canvas); a second identical
 * edge is not added. Graph-level problems (a cycle, a shape mismatch) are left to the analysis.
 */
export function connect(p: Project, args: ConnectArgs): Project {
  const source = requireNode(p, args.source, "source node");
  const target = requireNode(p, args.target, "target node");
  const targetPort = args.targetPort ?? firstInputPort(target.kind);
  const spec = requireSpec(target.kind);
  const port = spec.inputs.find((x) => x.name === targetPort);
  if (!port) {
    const names = spec.inputs.map((x) => `"${x.name}"`).join(", ") || "none";
    throw new EditError(
      `${target.kind} "${target.id}" has no input port "${targetPort}"; its input ports are ${names}`,
    );
  }
  const sourcePort = args.sourcePort;
  const same = (e: GraphEdge) =>
    e.source === source.id && e.target === target.id && e.targetPort === targetPort && e.sourcePort === sourcePort;
  if (p.graph.edges.some(same)) return p;
  const edge: GraphEdge = {
    id: nextEdgeId(p.graph.edges.map((e) => e.id)),
    source: source.id,
    target: target.id,
    targetPort,
  };
  if (sourcePort !== undefined) edge.sourcePort = sourcePort;
  const occupied = (e: GraphEdge) => !port.variadic && e.target === target.id && e.targetPort === targetPort;
  const index = p.graph.edges.findIndex(occupied);
  const edges = [...p.graph.edges];
  if (index >= 0) edges.splice(index, 1, edge);
  else edges.push(edge);
  return withGraph(p, { edges });
}

export function moveNodes(p: Project, positions: Readonly<Record<string, Position>>): Project {
  for (const id of Object.keys(positions)) requireNode(p, id);
  let changed = false;
  const nodes = p.graph.nodes.map((n) => {
    const to = positions[n.id];
    if (!to || (n.position && n.position.x === to.x && n.position.y === to.y)) return n;
    if (!Number.isFinite(to.x) || !Number.isFinite(to.y)) {
      throw new EditError(`position of "${n.id}" must be finite numbers; received x=${to.x}, y=${to.y}`);
    }
    changed = true;
    return { ...n, position: { x: to.x, y: to.y } };
  });
  return changed ? withGraph(p, { nodes }) : p;
}

function updateNode(p: Project, id: string, fn: (n: GraphNode) => GraphNode): Project {
  const node = requireNode(p, id);
  const next = fn(node);
  if (next === node) return p;
  return withGraph(p, { nodes: p.graph.nodes.map((n) => (n === node ? next : n)) });
}

/**
 * Merges `patch` into a node's params; a key set to undefined is removed (back to its default).
 * Values are not validated here: an invalid value is a diagnostic the learner sees and fixes.
 */
export function setParams(p: Project, id: string, patch: Readonly<Record<string, unknown>>): Project {
  return updateNode(p, id, (n) => {
    const params: Record<string, unknown> = { ...n.params };
    let changed = false;
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined) {
        if (Object.hasOwn(params, key)) {
          delete params[key];
          changed = true;
        }
      } else if (!deepEqual(params[key], value)) {
        params[key] = value;
        changed = true;
      }
    }
    return changed ? { ...n, params } : n;
  });
}

/** Sets a node's display name; an empty or blank name removes it (the id is shown instead). */
export function renameNode(p: Project, id: string, name: string): Project {
  const trimmed = name.trim();
  if (trimmed.length > 200) throw new EditError(`a node name has at most 200 characters; received ${trimmed.length}`);
  return updateNode(p, id, (n) => {
    if ((n.name ?? "") === trimmed) return n;
    const { name: _old, ...rest } = n;
    return trimmed ? { ...rest, name: trimmed } : rest;
  });
}

export interface InsertArgs {
  kind: string;
  params?: Record<string, unknown>;
}

/**
 * Adds a layer right of `afterId`, fed by it. Edges that left `afterId`'s first output now leave
 * the new layer, so inserting into a chain splices it in (A -> B becomes A -> new -> B).
 */
export function insertAfter(p: Project, afterId: string, args: InsertArgs): { project: Project; id: string } {
  const after = requireNode(p, afterId);
  const pos = after.position ?? { x: 0, y: 0 };
  const added = addNode(p, { kind: args.kind, params: args.params, position: { x: pos.x + STEP_X, y: pos.y } });
  const outgoing = added.project.graph.edges.filter((e) => e.source === after.id && e.sourcePort === undefined);
  const spliced = withGraph(added.project, {
    edges: added.project.graph.edges.map((e) => (outgoing.includes(e) ? { ...e, source: asNodeId(added.id) } : e)),
  });
  const project = connect(shiftRight(spliced, outgoing, after.id), { source: after.id, target: added.id });
  return { project, id: added.id };
}

/** Moves everything downstream of a spliced edge one step right, so the new layer has room. */
function shiftRight(p: Project, moved: readonly GraphEdge[], from: string): Project {
  if (moved.length === 0) return p;
  const x0 = findNode(p, from)?.position?.x ?? 0;
  const down = new Set<string>();
  const stack = moved.map((e) => e.target as string);
  while (stack.length) {
    const id = stack.pop() as string;
    if (down.has(id) || id === from) continue;
    down.add(id);
    for (const e of p.graph.edges) if (e.source === id) stack.push(e.target);
  }
  const nodes = p.graph.nodes.map((n) =>
    down.has(n.id) && n.position && n.position.x > x0
      ? { ...n, position: { x: n.position.x + STEP_X, y: n.position.y } }
      : n,
  );
  return withGraph(p, { nodes });
}

/** Replaces edge source -> target with source -> new layer -> target, keeping the edge's ports and place. */
export function insertBetween(p: Project, edgeId: string, args: InsertArgs): { project: Project; id: string } {
  const edge = requireEdge(p, edgeId);
  const source = requireNode(p, edge.source);
  const target = requireNode(p, edge.target);
  const a = source.position ?? { x: 0, y: 0 };
  const b = target.position ?? { x: a.x + 2 * STEP_X, y: a.y };
  const position = { x: Math.round((a.x + b.x) / 2), y: Math.round((a.y + b.y) / 2) };
  const added = addNode(p, { kind: args.kind, params: args.params, position });
  const inPort = firstInputPort(args.kind);
  const feed: GraphEdge = {
    id: nextEdgeId(added.project.graph.edges.map((e) => e.id)),
    source: edge.source,
    target: asNodeId(added.id),
    targetPort: inPort,
  };
  if (edge.sourcePort !== undefined) feed.sourcePort = edge.sourcePort;
  const { sourcePort: _unused, ...rest } = edge;
  const out: GraphEdge = { ...rest, source: asNodeId(added.id) };
  const edges = added.project.graph.edges.flatMap((e) => (e === edge ? [feed, out] : [e]));
  const project = withGraph(added.project, { edges });
  // Make room when the two ends sit close together.
  const room = Math.abs(b.x - a.x) < 2 * STEP_X - 1 && b.x >= a.x;
  return { project: room ? shiftRight(project, [out], added.id) : project, id: added.id };
}
