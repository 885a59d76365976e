import type { GraphEdge, GraphNode } from "../../shared/ir/graph";
import type { Project } from "../../shared/ir/project";

/**
 * Document changes as diffs over records (tldraw's RecordsDiff): nodes and edges keyed by id, and
 * a few meta records (the project's own fields, the group list, and the order of nodes and edges,
 * which matters: edges into a variadic port are ordered). Reversing and squashing are generic, so
 * no edit needs a hand-written inverse (ANCHORS R16). Diffs are plain JSON.
 */
export interface RecordsDiff<R> {
  added: Record<string, R>;
  updated: Record<string, [from: R, to: R]>;
  removed: Record<string, R>;
}

/** Project fields other than the graph's nodes and edges, each one record. */
export const META_KEYS = ["name", "description", "data", "training", "groups", "nodeOrder", "edgeOrder"] as const;
export type MetaKey = (typeof META_KEYS)[number];

export interface ProjectDiff {
  nodes: RecordsDiff<GraphNode>;
  edges: RecordsDiff<GraphEdge>;
  meta: RecordsDiff<unknown>;
}

export function emptyRecordsDiff<R>(): RecordsDiff<R> {
  return { added: {}, updated: {}, removed: {} };
}

export function emptyDiff(): ProjectDiff {
  return { nodes: emptyRecordsDiff(), edges: emptyRecordsDiff(), meta: emptyRecordsDiff() };
}

const hasKey = (o: object) => {
  for (const _ in o) return true;
  return false;
};

function isRecordsDiffEmpty<R>(d: RecordsDiff<R>): boolean {
  return !hasKey(d.added) && !hasKey(d.updated) && !hasKey(d.removed);
}

export function isDiffEmpty(d: ProjectDiff): boolean {
  return isRecordsDiffEmpty(d.nodes) && isRecordsDiffEmpty(d.edges) && isRecordsDiffEmpty(d.meta);
}

/** What changed from `prev` to `next`, compared by identity (edits never mutate records). */
export function diffProjects(prev: Project, next: Project): ProjectDiff {
  const diff = emptyDiff();
  if (prev === next) return diff;
  if (prev.graph.nodes !== next.graph.nodes) {
    diffRecords(prev.graph.nodes, next.graph.nodes, diff.nodes);
    diffOrder("nodeOrder", prev.graph.nodes, next.graph.nodes, diff.meta);
  }
  if (prev.graph.edges !== next.graph.edges) {
    diffRecords(prev.graph.edges, next.graph.edges, diff.edges);
    diffOrder("edgeOrder", prev.graph.edges, next.graph.edges, diff.meta);
  }
  for (const key of ["name", "description", "data", "training"] as const)
    diffMeta(key, prev[key], next[key], diff.meta);
  diffMeta("groups", prev.graph.groups, next.graph.groups, diff.meta);
  return diff;
}

function diffRecords<R extends { id: string }>(prev: readonly R[], next: readonly R[], out: RecordsDiff<R>): void {
  // Moving or editing nodes keeps the id sequence; compare position by position.
  if (prev.length === next.length && prev.every((r, i) => r.id === next[i].id)) {
    for (let i = 0; i < next.length; i++) if (prev[i] !== next[i]) out.updated[next[i].id] = [prev[i], next[i]];
    return;
  }
  const before = new Map(prev.map((r) => [r.id, r]));
  for (const r of next) {
    const old = before.get(r.id);
    if (old === undefined) out.added[r.id] = r;
    else if (old !== r) out.updated[r.id] = [old, r];
    before.delete(r.id);
  }
  for (const [id, r] of before) out.removed[id] = r;
}

function diffOrder(
  key: MetaKey,
  prev: readonly { id: string }[],
  next: readonly { id: string }[],
  out: RecordsDiff<unknown>,
) {
  if (prev.length === next.length && prev.every((r, i) => r.id === next[i].id)) return;
  out.updated[key] = [prev.map((r) => r.id), next.map((r) => r.id)];
}

function diffMeta(key: MetaKey, prev: unknown, next: unknown, out: RecordsDiff<unknown>): void {
  if (prev === next) return;
  if (prev === undefined) out.added[key] = next;
  else if (next === undefined) out.removed[key] = prev;
  else out.updated[key] = [prev, next];
}

function reverseRecords<R>(d: RecordsDiff<R>): RecordsDiff<R> {
  const updated: Record<string, [R, R]> = {};
  for (const [id, [from, to]] of Object.entries(d.updated)) updated[id] = [to, from];
  return { added: d.removed, updated, removed: d.added };
}

export function reverseDiff(d: ProjectDiff): ProjectDiff {
  return { nodes: reverseRecords(d.nodes), edges: reverseRecords(d.edges), meta: reverseRecords(d.meta) };
}

/** Folds `d` into `target` (tldraw's squashRecordDiffsMutable); tuples are replaced, never mutated. */
function squashRecords<R>(target: RecordsDiff<R>, d: RecordsDiff<R>): void {
  for (const [id, value] of Object.entries(d.added)) {
    if (Object.hasOwn(target.removed, id)) {
      const original = target.removed[id];
      delete target.removed[id];
      if (original !== value) target.updated[id] = [original, value];
    } else {
      target.added[id] = value;
    }
  }
  for (const [id, change] of Object.entries(d.updated)) {
    if (Object.hasOwn(target.added, id)) {
      target.added[id] = change[1];
    } else if (Object.hasOwn(target.updated, id)) {
      target.updated[id] = [target.updated[id][0], change[1]];
    } else {
      target.updated[id] = change;
    }
  }
  for (const [id, value] of Object.entries(d.removed)) {
    if (Object.hasOwn(target.added, id)) {
      delete target.added[id];
    } else if (Object.hasOwn(target.updated, id)) {
      target.removed[id] = target.updated[id][0];
      delete target.updated[id];
    } else {
      target.removed[id] = value;
    }
  }
}

export function squashInto(target: ProjectDiff, ...diffs: ProjectDiff[]): ProjectDiff {
  for (const d of diffs) {
    squashRecords(target.nodes, d.nodes);
    squashRecords(target.edges, d.edges);
    squashRecords(target.meta, d.meta);
  }
  return target;
}

/** A copy whose collections can be squashed into without touching `d` (records are shared). */
export function copyDiff(d: ProjectDiff): ProjectDiff {
  return squashInto(emptyDiff(), d);
}

/**
 * Applies a diff. Records the diff does not mention keep their identity, and so do the node and
 * edge lists when the diff leaves them alone.
 */
export function applyDiff(project: Project, d: ProjectDiff): Project {
  if (isDiffEmpty(d)) return project;
  const nodes = applyRecords(project.graph.nodes, d.nodes, d.meta.updated.nodeOrder?.[1] as string[] | undefined);
  const edges = applyRecords(project.graph.edges, d.edges, d.meta.updated.edgeOrder?.[1] as string[] | undefined);
  const fields: Record<string, unknown> = { ...project };
  const graph: Record<string, unknown> = { ...project.graph, nodes, edges };
  for (const key of ["name", "description", "data", "training", "groups"] as const) {
    const target = key === "groups" ? graph : fields;
    if (Object.hasOwn(d.meta.removed, key)) delete target[key];
    if (Object.hasOwn(d.meta.added, key)) target[key] = d.meta.added[key];
    if (Object.hasOwn(d.meta.updated, key)) target[key] = d.meta.updated[key][1];
  }
  return { ...(fields as Project), graph: graph as Project["graph"] };
}

function applyRecords<R extends { id: string }>(list: readonly R[], d: RecordsDiff<R>, order?: string[]): R[] {
  if (isRecordsDiffEmpty(d) && !order) return list as R[];
  const byId = new Map(list.map((r) => [r.id, r]));
  for (const id of Object.keys(d.removed)) byId.delete(id);
  for (const [id, r] of Object.entries(d.added)) byId.set(id, r);
  for (const [id, [, to]] of Object.entries(d.updated)) byId.set(id, to);
  if (order) return order.flatMap((id) => byId.get(id) ?? []);
  // Without a recorded order (only updates, or a hand-built diff) keep the list's order.
  const out = list.flatMap((r) => byId.get(r.id) ?? []);
  for (const [id, r] of Object.entries(d.added)) if (!list.some((x) => x.id === id)) out.push(r);
  return out;
}
