import type { Histogram } from "../../shared/training/telemetry";

/**
 * TensorBoard's "histograms" view as SVG paths: one ridge per record, oldest at the back (top),
 * newest at the front (bottom), all on one x axis spanning every record's range, each ridge's
 * height scaled to its own tallest bin so that a narrowing distribution stays readable.
 */
export interface Ridge {
  /** Closed outline (for the fill) of the ridge. */
  path: string;
  /** Baseline y of the ridge. */
  base: number;
}

export interface RidgePlot {
  ridges: Ridge[];
  min: number;
  max: number;
}

export function ridgePaths(
  histograms: (Histogram | null)[],
  size: { width: number; height: number; ridgeHeight: number },
): RidgePlot | null {
  const shown = histograms.filter((h): h is Histogram => h !== null);
  if (shown.length === 0) return null;
  let min = Math.min(...shown.map((h) => h.min));
  let max = Math.max(...shown.map((h) => h.max));
  if (!(max > min)) {
    min -= 0.5;
    max += 0.5;
  }
  const x = (v: number) => ((v - min) / (max - min)) * size.width;
  const step = shown.length > 1 ? (size.height - size.ridgeHeight) / (shown.length - 1) : 0;
  const ridges = shown.map((h, i) => {
    const base = size.ridgeHeight + i * step;
    const tallest = Math.max(1, ...h.counts);
    const width = (h.max - h.min) / h.counts.length;
    const points = h.counts.map(
      (c, k) => `${x(h.min + (k + 0.5) * width).toFixed(1)},${(base - (c / tallest) * size.ridgeHeight).toFixed(1)}`,
    );
    const path = `M${x(h.min).toFixed(1)},${base.toFixed(1)}L${points.join("L")}L${x(h.max).toFixed(1)},${base.toFixed(1)}Z`;
    return { path, base };
  });
  return { ridges, min, max };
}
