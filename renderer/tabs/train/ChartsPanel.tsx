import { useId, useMemo, useState } from "react";
import { downloadText } from "../../charts/download";
import { type ChartOptions, MetricChart } from "../../charts/MetricChart";
import { useEditor } from "../../state/editor-context";
import { shallow } from "../../state/hooks";
import type { RunView } from "../../state/training-store";
import { projectRef, toast } from "../../state/ui-store";
import { messageOf } from "../common/errors";
import { useTabsSession, useTraining } from "../common/session";
import { metricNames, metricSeries, revisionKey } from "./run-series";

/**
 * The live curves: one chart per metric (loss first), training and validation, the current run
 * and any overlaid runs; a toolbar for per-batch points, log scale and smoothing, and the run's
 * curves as CSV. Chart PNGs are saved from each chart's own button.
 */
export function ChartsPanel() {
  const editor = useEditor();
  const session = useTabsSession();
  const current = useTraining((s) => (s.current ? s.runs[s.current] : undefined));
  const overlays = useTraining(
    (s) => s.overlay.map((id) => s.runs[id]).filter((r): r is RunView => Boolean(r)),
    shallow,
  );
  const [perBatch, setPerBatch] = useState(true);
  const [log, setLog] = useState(false);
  const [smoothing, setSmoothing] = useState(0.6);
  const options = useMemo<ChartOptions>(() => ({ log, smoothing }), [log, smoothing]);
  const ids = { batch: useId(), log: useId(), smooth: useId() };

  const runs = useMemo(() => (current ? [current, ...overlays] : overlays), [current, overlays]);
  const key = revisionKey(runs);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the curves grow in place; key says when
  const names = useMemo(() => metricNames(runs), [key]);

  const exportCsv = async () => {
    if (!current || !session.client) return;
    try {
      const { fileName, csv } = await session.client.call("runs.metricsCsv", {
        ...projectRef(editor.ui),
        runId: current.runId,
      });
      downloadText(fileName, csv);
    } catch (error) {
      toast(editor.ui, "error", `Could not export the curves: ${messageOf(error)}`);
    }
  };

  return (
    <section className="card charts-card" aria-label="Training curves">
      <div className="chart-toolbar" role="toolbar" aria-label="Chart options">
        <label htmlFor={ids.batch} className="check">
          <input
            id={ids.batch}
            type="checkbox"
            checked={perBatch}
            onChange={(e) => setPerBatch(e.currentTarget.checked)}
          />
          Per batch
        </label>
        <label htmlFor={ids.log} className="check">
          <input id={ids.log} type="checkbox" checked={log} onChange={(e) => setLog(e.currentTarget.checked)} />
          Log scale
        </label>
        <label htmlFor={ids.smooth} className="slider">
          Smoothing
          <input
            id={ids.smooth}
            type="range"
            min={0}
            max={0.99}
            step={0.01}
            value={smoothing}
            onChange={(e) => setSmoothing(Number(e.currentTarget.value))}
          />
          <span className="mono">{smoothing.toFixed(2)}</span>
        </label>
        <span className="spacer" />
        <button type="button" className="button small" disabled={!current || !session.client} onClick={exportCsv}>
          Export CSV
        </button>
      </div>
      {names.length === 0 ? (
        <p className="chart-empty big">Curves appear here as soon as a run reports its first batch.</p>
      ) : (
        <div className="chart-grid-layout">
          {names.map((m) => (
            <MetricChart
              key={m}
              title={m === "loss" ? "Loss" : m.charAt(0).toUpperCase() + m.slice(1)}
              series={metricSeries(m, current, overlays, perBatch)}
              revision={`${key}|${perBatch}`}
              options={options}
            />
          ))}
        </div>
      )}
    </section>
  );
}
