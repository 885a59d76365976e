import { colorAt } from "../../charts/palette";
import type { PlotSeries } from "../../charts/series";
import type { RunView } from "../../state/training-store";

/** A lighter tint of the training colour: per-batch noise reads as the same curve's detail. */
const PER_BATCH = "#a0cbe8";

/** Metric names to chart, loss first, each once (val_accuracy is drawn with accuracy). */
export function metricNames(runs: readonly RunView[]): string[] {
  const names = new Set<string>();
  for (const r of runs) for (const key of Object.keys(r.curves.epoch)) names.add(key.replace(/^val_/, ""));
  if (runs.some((r) => r.curves.batch.x.length > 0)) names.add("loss");
  return [...names].sort((a, b) => (a === "loss" ? -1 : b === "loss" ? 1 : a.localeCompare(b)));
}

/** A short run name for legends: the start time and suffix of the id. */
export function runLabel(r: Pick<RunView, "runId">): string {
  const m = /T(\d\d)-(\d\d)-(\d\d)-([0-9a-f]+)$/.exec(r.runId);
  return m ? `${m[1]}:${m[2]}:${m[3]} ${m[4].slice(0, 4)}` : r.runId.slice(-12);
}

/**
 * The series of one metric chart: the current run's training and validation curves per epoch
 * (and its per-batch training loss, faint, when asked), then each overlaid run's, in its own colour,
 * validation dashed.
 */
export function metricSeries(
  metric: string,
  current: RunView | undefined,
  overlays: readonly RunView[],
  perBatch: boolean,
): PlotSeries[] {
  const out: PlotSeries[] = [];
  if (current) {
    if (perBatch && metric === "loss" && current.curves.batch.x.length > 0) {
      out.push({
        id: `${current.runId}:batch`,
        label: "train (per batch)",
        color: PER_BATCH,
        ...current.curves.batch,
        faint: true,
      });
    }
    pushEpochs(out, current, metric, colorAt(0), colorAt(1), "train", "validation");
  }
  overlays.forEach((r, i) => {
    const color = colorAt(i + 2);
    const name = runLabel(r);
    pushEpochs(out, r, metric, color, color, `${name} train`, `${name} val`, true);
  });
  return out;
}

function pushEpochs(
  out: PlotSeries[],
  r: RunView,
  metric: string,
  trainColor: string,
  valColor: string,
  trainLabel: string,
  valLabel: string,
  background = false,
): void {
  const train = r.curves.epoch[metric];
  const val = r.curves.epoch[`val_${metric}`];
  if (train) out.push({ id: `${r.runId}:${metric}`, label: trainLabel, color: trainColor, background, ...train });
  if (val)
    out.push({ id: `${r.runId}:val_${metric}`, label: valLabel, color: valColor, dashed: true, background, ...val });
}

/** A key that changes whenever any of the runs' curves grow. */
export function revisionKey(runs: readonly (RunView | undefined)[]): string {
  return runs.map((r) => (r ? `${r.runId}@${r.revision}` : "-")).join(",");
}
