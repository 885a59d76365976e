import { useEffect, useState } from "react";
import type { LiveBoundary } from "../../../shared/api/schemas/boundary";
import { DecisionBoundary } from "../../charts/DecisionBoundary";
import { useEditor } from "../../state/editor-context";
import { isActive } from "../../state/training-store";
import { projectRef } from "../../state/ui-store";
import { messageOf } from "../common/errors";
import { useTabsSession, useTraining } from "../common/session";

/**
 * The current run's decision boundary as it forms (two-feature data only): streamed while the run
 * trains, and read from the run folder (runs.boundary) when a finished run is selected. Nothing
 * is shown for other data.
 */
export function LiveBoundaryPanel() {
  const editor = useEditor();
  const session = useTabsSession();
  const run = useTraining((s) => (s.current ? s.runs[s.current] : undefined));
  const [stored, setStored] = useState<{ runId: string; boundary: LiveBoundary | null; error?: string } | null>(null);
  const runId = run?.runId;
  const needsStored = run !== undefined && run.boundary === null && !isActive(run);
  useEffect(() => {
    const client = session.client;
    if (!runId || !needsStored || !client) return;
    let current = true;
    client
      .call("runs.boundary", { ...projectRef(editor.ui), runId })
      .then(({ boundary }) => current && setStored({ runId, boundary }))
      .catch((error) => current && setStored({ runId, boundary: null, error: messageOf(error) }));
    return () => {
      current = false;
    };
  }, [runId, needsStored, session.client, editor.ui]);
  const boundary = run?.boundary ?? (stored?.runId === runId ? stored?.boundary : null);
  const error = stored?.runId === runId ? stored?.error : undefined;
  if (!boundary && !error) return null;
  return (
    <section className="card boundary-card" aria-label="Live decision boundary" data-epoch={boundary?.epoch ?? 0}>
      {error && <p className="chart-empty">The run's decision boundary could not be read: {error}</p>}
      {boundary && (
        <>
          <DecisionBoundary
            boundary={boundary}
            classNames={boundary.classNames}
            title={`Decision boundary, epoch ${boundary.epoch}`}
          />
          <p className="info-note">
            {boundary.kind === "class" ? "Colour: predicted class" : "Colour: predicted value"}; dots: training
            {boundary.validation ? ", rings: validation" : ""}
            {boundary.line ? "; black line: the perceptron's w1 x1 + w2 x2 + b = 0" : ""}. Recomputed while the model
            trains, at most a few percent of the training time.
          </p>
        </>
      )}
    </section>
  );
}
