/**
 * Round axis ticks (1, 2 or 5 times a power of ten). Every loop here counts ticks with an integer
 * index and multiplies, never adds a step to a float: at 0.5 a step of 1e-17 added to t leaves t
 * unchanged, which froze the tab on any flat training curve (issue 12, item 1).
 */

/** The most ticks an axis gets, whatever it is asked for: more would overlap as labels. */
export const MAX_TICKS = 50;

/**
 * Ranges narrower than this, relative to their magnitude, are flat: ticks inside them would print
 * alike at the 12 significant digits ticks are rounded to (and smoothing turns a constant series
 * into one that wanders by a float step or two).
 */
const FLAT = 1e-10;

const ROUND = (v: number) => Number(v.toPrecision(12));

/** Whether [lo, hi] is too narrow to put two distinct ticks in (or empty, or reversed). */
export function isFlatRange(lo: number, hi: number): boolean {
  return !(hi - lo > Math.max(Math.abs(lo), Math.abs(hi)) * FLAT);
}

/** `count` as a usable tick count: a whole number from 2 to MAX_TICKS (5 when it is not a number). */
function tickCount(count: number): number {
  return Number.isFinite(count) ? Math.min(Math.max(Math.round(count), 2), MAX_TICKS) : 5;
}

/** round(k * step) for k from `first` on while it stays <= `last` (at most MAX_TICKS + 1), without repeats. */
function stepsBetween(first: number, last: number, step: number): number[] {
  const out: number[] = [];
  for (let i = 0; i <= MAX_TICKS && first + i <= last; i++) {
    const t = ROUND((first + i) * step);
    if (Number.isFinite(t) && t !== out[out.length - 1]) out.push(t);
  }
  return out;
}

/** How many multiples of `step` lie in [lo, hi], with a little slack for float error at the ends. */
const multiplesWithin = (lo: number, hi: number, step: number) =>
  Math.floor(hi / step + 1e-9) - Math.ceil(lo / step - 1e-9) + 1;

/** The round step whose tick count over [lo, hi] (not flat, finite) comes closest to `count` (ties: the larger). */
function niceStep(lo: number, hi: number, count: number, integer: boolean): number {
  // Divided before subtracting: hi - lo overflows to Infinity for -1e308..1e308.
  const raw = Math.min(hi / (count - 1) - lo / (count - 1), Number.MAX_VALUE);
  // 10 ** -324 is 0: the smallest step is the smallest number.
  const power = Math.max(10 ** Math.floor(Math.log10(raw)), Number.MIN_VALUE);
  const candidates = [10, 5, 2, 1]
    .map((m) => m * power)
    .map((step) => (integer ? Math.max(1, Math.round(step)) : step))
    .filter((step) => Number.isFinite(step) && step > 0);
  let best = candidates[0] ?? raw;
  for (const c of candidates)
    if (Math.abs(multiplesWithin(lo, hi, c) - count) < Math.abs(multiplesWithin(lo, hi, best) - count)) best = c;
  return best;
}

/**
 * About `count` round tick values covering [lo, hi]; integers only when `integer` (epochs). Empty
 * for a non-finite end; one tick for a flat range; never more than MAX_TICKS + 1.
 */
export function niceTicks(lo: number, hi: number, count = 5, integer = false): number[] {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [];
  if (isFlatRange(lo, hi)) return [ROUND(lo)];
  const step = niceStep(lo, hi, tickCount(count), integer);
  return stepsBetween(Math.ceil(lo / step - 1e-9), Math.floor(hi / step + 1e-9), step);
}

/**
 * A linear axis rounded out to round ticks that cover [lo, hi]. A flat range (a constant metric)
 * is widened by 10% of its value, or by 1 around zero, so it is drawn as a level line with
 * readable ticks. Null when an end is not a finite number.
 */
export function niceAxis(lo: number, hi: number, count = 5): { domain: [number, number]; ticks: number[] } | null {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return null;
  let [from, to] = lo <= hi ? [lo, hi] : [hi, lo];
  if (isFlatRange(from, to)) {
    const mid = from / 2 + to / 2;
    const pad = Math.abs(mid) * 0.1 || 1;
    [from, to] = [Math.max(mid - pad, -Number.MAX_VALUE), Math.min(mid + pad, Number.MAX_VALUE)];
  }
  const step = niceStep(from, to, tickCount(count), false);
  const ticks = stepsBetween(Math.floor(from / step + 1e-9), Math.ceil(to / step - 1e-9), step);
  // The round ends, unless a tick past the end overflowed (or float error put one inside by more
  // than a hair): then the range's own end.
  const slack = step * 1e-6;
  const start = ticks.length > 0 && ticks[0] <= from + slack ? ticks[0] : from;
  const end = ticks.length > 0 && ticks[ticks.length - 1] >= to - slack ? ticks[ticks.length - 1] : to;
  return { domain: [start, end], ticks };
}

/**
 * The smallest and largest finite values, null for none: a loop, because Math.min(...values)
 * overflows the call stack on a long array and is NaN when one value is.
 */
export function finiteExtent(...columns: readonly ArrayLike<number>[]): [number, number] | null {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const values of columns)
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (!Number.isFinite(v)) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  return lo <= hi ? [lo, hi] : null;
}
