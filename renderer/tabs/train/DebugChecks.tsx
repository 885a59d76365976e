import { useState } from "react";
import type { RequestOf, ResponseOf } from "../../../shared/api/contract";
import { useEditor } from "../../state/editor-context";
import { isActive } from "../../state/training-store";
import { projectRef } from "../../state/ui-store";
import { messageOf } from "../common/errors";
import { useTabsSession, useTraining } from "../common/session";
import { useStartBlockers } from "./use-start";

type CheckRequest = RequestOf<"check.gradients">;
type Client = NonNullable<ReturnType<typeof useTabsSession>["client"]>;
type GradReport = ResponseOf<"check.gradients">["report"];
type FitReport = ResponseOf<"check.overfit">["report"];
type State<T> =
  | { status: "idle" }
  | { status: "running" }
  | { status: "done"; report: T }
  | { status: "error"; message: string };

const sci = (v: number) => v.toExponential(1);
const VERDICT_TEXT = { pass: "pass", suspicious: "suspicious", fail: "FAIL" } as const;

/**
 * For a model that will not learn: check its gradients against finite differences, and whether it
 * can memorize a tiny batch. Both run on a fresh copy in the trainer; the project and its runs are
 * not touched.
 */
export function DebugChecks() {
  const editor = useEditor();
  const session = useTabsSession();
  const busy = useTraining((s) => s.order.some((id) => isActive(s.runs[id])));
  const blocked = useStartBlockers().filter((b) => !b.startsWith("A run is training"))[0];
  const [grads, setGrads] = useState<State<GradReport>>({ status: "idle" });
  const [fit, setFit] = useState<State<FitReport>>({ status: "idle" });
  const running = grads.status === "running" || fit.status === "running";
  const disabledWhy = busy ? "A run is training; the checks run when it has finished" : blocked;

  /** Runs one check, its state going idle -> running -> done or error. */
  async function run<T>(set: (s: State<T>) => void, ask: (request: CheckRequest) => Promise<{ report: T }>) {
    if (!session.client) return;
    set({ status: "running" });
    try {
      set({ status: "done", report: (await ask({ project: editor.project(), ...projectRef(editor.ui) })).report });
    } catch (error) {
      set({ status: "error", message: messageOf(error) });
    }
  }
  const checkGradients = () => run(setGrads, (req) => (session.client as Client).call("check.gradients", req));
  const overfit = () => run(setFit, (req) => (session.client as Client).call("check.overfit", req));

  return (
    <section className="card debug-checks" aria-label="Debug the model">
      <header className="card-header">
        <h3>Debug the model</h3>
        <span className="spacer" />
        {(
          [
            ["Check gradients", checkGradients],
            ["Overfit a tiny batch", overfit],
          ] as const
        ).map(([label, action]) => (
          <button
            key={label}
            type="button"
            className="button small"
            disabled={running || Boolean(disabledWhy)}
            title={disabledWhy}
            onClick={() => void action()}
          >
            {label}
          </button>
        ))}
      </header>
      <p className="muted">
        A model that will not learn: are its gradients right, and can it memorize 16 training samples (all, when it has
        fewer)? Both run on a fresh copy; the project and its runs are not changed.
      </p>
      <GradResult state={grads} />
      <FitResult state={fit} />
    </section>
  );
}

function GradResult({ state }: { state: State<GradReport> }) {
  if (state.status === "idle") return null;
  if (state.status === "running") return <p role="status">Checking gradients…</p>;
  if (state.status === "error") return <p role="alert">Gradient check failed: {state.message}</p>;
  const r = state.report;
  return (
    <section aria-label="Gradient check result">
      <p role="status">
        <strong>Gradient check: {VERDICT_TEXT[r.verdict]}</strong> ({r.weights} weights, {r.samples} samples, loss{" "}
        {r.loss.toPrecision(4)})
      </p>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">Layer</th>
            <th scope="col">Weight</th>
            <th scope="col">Shape</th>
            <th scope="col" className="num">
              Checked
            </th>
            <th scope="col" className="num">
              Max rel. error
            </th>
            <th scope="col" className="num">
              Max |grad|
            </th>
            <th scope="col">Verdict</th>
          </tr>
        </thead>
        <tbody>
          {r.tensors.map((t) => (
            <tr key={`${t.node}/${t.weight}`} data-verdict={t.verdict}>
              <td>{t.node}</td>
              <td>{t.weight}</td>
              <td>{t.shape.join("×")}</td>
              <td className="num">{t.checked}</td>
              <td className="num">{sci(t.maxRelError)}</td>
              <td className="num">{sci(t.maxGradient)}</td>
              <td>{VERDICT_TEXT[t.verdict]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <details>
        <summary>How it is checked</summary>
        <p className="muted">{r.method}</p>
      </details>
    </section>
  );
}

function FitResult({ state }: { state: State<FitReport> }) {
  if (state.status === "idle") return null;
  if (state.status === "running") return <p role="status">Overfitting a tiny batch…</p>;
  if (state.status === "error") return <p role="alert">Overfit check failed: {state.message}</p>;
  const r = state.report;
  return (
    <p role="status" aria-label="Overfit result" className={r.learned ? undefined : "warning-note"}>
      <strong>
        {r.learned ? "Overfit" : "Overfit failed"} ({r.samples} samples):{" "}
      </strong>
      {r.message}
    </p>
  );
}
