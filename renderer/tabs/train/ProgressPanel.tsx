import { useEffect, useState } from "react";
import { parseTrainingConfig } from "../../../shared/training/config";
import { formatValue } from "../../charts/MetricChart";
import { useEditor } from "../../state/editor-context";
import { isActive, type RunView } from "../../state/training-store";
import { useTraining } from "../common/session";
import { editTraining } from "./actions";
import { durationText, etaSeconds, runFraction, STATUS_TEXT, statusTone } from "./progress";

/**
 * The current run at a glance: status, a progress bar with epoch and batch counters, samples per
 * second, time left and the backend; for a run that ended badly, why, and what to try.
 */
export function ProgressPanel() {
  const run = useTraining((s) => (s.current ? s.runs[s.current] : undefined));
  const backend = useTraining((s) => s.backend);
  const trainerMessage = useTraining((s) => s.trainerMessage);
  const now = useNow(run && isActive(run) ? 1000 : null);
  if (!run) {
    return (
      <section className="card progress-card" aria-label="Progress">
        <p className="muted">No run yet. Check the settings, then press Start.</p>
        {trainerMessage && <p className="problem-note">{trainerMessage}</p>}
      </section>
    );
  }
  const fraction = runFraction(run);
  const eta = etaSeconds(run, now);
  const tone = statusTone(run.status);
  return (
    <section className="card progress-card" aria-label="Progress">
      <div className="progress-head">
        <span className={`pill ${tone}`} role="status" aria-label={`Run status: ${STATUS_TEXT[run.status]}`}>
          <span className="dot" />
          {STATUS_TEXT[run.status]}
        </span>
        <span className="run-name" title={run.runId}>
          {run.name} <span className="muted mono">{run.runId}</span>
        </span>
        <span className="spacer" />
        <span className="muted">backend</span>
        <span className="mono" data-testid="run-backend">
          {run.backend ?? (isActive(run) ? backend : null) ?? "–"}
        </span>
      </div>
      <div
        className="progress-bar"
        role="progressbar"
        aria-label="Training progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(fraction * 100)}
      >
        <div className={`fill ${tone}`} style={{ width: `${fraction * 100}%` }} />
      </div>
      <dl className="progress-facts">
        <div>
          <dt>Epoch</dt>
          <dd className="mono" data-testid="epoch-counter">
            {isActive(run) ? Math.min(run.epoch + 1, run.epochsPlanned ?? Infinity) : run.epochsDone} /{" "}
            {run.epochsPlanned ?? "?"}
          </dd>
        </div>
        <div>
          <dt>Batch</dt>
          <dd className="mono">
            {isActive(run) && run.batchesPerEpoch ? `${run.batch} / ${run.batchesPerEpoch}` : "–"}
          </dd>
        </div>
        <div>
          <dt>Samples/s</dt>
          <dd className="mono">
            {run.samplesPerSecond !== null && isActive(run)
              ? Math.round(run.samplesPerSecond).toLocaleString("en-US")
              : "–"}
          </dd>
        </div>
        <div>
          <dt>Time left</dt>
          <dd className="mono">{eta !== null ? durationText(eta) : "–"}</dd>
        </div>
        <div>
          <dt>Best</dt>
          <dd className="mono">
            {run.best ? `${run.best.metric} ${formatValue(run.best.value)} @${run.best.epoch}` : "–"}
          </dd>
        </div>
      </dl>
      <RunProblem run={run} />
      {/* A failed run already says the trainer exited; the note is for problems outside a run. */}
      {trainerMessage && run.status !== "failed" && <p className="problem-note">{trainerMessage}</p>}
    </section>
  );
}

/** A run that diverged or failed: the reason, and the fixes that usually help, one click each. */
function RunProblem({ run }: { run: RunView }) {
  const editor = useEditor();
  if (run.status !== "diverged" && run.status !== "failed" && run.status !== "early-stopped") return null;
  if (run.status === "early-stopped") return run.message ? <p className="info-note">{run.message}</p> : null;
  const config = parseTrainingConfig(editor.project().training);
  const lr = config.ok ? config.config.learningRate : null;
  return (
    <div className="problem-note" role="alert">
      <p>
        <strong>{run.status === "diverged" ? "The run diverged." : "The run failed."}</strong> {run.message}
      </p>
      {run.status === "diverged" && (
        <div className="suggestions">
          <span className="muted">Try:</span>
          {lr !== null && (
            <button
              type="button"
              className="button small"
              onClick={() =>
                editTraining(editor, "lower learning rate", { learningRate: Number((lr / 10).toPrecision(3)) })
              }
            >
              Lower the learning rate to {Number((lr / 10).toPrecision(3))}
            </button>
          )}
          <button
            type="button"
            className="button small"
            onClick={() => editTraining(editor, "clip gradients", { clipping: { type: "norm", clipNorm: 1 } })}
          >
            Clip gradients (norm 1)
          </button>
        </div>
      )}
      {run.status === "failed" && (
        <p className="muted">The trainer restarts with the next run; the project and earlier runs are unaffected.</p>
      )}
    </div>
  );
}

/** The current time, refreshed every `ms` while `ms` is not null (the ETA counts down). */
function useNow(ms: number | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (ms === null) return;
    const t = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(t);
  }, [ms]);
  return ms === null ? now : Math.max(now, Date.now());
}
