import { memo } from "react";
import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { colorAt } from "./palette";
import { TOOLTIP_STYLE } from "./tooltip-style";

export interface Curve {
  label: string;
  x: readonly number[];
  y: readonly number[];
}

/**
 * ROC or precision-recall curves on the unit square: one line per class (one-vs-rest) or one for a
 * binary model, each with its own points (ROC curves have vertical steps, so they cannot share an
 * x column); a dashed chance line for ROC.
 */
export const CurveChart = memo(function CurveChart({
  title,
  curves,
  xLabel,
  yLabel,
  diagonal,
  height = 240,
}: {
  title: string;
  curves: readonly Curve[];
  xLabel: string;
  yLabel: string;
  diagonal?: boolean;
  height?: number;
}) {
  return (
    <figure className="metric-chart" aria-label={`${title} chart`}>
      <figcaption>
        <strong>{title}</strong>
        <span className="muted axis-names">
          {yLabel} vs {xLabel}
        </span>
        <ul className="chart-legend">
          {curves.map((c, i) => (
            <li key={c.label}>
              <span className="swatch" style={{ borderColor: colorAt(i) }} />
              {c.label}
            </li>
          ))}
        </ul>
      </figcaption>
      <ResponsiveContainer width="100%" height={height}>
        <LineChart margin={{ top: 6, right: 14, bottom: 2, left: 0 }}>
          <CartesianGrid className="chart-grid" />
          <XAxis
            dataKey="x"
            type="number"
            domain={[0, 1]}
            ticks={[0, 0.25, 0.5, 0.75, 1]}
            className="chart-axis"
            height={24}
          />
          <YAxis type="number" domain={[0, 1]} ticks={[0, 0.25, 0.5, 0.75, 1]} className="chart-axis" width={40} />
          {diagonal && (
            <ReferenceLine
              segment={[
                { x: 0, y: 0 },
                { x: 1, y: 1 },
              ]}
              stroke="#9aa1b1"
              strokeDasharray="4 4"
            />
          )}
          <Tooltip
            isAnimationActive={false}
            formatter={(v) => (typeof v === "number" ? v.toFixed(3) : String(v))}
            labelFormatter={(l) => `${xLabel} ${typeof l === "number" ? l.toFixed(3) : l}`}
            contentStyle={TOOLTIP_STYLE}
          />
          {curves.map((c, i) => (
            <Line
              key={c.label}
              data={c.x.map((x, k) => ({ x, y: c.y[k] }))}
              dataKey="y"
              name={c.label}
              stroke={colorAt(i)}
              strokeWidth={1.8}
              dot={false}
              type="linear"
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
});
