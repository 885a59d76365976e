import { memo, useMemo, useRef } from "react";
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { downloadBlob } from "../files/local-files";
import { safeFileName } from "./download";
import { svgToPng, themeColors } from "./export-png";
import { formatTick, formatValue } from "./format";
import { buildPlot, type PlotLine, type PlotSeries, paddedDomain, pointCount } from "./series";
import { niceAxis, niceTicks } from "./ticks";

export interface ChartOptions {
  log: boolean;
  /** EMA weight in [0, 1). */
  smoothing: number;
}

/** Points drawn per series; M4 decimation keeps what a few hundred pixels can show. */
const MAX_POINTS = 600;

// The runs list and the progress panel format values as the charts do.
export { formatValue };

/**
 * One metric over training: several series (train and validation, per batch and per epoch, other
 * runs), an optional log scale, TensorBoard-style smoothing with the raw line kept faint, and hover
 * values. Series arrays grow in place; `revision` says when, so the plot is rebuilt only then.
 */
export const MetricChart = memo(function MetricChart({
  title,
  series,
  revision,
  options,
  height = 220,
  xLabel = "epoch",
}: {
  title: string;
  series: readonly PlotSeries[];
  revision: number | string;
  options: ChartOptions;
  height?: number;
  xLabel?: string;
}) {
  const figure = useRef<HTMLElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the arrays grow in place; revision says when
  const plot = useMemo(() => buildPlot(series, { maxPoints: MAX_POINTS, ...options }), [series, revision, options]);
  const points = pointCount(series);
  const first = plot.rows[0]?.x ?? 0;
  const last = plot.rows[plot.rows.length - 1]?.x ?? 0;
  const xTicks = niceTicks(first, last, 6, Number.isInteger(first) && Number.isInteger(last));
  const yAxis = plot.domain ? niceAxis(plot.domain[0], plot.domain[1], 5) : null;
  const yStep = yAxis && yAxis.ticks.length > 1 ? yAxis.ticks[1] - yAxis.ticks[0] : undefined;
  // Wide enough for the longest label: a loss that barely moves needs more digits (0.7148088).
  const yLabelChars = Math.max(0, ...(options.log ? [] : (yAxis?.ticks ?? [])).map((t) => formatTick(t, yStep).length));
  const yWidth = Math.max(54, 14 + 8 * yLabelChars);
  const drawn = useMemo(() => {
    const n = new Map<string, number>();
    for (const row of plot.rows)
      for (const l of plot.lines) if (typeof row[l.key] === "number") n.set(l.key, (n.get(l.key) ?? 0) + 1);
    return n;
  }, [plot]);
  const legend = plot.lines.filter((l) => !l.raw);
  const latest = latestValue(series.find((s) => !s.faint) ?? series[0]);

  const savePng = async () => {
    const svg = figure.current?.querySelector("svg.recharts-surface");
    if (!(svg instanceof SVGSVGElement) || !figure.current) return;
    const blob = await svgToPng(svg, { title, ...themeColors(figure.current) });
    downloadBlob(`${safeFileName(title)}.png`, blob);
  };

  return (
    <figure className="metric-chart" ref={figure} aria-label={`${title} chart`} data-points={points}>
      <figcaption>
        <strong>{title}</strong>
        {latest !== null && <span className="mono muted">{formatValue(latest)}</span>}
        <ul className="chart-legend">
          {legend.map((l) => (
            <li key={l.key}>
              <span className={`swatch${l.dashed ? " dashed" : ""}`} style={{ borderColor: l.color }} />
              {l.label.replace(" (smoothed)", "")}
            </li>
          ))}
        </ul>
        <button
          type="button"
          className="button small ghost"
          onClick={savePng}
          aria-label={`Save ${title} chart as PNG`}
        >
          PNG
        </button>
      </figcaption>
      {plot.rows.length === 0 ? (
        <div className="chart-empty" style={{ height }}>
          No points yet
        </div>
      ) : (
        <ResponsiveContainer width="100%" height={height}>
          <LineChart data={plot.rows} margin={{ top: 6, right: 14, bottom: 2, left: 0 }}>
            <CartesianGrid className="chart-grid" vertical={false} />
            <XAxis
              dataKey="x"
              type="number"
              domain={["dataMin", "dataMax"]}
              ticks={xTicks}
              // recharts passes the tick index second: not a step.
              tickFormatter={(v: number) => formatTick(v)}
              allowDecimals={false}
              className="chart-axis"
              height={24}
            />
            <YAxis
              type="number"
              scale={options.log ? "log" : "linear"}
              // Linear axes get recharts' nice ticks; a log axis needs the positive range it draws.
              domain={
                options.log
                  ? (paddedDomain(plot.domain, true) ?? ["auto", "auto"])
                  : (yAxis?.domain ?? ["auto", "auto"])
              }
              ticks={options.log ? undefined : yAxis?.ticks}
              allowDataOverflow
              tickFormatter={(v: number) => formatTick(v, options.log ? undefined : yStep)}
              className="chart-axis"
              width={yWidth}
            />
            <Tooltip content={<ValuesTooltip lines={plot.lines} xLabel={xLabel} />} isAnimationActive={false} />
            {drawOrder(plot.lines).map((l) => (
              <Line
                key={l.key}
                dataKey={l.key}
                name={l.label}
                stroke={l.color}
                strokeWidth={l.raw || l.faint ? 1 : 1.8}
                strokeOpacity={l.raw ? 0.28 : l.faint ? 0.45 : 1}
                strokeDasharray={l.dashed ? "5 3" : undefined}
                // A curve of one or two points is invisible as a line: draw its points.
                dot={(drawn.get(l.key) ?? 0) < 3 ? { r: 2.5 } : false}
                activeDot={l.raw ? false : { r: 3 }}
                connectNulls
                isAnimationActive={false}
                // recharts layers by zIndex, not by the order lines were added: other runs go under.
                zIndex={l.background ? 390 : l.raw || l.faint ? 400 : 410}
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      )}
    </figure>
  );
});

/** Overlaid runs first, so the current run is drawn on top of them. */
function drawOrder(lines: readonly PlotLine[]): PlotLine[] {
  return [...lines.filter((l) => l.background), ...lines.filter((l) => !l.background)];
}

function latestValue(s: PlotSeries | undefined): number | null {
  if (!s) return null;
  for (let i = s.y.length - 1; i >= 0; i--) {
    const v = s.y[i];
    if (typeof v === "number" && Number.isFinite(v)) return v;
  }
  return null;
}

interface TooltipProps {
  active?: boolean;
  label?: number | string;
  payload?: { dataKey?: unknown; value?: unknown }[];
}

/** Hover values: every drawn series at the hovered x, smoothed next to raw. */
function ValuesTooltip({
  active,
  label,
  payload,
  lines,
  xLabel,
}: TooltipProps & { lines: PlotLine[]; xLabel: string }) {
  if (!active || !payload?.length) return null;
  const byKey = new Map(payload.map((p) => [String(p.dataKey), p.value]));
  const shown = lines.filter((l) => !l.raw && typeof byKey.get(l.key) === "number");
  return (
    <div className="chart-tooltip">
      <div className="muted">
        {xLabel} {typeof label === "number" ? Number(label.toFixed(3)) : label}
      </div>
      {shown.map((l) => {
        const raw = l.key.endsWith(":smooth") ? byKey.get(l.key.replace(":smooth", ":raw")) : undefined;
        return (
          <div key={l.key} className="tooltip-row">
            <span className="swatch" style={{ borderColor: l.color }} />
            <span>{l.label.replace(" (smoothed)", "")}</span>
            <span className="mono">
              {formatValue(byKey.get(l.key) as number)}
              {typeof raw === "number" && <span className="muted"> raw {formatValue(raw)}</span>}
            </span>
          </div>
        );
      })}
    </div>
  );
}
