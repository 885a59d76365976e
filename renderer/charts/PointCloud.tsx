import { memo } from "react";
import { SERIES_COLORS } from "./palette";

export interface PointSet {
  label: string;
  /** Flat x0, y0, x1, y1, ... */
  xy: readonly number[];
}

/** The x and y range covering every set, a little padded, so several clouds share one scale. */
export function cloudBounds(sets: readonly PointSet[]): { x: [number, number]; y: [number, number] } {
  let x0 = Number.POSITIVE_INFINITY;
  let x1 = Number.NEGATIVE_INFINITY;
  let y0 = Number.POSITIVE_INFINITY;
  let y1 = Number.NEGATIVE_INFINITY;
  for (const s of sets) {
    for (let i = 0; i + 1 < s.xy.length; i += 2) {
      x0 = Math.min(x0, s.xy[i]);
      x1 = Math.max(x1, s.xy[i]);
      y0 = Math.min(y0, s.xy[i + 1]);
      y1 = Math.max(y1, s.xy[i + 1]);
    }
  }
  if (!(x1 >= x0)) return { x: [-1, 1], y: [-1, 1] };
  const px = (x1 - x0) * 0.08 || 1;
  const py = (y1 - y0) * 0.08 || 1;
  return { x: [x0 - px, x1 + px], y: [y0 - py, y1 + py] };
}

/**
 * Two-dimensional samples (a GAN on points, a 2-feature autoencoder) as a small SVG scatter:
 * lighter and faster than a full chart, so a row of them (one per epoch) stays cheap.
 */
export const PointCloud = memo(function PointCloud({
  sets,
  bounds,
  size = 160,
  label,
}: {
  sets: readonly PointSet[];
  bounds: { x: [number, number]; y: [number, number] };
  size?: number;
  label: string;
}) {
  const sx = (v: number) => ((v - bounds.x[0]) / (bounds.x[1] - bounds.x[0])) * size;
  const sy = (v: number) => size - ((v - bounds.y[0]) / (bounds.y[1] - bounds.y[0])) * size;
  return (
    <svg
      className="point-cloud"
      width={size}
      height={size}
      viewBox={`0 0 ${size} ${size}`}
      role="img"
      aria-label={label}
    >
      <rect x={0.5} y={0.5} width={size - 1} height={size - 1} className="frame" />
      {sets.map((s, k) => (
        <g key={s.label} fill={SERIES_COLORS[k % SERIES_COLORS.length]} fillOpacity={0.7}>
          {Array.from({ length: Math.floor(s.xy.length / 2) }, (_, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: points are positions in a fixed sample
            <circle key={i} cx={sx(s.xy[2 * i])} cy={sy(s.xy[2 * i + 1])} r={size > 100 ? 2.6 : 1.8} />
          ))}
        </g>
      ))}
    </svg>
  );
});
