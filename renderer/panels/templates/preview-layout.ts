import type { Graph } from "../../../shared/ir/graph";
import { topologicalOrder } from "../../../shared/ir/topo";
import { getSpec } from "../../../shared/layers/catalog";

export interface PreviewNode {
  id: string;
  kind: string;
  x: number;
  y: number;
  category: string;
}
export interface PreviewEdge {
  id: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/**
 * A thumbnail of a graph scaled into a box, laid out by depth (longest path from a source) with
 * branches in rows: saved positions are often a plain row that hides the branches of a VAE or a
 * residual block. Node centres are returned in box coordinates; the caller draws a block at each.
 */
export function previewLayout(
  graph: Graph,
  box: { width: number; height: number; node: { width: number; height: number }; pad: number },
): { nodes: PreviewNode[]; edges: PreviewEdge[] } {
  const raw = new Map<string, { x: number; y: number }>();
  const depth = depths(graph);
  const rows = new Map<number, number>();
  for (const n of graph.nodes) {
    const d = depth.get(n.id) ?? 0;
    const row = rows.get(d) ?? 0;
    rows.set(d, row + 1);
    raw.set(n.id, { x: d * 200, y: row * 100 });
  }
  // Centre each column on the tallest one, so a branch reads as a fork, not a step.
  const tallest = Math.max(1, ...rows.values());
  for (const n of graph.nodes) {
    const p = raw.get(n.id) as { x: number; y: number };
    p.y += ((tallest - (rows.get(depth.get(n.id) ?? 0) ?? 1)) * 100) / 2;
  }
  const xs = [...raw.values()].map((p) => p.x);
  const ys = [...raw.values()].map((p) => p.y);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const innerW = box.width - 2 * box.pad - box.node.width;
  const innerH = box.height - 2 * box.pad - box.node.height;
  // One scale for both axes keeps the graph's proportions; a flat chain is centred vertically.
  const scale = Math.min(innerW / Math.max(1, maxX - minX), innerH / Math.max(1, maxY - minY), 0.5);
  const offX = box.pad + box.node.width / 2 + (innerW - (maxX - minX) * scale) / 2;
  const offY = box.pad + box.node.height / 2 + (innerH - (maxY - minY) * scale) / 2;
  const at = new Map<string, { x: number; y: number }>();
  for (const [id, p] of raw) at.set(id, { x: offX + (p.x - minX) * scale, y: offY + (p.y - minY) * scale });
  const nodes = graph.nodes.map((n) => ({
    id: n.id,
    kind: n.kind,
    ...(at.get(n.id) as { x: number; y: number }),
    category: getSpec(n.kind)?.category ?? "Core",
  }));
  const edges: PreviewEdge[] = [];
  for (const e of graph.edges) {
    const a = at.get(e.source);
    const b = at.get(e.target);
    if (a && b) edges.push({ id: e.id, x1: a.x, y1: a.y, x2: b.x, y2: b.y });
  }
  return { nodes, edges };
}

function depths(graph: Graph): Map<string, number> {
  const { order } = topologicalOrder(
    graph.nodes.map((n) => n.id),
    graph.edges,
  );
  const depth = new Map<string, number>();
  for (const id of order) {
    const d = Math.max(-1, ...graph.edges.filter((e) => e.target === id).map((e) => depth.get(e.source) ?? 0));
    depth.set(id, d + 1);
  }
  return depth;
}
