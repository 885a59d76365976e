import { useMemo, useState } from "react";
import type { TelemetryRecord } from "../../../shared/training/telemetry";
import { formatNumber, type LayerSummary, summarizeTelemetry } from "../../../shared/training/telemetry-summary";
import { ridgePaths } from "../../charts/ridges";
import { isActive } from "../../state/training-store";
import { useTraining } from "../common/session";
import { useTelemetry } from "./use-telemetry";

const KINDS = [
  ["weights", "Weights"],
  ["activations", "Activations"],
  ["gradients", "Gradients"],
] as const;
type Kind = (typeof KINDS)[number][0];
/** Ridges drawn per layer: the first, the last and an even spread between. */
const MAX_RIDGES = 12;
const PLOT = { width: 240, height: 110, ridgeHeight: 28 };

/**
 * "Inside the network": per layer, TensorBoard-style histograms stacked over the recorded epochs
 * (weights, activations or gradients), the gradient norm over epochs, the dead ReLU fraction, and
 * the run's warnings on top. Shows the current run; a run without telemetry says how to get it.
 */
export function TelemetryPanel() {
  const current = useTraining((s) => (s.current ? s.runs[s.current] : undefined));
  const { records, error } = useTelemetry(current?.runId, current ? !isActive(current) : false);
  const [kind, setKind] = useState<Kind>("weights");
  const summary = useMemo(() => summarizeTelemetry(records), [records]);
  const warnings = summary.layers.flatMap((l) => l.warnings);
  if (!current) return null;
  return (
    <section className="card telemetry-card" aria-label="Layer telemetry">
      <header className="card-header">
        <h3>Inside the network</h3>
        <span className="muted small">
          {records.length ? `${records.length} record(s), epochs ${summary.epochs.join(", ")}` : ""}
        </span>
        <span className="spacer" />
        <fieldset className="segmented">
          <legend className="visually-hidden">Histograms of</legend>
          {KINDS.map(([k, label]) => (
            <button key={k} type="button" aria-pressed={kind === k} onClick={() => setKind(k)}>
              {label}
            </button>
          ))}
        </fieldset>
      </header>
      {records.length === 0 ? (
        <p className="chart-empty">
          {isActive(current)
            ? "Per-layer histograms appear after the first epoch when “Record per-layer telemetry” is on."
            : `This run recorded no per-layer telemetry${error ? ` (${error})` : ""}. Turn on “Record per-layer telemetry” in the settings and train again (GAN and perceptron-rule runs do not record it).`}
        </p>
      ) : (
        <>
          {warnings.length > 0 ? (
            <ul className="telemetry-warnings" aria-label="Telemetry warnings">
              {warnings.map((w) => (
                <li key={`${w.kind}-${w.message}`} className={`warning-${w.kind}`}>
                  <strong>{w.kind}</strong> epochs {w.firstEpoch}–{w.lastEpoch}: {w.message}
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted small">No vanishing or exploding gradients, no layer with half its ReLU units dead.</p>
          )}
          <div className="telemetry-grid">
            {summary.layers.map((layer) => (
              <LayerView key={layer.name} layer={layer} records={records} kind={kind} />
            ))}
          </div>
        </>
      )}
    </section>
  );
}

function LayerView({ layer, records, kind }: { layer: LayerSummary; records: TelemetryRecord[]; kind: Kind }) {
  const shown = spread(records, MAX_RIDGES);
  const histograms = shown.map((r) => r.layers.find((l) => l.name === layer.name)?.[kind] ?? null);
  const plot = ridgePaths(histograms, PLOT);
  const last = layer.gradNorms.at(-1);
  return (
    <figure className="telemetry-layer" aria-label={`${layer.name} ${kind}`}>
      <figcaption>
        <strong>{layer.name}</strong> <span className="muted">{layer.className}</span>
        {layer.deadFraction !== null && <span> · dead {Math.round(layer.deadFraction * 100)}%</span>}
      </figcaption>
      {plot ? (
        <svg
          viewBox={`0 -2 ${PLOT.width + 24} ${PLOT.height + 16}`}
          width={PLOT.width + 24}
          height={PLOT.height + 18}
          role="img"
          aria-label={`${layer.name} ${kind} histograms over epochs ${shown.map((r) => r.epoch).join(", ")}`}
        >
          {plot.ridges.map((r, i) => (
            <g key={shown[i]?.epoch ?? i}>
              <path d={r.path} className="ridge" fillOpacity={0.25 + (0.6 * (i + 1)) / plot.ridges.length} />
              <text x={PLOT.width + 4} y={r.base} className="axis-label">
                {shown[i]?.epoch}
              </text>
            </g>
          ))}
          <text x={0} y={PLOT.height + 13} className="axis-label">
            {formatNumber(plot.min)}
          </text>
          <text x={PLOT.width} y={PLOT.height + 13} textAnchor="end" className="axis-label">
            {formatNumber(plot.max)}
          </text>
        </svg>
      ) : (
        <p className="muted small">No {kind} in this layer.</p>
      )}
      {last && (
        <div className="small">
          grad norm <span className="mono">{formatNumber(last.gradNorm)}</span>
          <NormLine norms={layer.gradNorms} />
        </div>
      )}
    </figure>
  );
}

/** The gradient norm over the records on a log scale: decay or growth by orders of magnitude shows. */
function NormLine({ norms }: { norms: { epoch: number; gradNorm: number }[] }) {
  const logs = norms.map((n) => Math.log10(Math.max(n.gradNorm, 1e-30)));
  const lo = Math.min(...logs);
  const hi = Math.max(...logs);
  const points = logs.map((v, i) => {
    const x = norms.length > 1 ? (i / (norms.length - 1)) * 120 : 60;
    const y = hi > lo ? 18 - ((v - lo) / (hi - lo)) * 16 : 10;
    return `${x.toFixed(1)},${y.toFixed(1)}`;
  });
  return (
    <svg width={124} height={20} viewBox="-2 0 124 20" role="img" aria-label="gradient norm over epochs, log scale">
      <polyline points={points.join(" ")} className="norm-line" fill="none" />
    </svg>
  );
}

function spread<T>(items: T[], n: number): T[] {
  if (items.length <= n) return items;
  return Array.from({ length: n }, (_, i) => items[Math.round((i * (items.length - 1)) / (n - 1))]);
}
