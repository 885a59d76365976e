import { setGalleryOpen } from "../../panels/templates/gallery-store";
import { useEditor } from "../../state/editor-context";
import { useDoc, useUi } from "../../state/hooks";
import type { NextAction, NextStep, ProjectProgress } from "./next-step";
import { useProbe } from "./session";

const LABELS: Record<NextAction, string> = {
  templates: "Start from a template",
  design: "Go to Design",
  data: "Go to Data",
  train: "Go to Train",
  save: "Save project…",
};

/** A tab's empty state: what is missing and buttons that take the next step (next-step.ts). */
export function NextStepCard({ step }: { step: NextStep }) {
  const editor = useEditor();
  const act = (a: NextAction) => {
    if (a === "templates") setGalleryOpen(editor, true);
    else if (a === "save") editor.run("save");
    else editor.ui.setState({ activeTab: a });
  };
  return (
    <section className="placeholder-card next-step" aria-label={step.title}>
      <h3>{step.title}</h3>
      <p>{step.text}</p>
      <div className="row-actions">
        {step.actions.map((a, i) => (
          <button key={a} type="button" className={`button${i === 0 ? " primary" : ""}`} onClick={() => act(a)}>
            {LABELS[a]}
          </button>
        ))}
      </div>
    </section>
  );
}

/**
 * The card a tab shows when `of` says something is missing, else nothing. `trainedRuns` is the
 * tab's own count of usable runs (Export needs them saved on disk, Evaluate only trained).
 */
export function TabNextStep({
  of,
  trainedRuns = 0,
}: {
  of: (p: ProjectProgress) => NextStep | null;
  trainedRuns?: number;
}) {
  const layers = useDoc((s) => s.project.graph.nodes.length);
  const hasData = useProbe((s) => s.binding !== "none");
  const saved = useUi((s) => s.filePath !== null);
  const step = of({ layers, hasData, trainedRuns, saved });
  return step ? <NextStepCard step={step} /> : null;
}
