import { useId, useState } from "react";
import type { EvaluationReport } from "../../shared/evaluation/report";
import { useEditor } from "../state/editor-context";
import { shallow } from "../state/hooks";
import { isActive, type RunView } from "../state/training-store";
import { projectRef } from "../state/ui-store";
import { messageOf } from "./common/errors";
import { TabNextStep } from "./common/NextStepCard";
import { evaluateNextStep } from "./common/next-step";
import { useClient, useTraining } from "./common/session";
import { ClassificationView } from "./evaluate/ClassificationView";
import { num, setText, weightsText } from "./evaluate/format";
import { AutoencoderView, GanView, SamplesPerEpoch, SequenceView } from "./evaluate/GenerativeViews";
import { InsideModel } from "./evaluate/InsideModel";
import { checkpointLabel, PART_NAMES, partsHint, partsOf } from "./evaluate/parts";
import { RegressionView } from "./evaluate/RegressionView";
import { TryIt } from "./evaluate/TryIt";
import { TabFrame } from "./TabFrame";
import { runLabel } from "./train/run-series";

type Split = "validation" | "test" | "train";

/**
 * How a trained run does on data it did not train on: pick a run and a part of its split, and
 * see the views its task calls for (classification, regression, autoencoder, GAN, sequence), plus
 * the try-it panel.
 */
export function EvaluateTab({ hidden }: { hidden: boolean }) {
  const editor = useEditor();
  const client = useClient();
  const runs = useTraining(
    (s) => s.order.map((id) => s.runs[id]).filter((r): r is RunView => Boolean(r?.hasModel) && !isActive(r)),
    shallow,
  );
  const current = useTraining((s) => s.current);
  const [chosen, setChosen] = useState<string | null>(null);
  const [asked, setSplit] = useState<Split | null>(null);
  const [askedWeights, setCheckpoint] = useState<"best" | "last">("best");
  const [report, setReport] = useState<{ runId: string; report: EvaluationReport } | null>(null);
  const [failure, setError] = useState<{ runId: string; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const ids = { run: useId(), split: useId(), weights: useId() };
  const runId =
    chosen && runs.some((r) => r.runId === chosen)
      ? chosen
      : (runs.find((r) => r.runId === current)?.runId ?? runs[0]?.runId ?? null);
  // A report belongs to the run it was made from: picking another run, or opening another
  // project, must not leave the previous run's numbers on screen as if they were this one's.
  const shown = report && report.runId === runId ? report : null;
  const error = failure && failure.runId === runId ? failure.message : null;
  const run = runs.find((r) => r.runId === runId);
  // Only the parts this run's data has; the one picked before if this run has it, else its first.
  const parts = run ? partsOf(run) : [];
  const split = asked && parts.includes(asked) ? asked : (parts[0] ?? null);
  // Only the checkpoints the run's folder holds (a GAN may have no best one); a run without a folder
  // (trained by an older client) has only the model in the trainer's memory.
  const kinds = run?.checkpoints ?? [];
  const checkpoint = kinds.includes(askedWeights) ? askedWeights : (kinds[0] ?? null);
  const frames = useTraining((s) => (shown ? (s.runs[shown.runId]?.samples ?? []) : []));

  const evaluate = async () => {
    if (!client || !runId || !split) return;
    setBusy(true);
    setError(null);
    try {
      const request = { runId, ...projectRef(editor.ui), split, ...(checkpoint ? { checkpoint } : {}) };
      const r = await client.call("evaluate.run", request);
      setReport({ runId, report: r.report });
    } catch (e) {
      setError({ runId, message: messageOf(e) });
    } finally {
      setBusy(false);
    }
  };

  const actions = (
    <div className="eval-toolbar">
      <label htmlFor={ids.run}>
        Run
        <select
          id={ids.run}
          value={runId ?? ""}
          disabled={runs.length === 0}
          onChange={(e) => setChosen(e.currentTarget.value)}
        >
          {runs.length === 0 && <option value="">no trained run</option>}
          {runs.map((r) => (
            <option key={r.runId} value={r.runId}>
              {runLabel(r)} · {r.status}
              {r.best ? ` · ${r.best.metric} ${num(r.best.value)}` : ""}
            </option>
          ))}
        </select>
      </label>
      <label htmlFor={ids.split}>
        On
        <select
          id={ids.split}
          value={split ?? ""}
          disabled={!split}
          onChange={(e) => setSplit(e.currentTarget.value as Split)}
        >
          {parts.map((p) => (
            <option key={p} value={p}>
              {PART_NAMES[p]}
            </option>
          ))}
        </select>
      </label>
      <label htmlFor={ids.weights}>
        Weights
        <select
          id={ids.weights}
          value={checkpoint ?? "default"}
          disabled={kinds.length < 2}
          onChange={(e) => setCheckpoint(e.currentTarget.value as "best" | "last")}
        >
          {kinds.map((k) => (
            <option key={k} value={k}>
              {checkpointLabel(k, run)}
            </option>
          ))}
          {kinds.length === 0 && (
            <option value="default">
              {run?.runDir ? "best saved, else last" : "after the last epoch (in memory)"}
            </option>
          )}
        </select>
      </label>
      <button
        type="button"
        className="button primary"
        disabled={!client || !runId || !split || busy}
        onClick={() => void evaluate()}
      >
        {busy ? "Evaluating…" : "Evaluate"}
      </button>
    </div>
  );

  return (
    <TabFrame
      tab="evaluate"
      title="Evaluate"
      description="How well a trained run does on data it has not seen."
      hidden={hidden}
      actions={actions}
    >
      <div className="evaluate-layout">
        {error && (
          <div className="problem-note" role="alert">
            <strong>Evaluation failed.</strong> {error}
          </div>
        )}
        <TabNextStep of={evaluateNextStep} trainedRuns={runs.length} />
        {!shown && !error && runs.length > 0 && (
          <div className="placeholder-card">
            <h3>Pick a run and press Evaluate</h3>
            <p>{partsHint(parts)}</p>
          </div>
        )}
        {shown && <ReportView report={shown.report} frames={frames} />}
        {/* Keyed by run: another run's answers are not this one's. */}
        <TryIt key={runId ?? ""} runId={runId} />
        <InsideModel key={`inside-${runId ?? ""}`} runId={runId} />
      </div>
    </TabFrame>
  );
}

function ReportView({ report, frames }: { report: EvaluationReport; frames: RunView["samples"] }) {
  return (
    <>
      <p className="report-line" data-testid="report-line">
        <strong>{report.samples}</strong> samples from {setText(report.set)},{" "}
        {weightsText(report.weights, report.weightsEpoch ?? null)}
        {report.loss !== null && (
          <>
            {" "}
            · loss <span className="mono">{num(report.loss)}</span>
          </>
        )}
        {Object.entries(report.metrics).map(([k, v]) => (
          <span key={k}>
            {" "}
            · {k} <span className="mono">{num(v)}</span>
          </span>
        ))}
      </p>
      {report.notes.length > 0 && (
        <ul className="info-note notes">
          {report.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
      {(report.task === "classification" || report.task === "binary") && <ClassificationView report={report} />}
      {report.task === "regression" && <RegressionView report={report} />}
      {report.task === "autoencoder" && (
        <>
          <AutoencoderView report={report} />
          <SamplesPerEpoch frames={frames} />
        </>
      )}
      {report.task === "gan" && <GanView report={report} frames={frames} />}
      {report.task === "sequence" && <SequenceView report={report} />}
      {report.task === "other" && <p className="info-note">{report.reason}</p>}
    </>
  );
}
