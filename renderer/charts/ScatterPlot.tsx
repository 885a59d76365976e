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
import { finiteExtent, niceAxis } from "./ticks";
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
  // Predicted and actual share one scale, so the y = x line is the diagonal.
  const xRange = reference === "identity" ? finiteExtent(x, y) : finiteExtent(x);
  const yRange = reference === "identity" ? xRange : finiteExtent(y);
  const xAxis = xRange && niceAxis(xRange[0], xRange[1]);
  const yAxis = yRange && niceAxis(yRange[0], yRange[1]);
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
          {reference === "identity" && xRange && (
            <ReferenceLine
              segment={[
                { x: xRange[0], y: xRange[0] },
                { x: xRange[1], y: xRange[1] },
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
