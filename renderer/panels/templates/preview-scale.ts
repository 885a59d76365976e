export interface PreviewBox {
  width: number;
  height: number;
  /** A block's size: its centre stays this far inside the padding. */
  node: { width: number; height: number };
  pad: number;
}

export interface Point {
  x: number;
  y: number;
}

/** At most this many box units per graph unit: a two-block graph is not blown up to the box's edges. */
const MAX_SCALE = 0.5;

/**
 * Block centres for points in any coordinates, scaled into a box with one scale for both axes
 * (the graph keeps its proportions) and centred. Every result is finite and inside the box, whatever
 * comes in: a coordinate that is not finite is drawn at the centre of its axis, equal points stay
 * equal, and huge spans (±1e308, whose difference overflows) are measured in halves.
 */
export function fitToBox(points: readonly Point[], box: PreviewBox): Point[] {
  const innerW = Math.max(0, box.width - 2 * box.pad - box.node.width);
  const innerH = Math.max(0, box.height - 2 * box.pad - box.node.height);
  const xs = axis(points.map((p) => p.x));
  const ys = axis(points.map((p) => p.y));
  const scale = Math.min(innerW / Math.max(1, xs.span), innerH / Math.max(1, ys.span), MAX_SCALE);
  const place = (v: number, a: Axis, inner: number, start: number) => {
    const used = a.span * scale;
    const at = Number.isFinite(v) ? (v / 2 - a.min / 2) * (2 * scale) : used / 2;
    // Rounding can step a hair past the span: clamp so the block never leaves the box.
    return start + (inner - used) / 2 + Math.min(used, Math.max(0, at));
  };
  return points.map((p) => ({
    x: place(p.x, xs, innerW, box.pad + box.node.width / 2),
    y: place(p.y, ys, innerH, box.pad + box.node.height / 2),
  }));
}

interface Axis {
  min: number;
  /** max - min, finite even when that difference overflows a double (then it is capped at MAX_VALUE). */
  span: number;
}

function axis(values: readonly number[]): Axis {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return { min: 0, span: 0 };
  const min = Math.min(...finite);
  const max = Math.max(...finite);
  return { min, span: Math.min(Number.MAX_VALUE, (max / 2 - min / 2) * 2) };
}
