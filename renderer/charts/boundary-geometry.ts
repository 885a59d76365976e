/**
 * Numeric helpers of the decision-boundary plot: data units to pixels, the colour of a regression
 * value, and a Perceptron's line clipped to the plotted box. Every one answers something drawable
 * (finite pixels, a valid colour, or no line) for any input, NaN and the infinities included.
 */
export interface Range {
  min: number;
  max: number;
}

/** Pixels from the range's min (0) to its max (size); a degenerate or non-finite range maps to the middle. */
export function toPixel(v: number, r: Range, size: number): number {
  const span = r.max - r.min;
  if (!Number.isFinite(v) || !Number.isFinite(span) || !(span > 0)) return size / 2;
  const t = (v - r.min) / span;
  // Far outside the box still lands just off the canvas: a canvas given 1e300 draws nothing at all.
  return Math.min(Math.max(Number.isFinite(t) ? t : 0.5, -1), 2) * size;
}

/** A regression value's colour from blue (lo) to orange (hi); grey for a value that is not a number. */
export function valueColor(v: number, lo: number, hi: number): string {
  if (!Number.isFinite(v)) return "hsl(0 0% 60%)";
  const span = hi - lo;
  let t = Number.isFinite(span) && span > 0 ? (v - lo) / span : 0.5;
  // lo and hi may be infinite or overflow apart: (v - lo) / span is then NaN or out of [0, 1].
  t = Number.isFinite(t) ? Math.min(Math.max(t, 0), 1) : 0.5;
  return `hsl(${Math.round(220 - 200 * t)} 70% 55%)`;
}

/**
 * The part of the line w0 x + w1 y + b = 0 inside the box, as its two ends in data units; null
 * when it misses the box, the weights are all zero, or a number is not finite.
 */
export function clipLine(
  line: { w: readonly [number, number]; b: number },
  box: { x: Range; y: Range },
): [[number, number], [number, number]] | null {
  const [a, c] = line.w;
  const { b } = line;
  const nums = [a, c, b, box.x.min, box.x.max, box.y.min, box.y.max];
  if (!nums.every(Number.isFinite) || (a === 0 && c === 0)) return null;
  if (!(box.x.max >= box.x.min && box.y.max >= box.y.min)) return null;
  const hits: [number, number][] = [];
  const inside = (v: number, r: Range) =>
    v >= r.min - 1e-9 * Math.abs(r.max - r.min) && v <= r.max + 1e-9 * Math.abs(r.max - r.min);
  // Where the line crosses each edge: x = const edges solve for y, y = const edges for x.
  if (c !== 0)
    for (const x of [box.x.min, box.x.max]) {
      const y = -(a * x + b) / c;
      if (Number.isFinite(y) && inside(y, box.y)) hits.push([x, Math.min(Math.max(y, box.y.min), box.y.max)]);
    }
  if (a !== 0)
    for (const y of [box.y.min, box.y.max]) {
      const x = -(c * y + b) / a;
      if (Number.isFinite(x) && inside(x, box.x)) hits.push([Math.min(Math.max(x, box.x.min), box.x.max), y]);
    }
  if (hits.length < 2) return null;
  // The two hits farthest apart (a line through a corner hits two edges there).
  let best: [[number, number], [number, number]] = [hits[0], hits[1]];
  let far = -1;
  for (let i = 0; i < hits.length; i++)
    for (let j = i + 1; j < hits.length; j++) {
      const d = Math.hypot(hits[i][0] - hits[j][0], hits[i][1] - hits[j][1]);
      if (d > far) [far, best] = [d, [hits[i], hits[j]]];
    }
  return best;
}
