import { memo } from "react";
import {
  CartesianGrid,
  ReferenceLine,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
  ZAxis,
} from "recharts";
import { SERIES_COLORS } from "./palette";
import { niceAxis } from "./series";
import { TOOLTIP_STYLE } from "./tooltip-style";

/**
 * A scatter of (x, y) pairs with a reference line: y = x for predicted against actual (points on
 * it are exact), y = 0 for residuals (a pattern around it means the model misses a trend).
 */
export const ScatterPlot = memo(function ScatterPlot({
  title,
  x,
  y,
  xLabel,
  yLabel,
  reference,
  height = 260,
}: {
  title: string;
  x: readonly number[];
  y: readonly number[];
  xLabel: string;
  yLabel: string;
  reference: "identity" | "zero";
  height?: number;
}) {
  const data = x.map((v, i) => ({ x: v, y: y[i] }));
  const all = [...x, ...(reference === "identity" ? y : [])];
  const lo = Math.min(...all);
  const hi = Math.max(...all);
  // Predicted and actual share one scale, so the y = x line is the diagonal.
  const xAxis = Number.isFinite(lo) ? niceAxis(lo, hi) : null;
  const yAxis = reference === "identity" ? xAxis : y.length ? niceAxis(Math.min(...y), Math.max(...y)) : null;
  return (
    <figure className="metric-chart" aria-label={`${title} chart`}>
      <figcaption>
        <strong>{title}</strong>
        <span className="muted axis-names">
          {yLabel} vs {xLabel}
        </span>
        <span className="muted">{x.length} points</span>
      </figcaption>
      <ResponsiveContainer width="100%" height={height}>
        <ScatterChart margin={{ top: 6, right: 14, bottom: 2, left: 0 }}>
          <CartesianGrid className="chart-grid" />
          <XAxis
            dataKey="x"
            type="number"
            domain={xAxis?.domain ?? ["auto", "auto"]}
            ticks={xAxis?.ticks}
            name={xLabel}
            className="chart-axis"
            tickFormatter={tick}
            height={24}
          />
          <YAxis
            dataKey="y"
            type="number"
            domain={yAxis?.domain ?? ["auto", "auto"]}
            ticks={yAxis?.ticks}
            name={yLabel}
            className="chart-axis"
            width={54}
            tickFormatter={tick}
          />
          {reference === "identity" && Number.isFinite(lo) && (
            <ReferenceLine
              segment={[
                { x: lo, y: lo },
                { x: hi, y: hi },
              ]}
              stroke="#9aa1b1"
              strokeDasharray="4 4"
            />
          )}
          {reference === "zero" && <ReferenceLine y={0} stroke="#9aa1b1" strokeDasharray="4 4" />}
          <Tooltip
            isAnimationActive={false}
            formatter={(v) => (typeof v === "number" ? v.toPrecision(4) : String(v))}
            contentStyle={TOOLTIP_STYLE}
          />
          <ZAxis range={[18, 18]} />
          <Scatter data={data} fill={SERIES_COLORS[0]} fillOpacity={0.6} isAnimationActive={false} shape="circle" />
        </ScatterChart>
      </ResponsiveContainer>
    </figure>
  );
});

function tick(v: number): string {
  return Number.isFinite(v) ? String(Number(v.toPrecision(3))) : "";
}
