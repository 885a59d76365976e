import type { Graph } from "../../../shared/ir/graph";
import { topologicalOrder } from "../../../shared/ir/topo";
import { getSpec } from "../../../shared/layers/catalog";
import { fitToBox, type Point, type PreviewBox } from "./preview-scale";

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
 * A thumbnail of a graph scaled into a box: the blocks where the template placed them on the
 * canvas (its author laid out the branches of a VAE or a residual block). A graph whose saved
 * positions cannot show it (one missing or not finite, or two blocks on the same spot) is laid out
 * by depth instead (longest path from a source), branches in rows. Node centres are in box
 * coordinates; the caller draws a block at each.
 */
export function previewLayout(graph: Graph, box: PreviewBox): { nodes: PreviewNode[]; edges: PreviewEdge[] } {
  const raw = savedPositions(graph) ?? depthLayout(graph);
  const fitted = fitToBox(raw, box);
  const at = new Map<string, Point>(graph.nodes.map((n, i) => [n.id, fitted[i]]));
  const nodes = graph.nodes.map((n, i) => ({
    id: n.id,
    kind: n.kind,
    ...fitted[i],
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

function savedPositions(graph: Graph): Point[] | null {
  const points = graph.nodes.map((n) => n.position);
  if (!points.every((p): p is Point => p !== undefined && Number.isFinite(p.x) && Number.isFinite(p.y))) return null;
  const spots = new Set(points.map((p) => `${p.x},${p.y}`));
  return spots.size === points.length ? points : null;
}

function depthLayout(graph: Graph): Point[] {
  const depth = depths(graph);
  const rows = new Map<number, number>();
  const raw = graph.nodes.map((n) => {
    const d = depth.get(n.id) ?? 0;
    const row = rows.get(d) ?? 0;
    rows.set(d, row + 1);
    return { x: d * 200, y: row * 100, d };
  });
  // Centre each column on the tallest one, so a branch reads as a fork, not a step.
  const tallest = Math.max(1, ...rows.values());
  return raw.map((p) => ({ x: p.x, y: p.y + ((tallest - (rows.get(p.d) ?? 1)) * 100) / 2 }));
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

/**
 * How wide to draw the blocks so that neighbours on one row do not overlap: a long chain (a
 * DenseNet block's twelve) is scaled down until the canvas' spacing is narrower than a block.
 * Never wider than `max`, never narrower than `min` (a block must stay visible).
 */
export function blockWidth(nodes: readonly { x: number; y: number }[], height: number, max: number, min = 6): number {
  let gap = Number.POSITIVE_INFINITY;
  for (let i = 0; i < nodes.length; i++) {
    for (let j = i + 1; j < nodes.length; j++) {
      if (Math.abs(nodes[i].y - nodes[j].y) < height) gap = Math.min(gap, Math.abs(nodes[i].x - nodes[j].x));
    }
  }
  return Math.min(max, Math.max(min, gap * 0.8));
}
