/**
 * Indices of at most `maxPoints` samples of a long series that a line chart draws the same:
 * M4 aggregation (Jugel et al., VLDB 2014) keeps, in each of maxPoints/4 equal index buckets, the
 * first, last, lowest and highest point, so spikes, minima and the ends survive. Non-finite values
 * (gaps, null) are kept only as a bucket's first or last point. A short series is returned whole.
 */
export function decimateIndices(values: ArrayLike<number | null>, maxPoints: number): number[] {
  const n = values.length;
  if (!(maxPoints >= 4)) throw new RangeError(`maxPoints must be at least 4; received ${maxPoints}`);
  if (n <= maxPoints) return Array.from({ length: n }, (_, i) => i);
  const buckets = Math.floor(maxPoints / 4);
  const out: number[] = [];
  for (let b = 0; b < buckets; b++) {
    const start = Math.floor((b * n) / buckets);
    const end = Math.floor(((b + 1) * n) / buckets);
    let lo = -1;
    let hi = -1;
    for (let i = start; i < end; i++) {
      const v = values[i];
      if (typeof v !== "number" || !Number.isFinite(v)) continue;
      if (lo < 0 || v < (values[lo] as number)) lo = i;
      if (hi < 0 || v > (values[hi] as number)) hi = i;
    }
    const keep = [start, end - 1, lo, hi].filter((i) => i >= 0);
    out.push(...new Set(keep.sort((a, b) => a - b)));
  }
  return out;
}

/** The items at decimateIndices of their values: a plot-sized copy of a long history. */
export function decimate<T>(items: readonly T[], value: (item: T) => number | null, maxPoints: number): T[] {
  return decimateIndices(items.map(value), maxPoints).map((i) => items[i]);
}

/** Parallel arrays (a curve's x, y and thresholds) cut down to the indices chosen on `by`. */
export function decimateColumns<C extends Record<string, readonly number[]>>(
  columns: C,
  by: keyof C,
  maxPoints: number,
): { [K in keyof C]: number[] } {
  const keep = decimateIndices(columns[by], maxPoints);
  const out = {} as { [K in keyof C]: number[] };
  for (const key of Object.keys(columns) as (keyof C)[]) {
    const column = columns[key];
    out[key] = keep.filter((i) => i < column.length).map((i) => column[i]);
  }
  return out;
}
