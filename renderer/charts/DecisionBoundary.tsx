import { memo, useEffect, useRef } from "react";
import type { LiveBoundary } from "../../shared/api/schemas/boundary";
import type { DecisionBoundary as Boundary } from "../../shared/evaluation/report";
import { clipLine, toPixel, valueColor } from "./boundary-geometry";
import { SERIES_COLORS } from "./palette";

/** What the live boundary adds: validation points (drawn as rings) and a Perceptron's line. */
type Extras = Partial<Pick<LiveBoundary, "validation" | "line">>;

const SIZE = 300;

/**
 * The model's answer over the plane of a two-feature input: each grid cell coloured by its
 * predicted class (stronger where the model is surer) or value, and the evaluated samples on top,
 * coloured by their true class, so misclassified points sit on the wrong colour. While training,
 * validation points are drawn as rings and a Perceptron's line in black; `title` names the epoch.
 */
export const DecisionBoundary = memo(function DecisionBoundary({
  boundary,
  classNames,
  title = "Decision boundary",
}: {
  boundary: Boundary & Extras;
  classNames: readonly string[] | null;
  title?: string;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = canvas.current?.getContext("2d");
    if (ctx) draw(ctx, boundary);
  }, [boundary]);
  const [ax, ay] = boundary.axes;
  return (
    <figure className="metric-chart boundary" aria-label="Decision boundary chart">
      <figcaption>
        <strong>{title}</strong>
        {boundary.kind === "class" && classNames && (
          <ul className="chart-legend">
            {classNames.map((n, i) => (
              <li key={n}>
                <span className="swatch dot" style={{ borderColor: SERIES_COLORS[i % SERIES_COLORS.length] }} />
                {n}
              </li>
            ))}
          </ul>
        )}
      </figcaption>
      <div className="boundary-plot">
        <span className="axis-y">{ay}</span>
        <canvas ref={canvas} width={SIZE} height={SIZE} role="img" aria-label={`Predictions over ${ax} and ${ay}`} />
        <span className="axis-x">
          {ax}: {fmt(boundary.x.min)} to {fmt(boundary.x.max)}; {ay}: {fmt(boundary.y.min)} to {fmt(boundary.y.max)}
        </span>
      </div>
    </figure>
  );
});

function fmt(v: number): string {
  return String(Number(v.toPrecision(3)));
}

function draw(ctx: CanvasRenderingContext2D, b: Boundary & Extras): void {
  const n = b.resolution;
  const cell = SIZE / n;
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  if (b.kind === "value") {
    for (const v of b.values) {
      if (!Number.isFinite(v)) continue;
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
  }
  ctx.clearRect(0, 0, SIZE, SIZE);
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      const i = r * n + c;
      const v = b.values[i];
      if (b.kind === "class") {
        ctx.fillStyle = SERIES_COLORS[v % SERIES_COLORS.length];
        ctx.globalAlpha = 0.15 + 0.45 * (b.confidence?.[i] ?? 1);
      } else {
        ctx.fillStyle = valueColor(v, lo, hi);
        ctx.globalAlpha = 0.55;
      }
      // Row 0 is y.min: drawn at the bottom, as a plot's y axis grows upwards.
      ctx.fillRect(c * cell, SIZE - (r + 1) * cell, Math.ceil(cell), Math.ceil(cell));
    }
  }
  ctx.globalAlpha = 1;
  const sx = (x: number) => toPixel(x, b.x, SIZE);
  const sy = (y: number) => SIZE - toPixel(y, b.y, SIZE);
  const colour = (t: number) => (b.kind === "class" ? SERIES_COLORS[Math.round(t) % SERIES_COLORS.length] : "#333");
  const segment = b.line ? clipLine(b.line, b) : null;
  if (segment) {
    ctx.beginPath();
    ctx.moveTo(sx(segment[0][0]), sy(segment[0][1]));
    ctx.lineTo(sx(segment[1][0]), sy(segment[1][1]));
    ctx.lineWidth = 2;
    ctx.strokeStyle = "#111";
    ctx.stroke();
  }
  for (let i = 0; i < b.points.x.length; i++) {
    ctx.beginPath();
    ctx.arc(sx(b.points.x[i]), sy(b.points.y[i]), 3.5, 0, 2 * Math.PI);
    ctx.fillStyle = colour(b.points.target[i]);
    ctx.fill();
    ctx.lineWidth = 1.2;
    ctx.strokeStyle = "#ffffff";
    ctx.stroke();
  }
  // Validation points: rings in their class colour, so they read apart from the training points.
  const v = b.validation;
  for (let i = 0; v && i < v.x.length; i++) {
    ctx.beginPath();
    ctx.arc(sx(v.x[i]), sy(v.y[i]), 3.5, 0, 2 * Math.PI);
    ctx.fillStyle = "#ffffff";
    ctx.fill();
    ctx.lineWidth = 2;
    ctx.strokeStyle = colour(v.target[i]);
    ctx.stroke();
  }
}
