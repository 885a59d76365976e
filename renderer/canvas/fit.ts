import { getViewportForBounds, type Viewport } from "@xyflow/react";
import { NODE_HEIGHT, NODE_WIDTH } from "../state/project-ops";
import type { FlowNode } from "./to-flow";

/** Margin around the graph, as a fraction of the view, and the closest a fit may zoom in. */
export const FIT_PADDING = 0.2;
export const FIT_MAX_ZOOM = 1.1;

/**
 * The viewport that fits `nodes` into a view of `width` x `height`, from the flow nodes' positions
 * and their measured sizes (or the default block size for nodes not measured yet). A project just
 * opened is fitted with this before its blocks are first drawn: React Flow's own fitView waits for
 * every node to be measured, so the blocks would be drawn at the old zoom first and then again.
 * With `readable`, a graph that would need a smaller zoom opens at that zoom on its top-left part.
 * Null when there is nothing to fit or no view to fit into.
 */
export function fitViewport(
  nodes: readonly FlowNode[],
  width: number,
  height: number,
  zoom: { min: number; max: number; readable?: number },
): Viewport | null {
  if (nodes.length === 0 || width <= 0 || height <= 0) return null;
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const n of nodes) {
    const w = n.measured?.width ?? n.width ?? NODE_WIDTH;
    const h = n.measured?.height ?? n.height ?? NODE_HEIGHT;
    x0 = Math.min(x0, n.position.x);
    y0 = Math.min(y0, n.position.y);
    x1 = Math.max(x1, n.position.x + w);
    y1 = Math.max(y1, n.position.y + h);
  }
  const bounds = { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
  const fit = getViewportForBounds(bounds, width, height, zoom.min, Math.min(zoom.max, FIT_MAX_ZOOM), FIT_PADDING);
  if (zoom.readable === undefined || fit.zoom >= zoom.readable) return fit;
  // Too big to read whole: its start (the inputs, on the left) at a zoom where blocks can be read,
  // as a map opens on a place rather than the whole world; the minimap and F show all of it.
  // Centred along a side where the graph fits at that zoom.
  const z = zoom.readable;
  const place = (from: number, size: number, view: number) =>
    Math.round(size * z + 2 * READABLE_MARGIN <= view ? (view - size * z) / 2 - from * z : READABLE_MARGIN - from * z);
  return { x: place(x0, x1 - x0, width), y: place(y0, y1 - y0, height), zoom: z };
}

/** Screen pixels between the view's edge and a big graph's first blocks. */
export const READABLE_MARGIN = 40;
