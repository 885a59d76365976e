import { z } from "zod";
import {
  GRAPH_FORMAT,
  type GraphEdge,
  GraphEdgeSchema,
  type GraphGroup,
  GraphGroupSchema,
  type GraphNode,
  GraphNodeSchema,
} from "../../shared/ir/graph";
import { asGroupId, asNodeId, type GroupId, type NodeId, nextEdgeId, nextNodeId } from "../../shared/ir/ids";
import type { Project } from "../../shared/ir/project";
import { withGraph } from "./project-ops";

/**
 * Copy and paste as JSON text, so blocks travel between windows and projects through the system
 * clipboard: `{ format: "netforge.fragment", version: 1, nodes, edges, groups? }`. Only edges
 * between copied nodes are kept; on paste every id is renamed to a free one and positions move by
 * an offset, so pasting twice gives two copies side by side.
 */
export const FRAGMENT_FORMAT = "netforge.fragment";
export const FRAGMENT_VERSION = 1;

const FragmentSchema = z
  .object({
    format: z.literal(FRAGMENT_FORMAT),
    version: z.literal(FRAGMENT_VERSION),
    nodes: z.array(GraphNodeSchema),
    edges: z.array(GraphEdgeSchema),
    groups: z.array(GraphGroupSchema).optional(),
  })
  .strict();

export type Fragment = z.infer<typeof FragmentSchema>;

export function copyFragment(p: Project, nodeIds: readonly string[]): Fragment {
  const ids = new Set(nodeIds);
  const nodes = p.graph.nodes.filter((n) => ids.has(n.id));
  const edges = p.graph.edges.filter((e) => ids.has(e.source) && ids.has(e.target));
  const used = new Set(nodes.map((n) => n.group));
  const groups = p.graph.groups?.filter((g) => used.has(g.id)) ?? [];
  const fragment: Fragment = { format: FRAGMENT_FORMAT, version: FRAGMENT_VERSION, nodes, edges };
  if (groups.length) fragment.groups = groups;
  return structuredClone(fragment);
}

export function serializeFragment(f: Fragment): string {
  return JSON.stringify(f);
}

/**
 * Reads clipboard text: a fragment, or a whole graph or project file (pasting a saved model into
 * another one). Never throws; the error says what was expected and what was found.
 */
export function parseFragment(text: string): { ok: true; fragment: Fragment } | { ok: false; error: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, error: `expected NetForge blocks (JSON) on the clipboard; received text "${preview(text)}"` };
  }
  const obj = raw !== null && typeof raw === "object" ? (raw as Record<string, unknown>) : {};
  const graph = obj.format === "netforge.project" ? (obj.graph as Record<string, unknown> | undefined) : obj;
  const candidate =
    graph?.format === GRAPH_FORMAT
      ? {
          format: FRAGMENT_FORMAT,
          version: FRAGMENT_VERSION,
          nodes: graph.nodes,
          edges: graph.edges,
          groups: graph.groups,
        }
      : raw;
  const r = FragmentSchema.safeParse(candidate);
  if (r.success) return { ok: true, fragment: r.data };
  const format = (candidate as { format?: unknown } | null)?.format;
  if (format !== FRAGMENT_FORMAT) {
    return {
      ok: false,
      error: `expected "${FRAGMENT_FORMAT}" blocks on the clipboard; received ${format === undefined ? "JSON without a format" : `format ${JSON.stringify(format)}`}`,
    };
  }
  const issue = r.error.issues[0];
  return {
    ok: false,
    error: `the copied blocks are not valid: ${issue.path.join(".") || "(fragment)"}: ${issue.message}`,
  };
}

const preview = (text: string) => (text.length > 40 ? `${text.slice(0, 37)}...` : text).replace(/\s+/g, " ");

/** Adds a fragment's blocks with fresh ids; returns the new node ids in fragment order. */
export function pasteFragment(
  p: Project,
  fragment: Fragment,
  offset: { x: number; y: number } = { x: 40, y: 40 },
): { project: Project; ids: string[] } {
  const taken = new Set<string>(p.graph.nodes.map((n) => n.id));
  const nodeIds = new Map<string, NodeId>();
  const groupIds = new Map<string, GroupId>();
  const groupsTaken = new Set<string>((p.graph.groups ?? []).map((g) => g.id));
  const groups: GraphGroup[] = [];
  for (const g of fragment.groups ?? []) {
    const id = asGroupId(nextNodeId("Group", groupsTaken));
    groupsTaken.add(id);
    groupIds.set(g.id, id);
    groups.push({ ...g, id });
  }
  const nodes: GraphNode[] = fragment.nodes.map((n) => {
    const id = nextNodeId(n.kind, taken);
    taken.add(id);
    nodeIds.set(n.id, id);
    const pos = n.position ?? { x: 0, y: 0 };
    const copy: GraphNode = { ...structuredClone(n), id, position: { x: pos.x + offset.x, y: pos.y + offset.y } };
    const group = n.group === undefined ? undefined : groupIds.get(n.group);
    if (group) copy.group = group;
    else delete copy.group;
    return copy;
  });
  const edgesTaken = new Set<string>(p.graph.edges.map((e) => e.id));
  const edges: GraphEdge[] = [];
  for (const e of fragment.edges) {
    const source = nodeIds.get(e.source);
    const target = nodeIds.get(e.target);
    if (!source || !target) continue;
    const id = nextEdgeId(edgesTaken);
    edgesTaken.add(id);
    edges.push({ ...e, id, source: asNodeId(source), target: asNodeId(target) });
  }
  const usedGroups = groups.filter((g) => nodes.some((n) => n.group === g.id));
  const project = withGraph(p, {
    nodes: [...p.graph.nodes, ...nodes],
    edges: [...p.graph.edges, ...edges],
    ...(usedGroups.length ? { groups: [...(p.graph.groups ?? []), ...usedGroups] } : {}),
  });
  return { project, ids: nodes.map((n) => n.id) };
}
