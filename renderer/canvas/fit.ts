import { getViewportForBounds, type Viewport } from "@xyflow/react";
import { NODE_HEIGHT, NODE_WIDTH } from "../state/project-ops";
import type { FlowNode } from "./to-flow";

/**
 * Margin around the graph, as a fraction of the view, and the closest a fit may zoom in: at 1 a
 * block is drawn at its own size; more would only blow a small graph up.
 */
export const FIT_PADDING = 0.2;
export const FIT_MAX_ZOOM = 1;

/**
 * The viewport that fits `nodes` into a view of `width` x `height`, from the flow nodes' positions
 * and their measured sizes (or the default block size for nodes not measured yet). A project just
 * opened is fitted with this before its blocks are first drawn: React Flow's own fitView waits for
 * every node to be measured, so the blocks would be drawn at the old zoom first and then again.
 * With `readable` (the level of detail), a fit never goes below that zoom to make room for its
 * margin: a graph that fits at it is shown whole at it, with a smaller margin. A graph too big for
 * that is shown whole below it (`big` "whole": zoom to fit) or, `big` "start" (a project just
 * opened), at that zoom on its top-left part.
 * Null when there is nothing to fit, no view to fit into, or a position that is not a number.
 */
export function fitViewport(
  nodes: readonly FlowNode[],
  width: number,
  height: number,
  zoom: { min: number; max: number; readable?: number },
  big: "start" | "whole" = "start",
): Viewport | null {
  if (nodes.length === 0 || !(width > 0 && height > 0 && Number.isFinite(width * height))) return null;
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const n of nodes) {
    const w = n.measured?.width ?? n.width ?? NODE_WIDTH;
    const h = n.measured?.height ?? n.height ?? NODE_HEIGHT;
    x0 = Math.min(x0, n.position.x);
    y0 = Math.min(y0, n.position.y);
    x1 = Math.max(x1, n.position.x + w);
    y1 = Math.max(y1, n.position.y + h);
  }
  if (![x0, y0, x1, y1].every(Number.isFinite)) return null;
  const bounds = { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
  const fit = getViewportForBounds(bounds, width, height, zoom.min, Math.min(zoom.max, FIT_MAX_ZOOM), FIT_PADDING);
  if (zoom.readable === undefined || fit.zoom >= zoom.readable) return finite(fit);
  const z = zoom.readable;
  const fits = (size: number, view: number) => size * z + 2 * READABLE_MARGIN <= view;
  const whole = fits(bounds.width, width) && fits(bounds.height, height);
  if (big === "whole" && !whole) return finite(fit);
  // At the readable zoom: centred along a side where the graph fits, else (too big to read whole)
  // from its start (the inputs, on the left), as a map opens on a place rather than the whole
  // world; the minimap and F show all of it.
  const place = (from: number, size: number, view: number) =>
    Math.round(fits(size, view) ? (view - size * z) / 2 - from * z : READABLE_MARGIN - from * z);
  return finite({ x: place(x0, bounds.width, width), y: place(y0, bounds.height, height), zoom: z });
}

/** Positions near the largest doubles overflow on the way to the screen: no viewport then. */
const finite = (vp: Viewport): Viewport | null => ([vp.x, vp.y, vp.zoom].every(Number.isFinite) ? vp : null);

/** Screen pixels between the view's edge and a big graph's first blocks. */
export const READABLE_MARGIN = 40;
