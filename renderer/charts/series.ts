import { decimateIndices } from "../../shared/evaluation/decimate";
import { emaSmooth } from "./smoothing";

/** One curve to draw: parallel x and y arrays (appendable; read, never changed here). */
export interface PlotSeries {
  /** Unique among the chart's series; becomes the column name of the rows. */
  id: string;
  label: string;
  color: string;
  x: ArrayLike<number>;
  y: ArrayLike<number | null>;
  /** Drawn dashed (validation curves). */
  dashed?: boolean;
  /** Drawn thin and faint even without smoothing (per-batch noise under per-epoch lines). */
  faint?: boolean;
  /** Drawn under the others (overlaid runs stay behind the current one). */
  background?: boolean;
}

/** A line as recharts draws it: a column of the rows. */
export interface PlotLine {
  key: string;
  label: string;
  color: string;
  dashed: boolean;
  /** The faint raw line under a smoothed one. */
  raw: boolean;
  faint: boolean;
  background: boolean;
}

export interface PlotRow {
  x: number;
  [key: string]: number | null;
}

export interface PlotOptions {
  /** Points kept per series (M4 decimation keeps spikes and ends). */
  maxPoints: number;
  /** EMA weight in [0, 1); 0 draws the raw values only. */
  smoothing: number;
  /** Log scale: values <= 0 cannot be drawn and become gaps. */
  log: boolean;
}

export interface Plot {
  rows: PlotRow[];
  lines: PlotLine[];
  /** The y range of what is drawn, null when nothing is. */
  domain: [number, number] | null;
}

/**
 * Turns curves into recharts rows: each series is smoothed over its whole length (smoothing a
 * decimated copy would give a different line), decimated, and merged with the others on x, so
 * runs and per-batch / per-epoch series with different x values share one chart. When smoothing is
 * on, the raw values stay drawn as a faint line under the smoothed one (TensorBoard does the same).
 */
export function buildPlot(series: readonly PlotSeries[], opts: PlotOptions): Plot {
  const rows = new Map<number, PlotRow>();
  const lines: PlotLine[] = [];
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  const put = (x: number, key: string, v: number | null) => {
    let row = rows.get(x);
    if (!row) {
      row = { x };
      rows.set(x, row);
    }
    row[key] = v;
    if (v !== null) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  };
  const drawable = (v: number | null | undefined): number | null =>
    typeof v === "number" && Number.isFinite(v) && (!opts.log || v > 0) ? v : null;

  for (const s of series) {
    const n = Math.min(s.x.length, s.y.length);
    if (n === 0) continue;
    const y = n === s.y.length ? s.y : Array.prototype.slice.call(s.y, 0, n);
    const keep = decimateIndices(y, opts.maxPoints);
    const smooth = opts.smoothing > 0 ? emaSmooth(y, opts.smoothing) : null;
    const rawKey = `${s.id}:raw`;
    lines.push({
      key: rawKey,
      label: s.label,
      color: s.color,
      dashed: Boolean(s.dashed),
      raw: smooth !== null,
      faint: Boolean(s.faint),
      background: Boolean(s.background),
    });
    if (smooth) {
      lines.push({
        key: `${s.id}:smooth`,
        label: `${s.label} (smoothed)`,
        color: s.color,
        dashed: Boolean(s.dashed),
        raw: false,
        faint: false,
        background: Boolean(s.background),
      });
    }
    for (const i of keep) {
      put(s.x[i], rawKey, drawable(y[i]));
      if (smooth) put(s.x[i], `${s.id}:smooth`, drawable(smooth[i]));
    }
  }
  const sorted = [...rows.values()].sort((a, b) => a.x - b.x);
  return { rows: sorted, lines, domain: lo <= hi ? [lo, hi] : null };
}

/** Total points across series (what the chart holds before decimation). */
export function pointCount(series: readonly Pick<PlotSeries, "y">[]): number {
  let n = 0;
  for (const s of series) n += s.y.length;
  return n;
}

/** A y domain with a little air; log scales pad by a factor, linear ones by a fraction. */
export function paddedDomain(domain: [number, number] | null, log: boolean): [number, number] | undefined {
  if (!domain) return undefined;
  const [lo, hi] = domain;
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return undefined;
  // Clamped: 1e308 padded is Infinity, which no scale can draw.
  const clamp = (v: number) => Math.min(Math.max(v, -Number.MAX_VALUE), Number.MAX_VALUE);
  if (log) return [lo / 1.25, clamp(hi * 1.25)];
  const pad = hi === lo ? Math.abs(hi) * 0.1 || 1 : hi / 20 - lo / 20;
  return [clamp(lo - pad), clamp(hi + pad)];
}
