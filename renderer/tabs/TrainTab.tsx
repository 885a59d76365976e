import { useEditor } from "../state/editor-context";
import { useUi } from "../state/hooks";
import { isActive } from "../state/training-store";
import { TabNextStep } from "./common/NextStepCard";
import { trainNextStep } from "./common/next-step";
import { useTabsSession, useTraining } from "./common/session";
import { TabFrame } from "./TabFrame";
import { controlRun, startRun } from "./train/actions";
import { ChartsPanel } from "./train/ChartsPanel";
import { DebugChecks } from "./train/DebugChecks";
import { LiveBoundaryPanel } from "./train/LiveBoundaryPanel";
import { ProgressPanel } from "./train/ProgressPanel";
import { RunsList } from "./train/RunsList";
import { TelemetryPanel } from "./train/TelemetryPanel";
import { TrainSettings } from "./train/TrainSettings";
import { useStartBlockers } from "./train/use-start";

/** Training settings, Start/Pause/Resume/Stop, live progress and curves, and the project's runs. */
export function TrainTab({ hidden }: { hidden: boolean }) {
  const busy = useTraining((s) => s.order.some((id) => isActive(s.runs[id])));
  return (
    <TabFrame
      tab="train"
      title="Train"
      description="Loss, optimizer and schedule; start a run and watch its curves live."
      hidden={hidden}
      actions={<TrainControls />}
    >
      <div className="train-layout">
        <TrainSettings disabled={busy} />
        <div className="train-main">
          <TabNextStep of={trainNextStep} />
          <StartBlockers />
          <ProgressPanel />
          <ChartsPanel />
          <LiveBoundaryPanel />
          <TelemetryPanel />
          <DebugChecks />
          <RunsList />
        </div>
      </div>
    </TabFrame>
  );
}

function TrainControls() {
  const editor = useEditor();
  const session = useTabsSession();
  const active = useTraining((s) => s.order.map((id) => s.runs[id]).find((r) => isActive(r)));
  const blockers = useStartBlockers();
  // The host trains one run at a time: a run another project left training must be stoppable here.
  const other = useTraining((s) => s.foreign.values().next().value);
  if (active) {
    const paused = active.status === "paused";
    return (
      <>
        <button
          type="button"
          className="button"
          onClick={() => void controlRun(editor, session, paused ? "resume" : "pause", active.runId)}
        >
          {paused ? "Resume" : "Pause"}
        </button>
        <button
          type="button"
          className="button danger"
          onClick={() => void controlRun(editor, session, "stop", active.runId)}
        >
          Stop
        </button>
      </>
    );
  }
  return (
    <>
      {other && (
        <button type="button" className="button danger" onClick={() => void controlRun(editor, session, "stop", other)}>
          Stop other run
        </button>
      )}
      <button
        type="button"
        className="button primary"
        disabled={blockers.length > 0}
        title={blockers[0]}
        onClick={() => void startRun(editor, session)}
      >
        Start training
      </button>
    </>
  );
}

function StartBlockers() {
  const busy = useTraining((s) => s.order.some((id) => isActive(s.runs[id])));
  const saved = useUi((s) => s.filePath !== null);
  const blockers = useStartBlockers().filter((b) => !busy || !b.startsWith("A run is training"));
  if (busy) return null;
  if (blockers.length === 0) {
    return saved ? null : (
      <p className="info-note">
        This project is not saved yet: its runs are kept in NetForge's own folder, and saving moves them beside the
        project file.
      </p>
    );
  }
  return (
    <div className="blockers" role="note" aria-label="Before training">
      <strong>Before training:</strong>
      <ul>
        {blockers.map((b) => (
          <li key={b}>{b}</li>
        ))}
      </ul>
    </div>
  );
}
