import { useEffect, useLayoutEffect, useRef, useState } from "react";
import { useEditor } from "../../state/editor-context";
import { shallow, useDoc, useStoreSelector, useUi } from "../../state/hooks";
import { isActive } from "../../state/training-store";
import { useTraining } from "../../tabs/common/session";
import { stepToShow, WALK_STEPS, type WalkState } from "./steps";
import { setWalk, type WalkProgress, walkStore } from "./walk-store";

const progressOf = (s: WalkProgress) => s;
const GAP = 12;
const CARD_WIDTH = 340;

interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * The getting-started walk: a card beside the control the current step is about, with a ring
 * around that control. Steps the user has done move on by themselves; Close keeps the step, and
 * the top bar's Getting started (or the empty canvas' button) resumes it.
 */
export function Walk() {
  const editor = useEditor();
  const { open, step } = useStoreSelector(walkStore(editor), progressOf, shallow);
  const state = useWalkState();
  const shown = stepToShow(step, state);
  useEffect(() => {
    // Record a step passed by itself, so that closing and resuming lands here.
    if (open && shown !== step) setWalk(editor, { step: shown });
  }, [editor, open, shown, step]);
  if (!open) return null;
  return <WalkCard index={shown} state={state} />;
}

function useWalkState(): WalkState {
  const tab = useUi((s) => s.activeTab);
  const saved = useUi((s) => s.filePath !== null);
  const layers = useDoc((s) => s.project.graph.nodes.length);
  const hasData = useDoc((s) => s.project.data != null);
  const trainedRuns = useTraining((s) => s.order.filter((id) => s.runs[id]?.hasModel && !isActive(s.runs[id])).length);
  const training = useTraining((s) => s.order.some((id) => isActive(s.runs[id])));
  return { tab, saved, layers, hasData, trainedRuns, training };
}

function WalkCard({ index, state }: { index: number; state: WalkState }) {
  const editor = useEditor();
  const step = WALK_STEPS[index];
  const last = index === WALK_STEPS.length - 1;
  const selector = step.target(state);
  const target = useTargetBox(selector);
  const card = useRef<HTMLDivElement>(null);
  const [at, setAt] = useState<{ left: number; top: number } | null>(null);

  useLayoutEffect(() => {
    const height = card.current?.offsetHeight ?? 0;
    if (!target) return setAt(null);
    // Below the control when there is room, else above it; always inside the window.
    const below = target.top + target.height + GAP;
    const top = below + height <= window.innerHeight ? below : Math.max(GAP, target.top - GAP - height);
    const left = Math.max(GAP, Math.min(target.left, window.innerWidth - CARD_WIDTH - GAP));
    setAt({ left, top });
  }, [target]);

  const close = () => setWalk(editor, { open: false });
  return (
    <>
      {target && (
        <div
          className="walk-ring"
          aria-hidden="true"
          style={{ left: target.left - 4, top: target.top - 4, width: target.width + 8, height: target.height + 8 }}
        />
      )}
      <section
        ref={card}
        className={`walk-card${at ? "" : " docked"}`}
        role="dialog"
        aria-label="Getting started"
        aria-describedby="walk-text"
        style={at ? { left: at.left, top: at.top, width: CARD_WIDTH } : { width: CARD_WIDTH }}
        onKeyDown={(e) => {
          if (e.key === "Escape") close();
        }}
      >
        <p className="walk-count">
          Getting started · step {index + 1} of {WALK_STEPS.length}
        </p>
        <h2>{step.title}</h2>
        <p id="walk-text">{step.text(state)}</p>
        <div className="walk-actions">
          {step.action && !step.done?.(state) && (
            <button
              type="button"
              className="button primary"
              onClick={() => step.action && editor.run(step.action.command, step.action.args)}
            >
              {step.action.label}
            </button>
          )}
          {index > 0 && (
            <button type="button" className="button ghost" onClick={() => setWalk(editor, { step: index - 1 })}>
              Back
            </button>
          )}
          {!step.done && (
            <button
              type="button"
              className="button"
              onClick={() => setWalk(editor, last ? { open: false, step: 0 } : { step: index + 1 })}
            >
              {last ? "Finish" : "Next"}
            </button>
          )}
          <button type="button" className="button ghost" onClick={close} title="Resume from Getting started">
            Close
          </button>
        </div>
      </section>
    </>
  );
}

/** Where the step's control is on screen, followed as panels open and the window changes. */
function useTargetBox(selector: string): Box | null {
  const [box, setBox] = useState<Box | null>(null);
  useEffect(() => {
    let last = "";
    const measure = () => {
      const el = document.querySelector(selector);
      const r = el?.getBoundingClientRect();
      const next = r && r.width > 0 ? { left: r.left, top: r.top, width: r.width, height: r.height } : null;
      const key = JSON.stringify(next);
      if (key !== last) {
        last = key;
        setBox(next);
      }
    };
    measure();
    // Layout moves without events (a panel filling in, fonts loading): a light poll keeps up.
    const timer = window.setInterval(measure, 250);
    window.addEventListener("resize", measure);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener("resize", measure);
    };
  }, [selector]);
  return box;
}
