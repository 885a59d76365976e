import type { Position } from "./edits";
import { NODE_HEIGHT, NODE_WIDTH } from "./project-ops";

/**
 * Where new blocks land (pasted copies, blocks added from the palette), in flow coordinates: on
 * screen and never on top of a block already there. The canvas reports what it shows through
 * canvas-view.ts; without a canvas (tests, scripts) only the free-space rules apply.
 */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Space kept between a new block and its neighbours. */
const GAP = 24;
/** Positions tried before giving up on a free one (a canvas packed full). */
const MAX_TRIES = 400;

export const nodeRect = (at: Position): Rect => ({ x: at.x, y: at.y, width: NODE_WIDTH, height: NODE_HEIGHT });

/** The box around blocks at `positions` (each one node in size); null for none. */
export function boundsOf(positions: readonly Position[]): Rect | null {
  if (positions.length === 0) return null;
  const xs = positions.map((p) => p.x);
  const ys = positions.map((p) => p.y);
  const [x, y] = [Math.min(...xs), Math.min(...ys)];
  return { x, y, width: Math.max(...xs) - x + NODE_WIDTH, height: Math.max(...ys) - y + NODE_HEIGHT };
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

const contains = (outer: Rect, p: Position) =>
  p.x >= outer.x && p.x <= outer.x + outer.width && p.y >= outer.y && p.y <= outer.y + outer.height;

/** A point with a NaN or infinite part (a canvas not laid out yet) tells nothing. */
const finitePoint = (p: Position | null): Position | null =>
  p && Number.isFinite(p.x) && Number.isFinite(p.y) ? p : null;

/** Nor does a rect of negative size, or one whose far edge overflows to infinity. */
const finiteRect = (r: Rect | null): Rect | null =>
  r &&
  finitePoint(r) &&
  r.width >= 0 &&
  r.height >= 0 &&
  Number.isFinite(r.x + r.width) &&
  Number.isFinite(r.y + r.height)
    ? r
    : null;

const shifted = (r: Rect, d: Position): Rect => ({ ...r, x: r.x + d.x, y: r.y + d.y });

/** Occupied rects grown by the gap a new block keeps from them. */
const pad = (occupied: readonly Rect[]): Rect[] =>
  occupied.map((o) => ({ x: o.x - GAP, y: o.y - GAP, width: o.width + 2 * GAP, height: o.height + 2 * GAP }));

/** Whether blocks at `positions`, moved by `d`, keep a gap from every (padded) occupied rect. */
function fitsPadded(positions: readonly Position[], d: Position, padded: readonly Rect[]): boolean {
  return positions.every((p) => !padded.some((o) => intersects(shifted(nodeRect(p), d), o)));
}

export interface PasteView {
  /** The part of the flow on screen; null where no canvas is shown. */
  visible: Rect | null;
  /** The pointer over the canvas, in flow coordinates; null when it is elsewhere. */
  pointer: Position | null;
}

/**
 * How far to move copied blocks so that the copies are seen and do not cover anything. Copies of
 * blocks on screen go just below them (then further down, a cascade of free slots, when that
 * place is taken, by an earlier paste say); copies of blocks scrolled out of view come to the
 * pointer, or to the middle of the view when the pointer is not over the canvas.
 */
export function pasteOffset(positions: readonly Position[], occupied: readonly Rect[], view: PasteView): Position {
  const box = boundsOf(positions);
  const visible = finiteRect(view.visible);
  const pointer = finitePoint(view.pointer);
  if (!box) return { x: 0, y: 0 };
  if (visible && !intersects(box, visible)) {
    const target =
      pointer && contains(visible, pointer)
        ? pointer
        : { x: visible.x + (visible.width - box.width) / 2, y: visible.y + (visible.height - box.height) / 2 };
    return freeOffset(positions, occupied, { x: Math.round(target.x - box.x), y: Math.round(target.y - box.y) }, box);
  }
  const near = visible && nearbyInView(positions, occupied, box, safeArea(visible));
  return near ?? freeOffset(positions, occupied, { x: 0, y: box.height + GAP }, box);
}

/**
 * The part of the view new blocks go in: a gap from the edges, and a block's height free at the
 * bottom, where the Problems list grows (and the canvas shrinks) when the new blocks bring problems.
 */
export function safeArea(visible: Rect): Rect {
  const width = Math.max(0, visible.width - 2 * GAP);
  const height = Math.max(0, visible.height - GAP - NODE_HEIGHT);
  return { x: visible.x + GAP, y: visible.y + GAP, width, height };
}

/** Candidate places tried on screen; the grid coarsens on a large view so the count stays bounded. */
const GRID = 40;

/**
 * The nearest free place for copies that lies entirely on screen: just below the originals, right,
 * above or left of them, else the nearest free cell of a grid over the view (below and right a
 * little before above and left). Null when the view has no free place; the copies then go below.
 */
function nearbyInView(
  positions: readonly Position[],
  occupied: readonly Rect[],
  box: Rect,
  visible: Rect,
): Position | null {
  const step = Math.max(GAP * 2, visible.width / GRID, visible.height / GRID);
  const sides = [
    { x: 0, y: box.height + GAP },
    { x: box.width + GAP, y: 0 },
    { x: 0, y: -(box.height + GAP) },
    { x: -(box.width + GAP), y: 0 },
  ];
  const grid: Position[] = [];
  const [i0, i1] = [
    Math.ceil((visible.x - box.x) / step),
    Math.floor((visible.x + visible.width - box.x - box.width) / step),
  ];
  const [j0, j1] = [
    Math.ceil((visible.y - box.y) / step),
    Math.floor((visible.y + visible.height - box.y - box.height) / step),
  ];
  for (let i = i0; i <= i1 && i - i0 <= GRID; i++) {
    for (let j = j0; j <= j1 && j - j0 <= GRID; j++) grid.push({ x: i * step, y: j * step });
  }
  const cost = (d: Position) => Math.hypot(d.x, d.y) + (d.y < 0 ? step : 0) + (d.x < 0 ? step / 2 : 0);
  grid.sort((a, b) => cost(a) - cost(b));
  const onScreen = (d: Position) => {
    const r = shifted(box, d);
    return (
      r.x >= visible.x &&
      r.y >= visible.y &&
      r.x + r.width <= visible.x + visible.width &&
      r.y + r.height <= visible.y + visible.height
    );
  };
  const padded = pad(occupied);
  return [...sides, ...grid].find((d) => onScreen(d) && fitsPadded(positions, d, padded)) ?? null;
}

/** `first`, or the first offset below it (a row of `box`'s height plus a gap each) that fits. */
function freeOffset(positions: readonly Position[], occupied: readonly Rect[], first: Position, box: Rect): Position {
  const padded = pad(occupied);
  for (let k = 0; k < MAX_TRIES; k++) {
    const d = { x: first.x, y: first.y + (box.height + GAP) * k };
    if (fitsPadded(positions, d, padded)) return d;
  }
  return first;
}

/**
 * A free place for one new block inside the visible part of the canvas: the spot after the
 * right-most block when that is on screen, else the first free cell of a grid over the view
 * (row by row from the top left), else the middle of the view. Without a view, the spot after.
 */
export function placeInView(after: Position, occupied: readonly Rect[], view: Rect | null): Position {
  const visible = finiteRect(view);
  if (!visible) return after;
  const safe = safeArea(visible);
  // Where a block's top-left corner may go for all of it to lie in the safe area.
  const inner = { ...safe, width: safe.width - NODE_WIDTH, height: safe.height - NODE_HEIGHT };
  const padded = pad(occupied);
  const free = (p: Position) => fitsPadded([p], { x: 0, y: 0 }, padded);
  if (contains(inner, after) && free(after)) return after;
  // A grid of cells over the view; counted, so a huge or non-finite view cannot loop for long.
  const [dx, dy] = [NODE_WIDTH + GAP, NODE_HEIGHT + GAP];
  const cols = Math.min(Math.floor(inner.width / dx) + 1, MAX_TRIES);
  const rows = Math.min(Math.floor(inner.height / dy) + 1, Math.floor(MAX_TRIES / Math.max(cols, 1)));
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const p = { x: Math.round(inner.x + c * dx), y: Math.round(inner.y + r * dy) };
      if (free(p)) return p;
    }
  }
  return {
    x: Math.round(visible.x + (visible.width - NODE_WIDTH) / 2),
    y: Math.round(visible.y + (visible.height - NODE_HEIGHT) / 2),
  };
}

/**
 * How far to move the view (in flow units) for `box` to lie in the safe part of `visible`: the
 * least movement on each axis, none when it is already there; a box larger than the view gets its
 * top-left corner shown. Non-finite input moves nothing.
 */
export function panToReveal(visible: Rect, box: Rect): Position {
  const view = finiteRect(visible);
  const target = finiteRect(box);
  if (!view || !target) return { x: 0, y: 0 };
  const safe = safeArea(view);
  const axis = (lo: number, size: number, from: number, span: number) => {
    const d = size > span || lo < from ? lo - from : lo + size > from + span ? lo + size - (from + span) : 0;
    // Boxes a float range apart overflow: such a "move" would lose the view, so none is made.
    return Number.isFinite(d) ? d : 0;
  };
  return {
    x: axis(target.x, target.width, safe.x, safe.width),
    y: axis(target.y, target.height, safe.y, safe.height),
  };
}
