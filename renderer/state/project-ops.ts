import type { Graph, GraphEdge, GraphNode } from "../../shared/ir/graph";
import type { Project } from "../../shared/ir/project";
import { getSpec, LAYER_KINDS } from "../../shared/layers/catalog";
import type { AnyLayerSpec } from "../../shared/layers/spec";

/** Helpers shared by the pure edits (edits, clipboard, grouping, layout, fixes). */

/** Thrown by an edit given ids or kinds that do not exist; the editor shows the message. */
export class EditError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EditError";
  }
}

/** Approximate size of a canvas node, for placing new nodes and laying out (the canvas measures the real one). */
export const NODE_WIDTH = 220;
export const NODE_HEIGHT = 96;
/** Horizontal step between a node and the one added after it. */
export const STEP_X = NODE_WIDTH + 80;

export function withGraph(p: Project, patch: Partial<Graph>): Project {
  return { ...p, graph: { ...p.graph, ...patch } };
}

export function findNode(p: Project, id: string): GraphNode | undefined {
  return p.graph.nodes.find((n) => n.id === id);
}

export function requireNode(p: Project, id: string, role = "node"): GraphNode {
  const node = findNode(p, id);
  if (!node) throw new EditError(`${role} "${id}" does not exist; expected one of ${listIds(p.graph.nodes)}`);
  return node;
}

export function requireEdge(p: Project, id: string): GraphEdge {
  const edge = p.graph.edges.find((e) => e.id === id);
  if (!edge) throw new EditError(`edge "${id}" does not exist; expected one of ${listIds(p.graph.edges)}`);
  return edge;
}

export function requireSpec(kind: string): AnyLayerSpec {
  const spec = getSpec(kind);
  if (!spec) {
    throw new EditError(
      `unknown layer kind "${kind}"; expected a catalog kind such as ${LAYER_KINDS.slice(0, 6).join(", ")}`,
    );
  }
  return spec;
}

function listIds(records: readonly { id: string }[]): string {
  if (records.length === 0) return "none (the graph is empty)";
  const ids = records.slice(0, 8).map((r) => `"${r.id}"`);
  return records.length > 8 ? `${ids.join(", ")}, ...` : ids.join(", ");
}

/** The first input port's name, where a plain "connect A to B" lands. */
export function firstInputPort(kind: string): string {
  return getSpec(kind)?.inputs[0]?.name ?? "in";
}

/** Removes groups that no node belongs to any more (after deleting or regrouping nodes). */
export function dropEmptyGroups(p: Project): Project {
  const groups = p.graph.groups;
  if (!groups) return p;
  const used = new Set(p.graph.nodes.map((n) => n.group));
  const kept = groups.filter((g) => used.has(g.id));
  if (kept.length === groups.length) return p;
  const graph = { ...p.graph };
  if (kept.length) graph.groups = kept;
  else delete graph.groups;
  return { ...p, graph };
}
