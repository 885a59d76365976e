import type { Point, Rect, Viewport } from "../overview/scene";

/** How flow coordinates map into the minimap: screen = flow * scale + (dx, dy). */
export interface MinimapFrame {
  scale: number;
  dx: number;
  dy: number;
}

/** Pixels kept free around the drawing. */
const PAD = 6;

/** The smallest rectangle holding all of `rects`; null for none. */
export function boundsOf(rects: Iterable<Rect>): Rect | null {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const r of rects) {
    [x0, y0] = [Math.min(x0, r.x), Math.min(y0, r.y)];
    [x1, y1] = [Math.max(x1, r.x + r.width), Math.max(y1, r.y + r.height)];
  }
  return x0 === Infinity ? null : { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/** The part of the flow a viewport of `size` shows. */
export const visibleRect = (view: Viewport, size: { width: number; height: number }): Rect => ({
  x: -view.x / view.zoom,
  y: -view.y / view.zoom,
  width: size.width / view.zoom,
  height: size.height / view.zoom,
});

/**
 * Fits the graph and the part on screen, both, into a minimap of `size`, centred: the view's
 * rectangle stays in the picture when it has wandered off the graph.
 */
export function minimapFrame(graph: Rect | null, view: Rect, size: { width: number; height: number }): MinimapFrame {
  const all = boundsOf(graph ? [graph, view] : [view]) ?? view;
  const w = Math.max(all.width, 1);
  const h = Math.max(all.height, 1);
  const fitted = Math.min(Math.max(size.width - 2 * PAD, 1) / w, Math.max(size.height - 2 * PAD, 1) / h);
  // fromMinimap divides by the scale: never 0 (a graph as wide as the largest doubles), NaN or negative.
  const scale = fitted > 0 && Number.isFinite(fitted) ? fitted : 1;
  return {
    scale,
    dx: (size.width - w * scale) / 2 - all.x * scale,
    dy: (size.height - h * scale) / 2 - all.y * scale,
  };
}

export const toMinimap = (f: MinimapFrame, p: Point): Point => ({ x: p.x * f.scale + f.dx, y: p.y * f.scale + f.dy });
export const fromMinimap = (f: MinimapFrame, p: Point): Point => ({
  x: (p.x - f.dx) / f.scale,
  y: (p.y - f.dy) / f.scale,
});
