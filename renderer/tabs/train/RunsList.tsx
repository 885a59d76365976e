import { formatValue } from "../../charts/MetricChart";
import { shallow } from "../../state/hooks";
import { selectRun, toggleOverlay } from "../../state/training-store";
import { useTabsSession, useTraining } from "../common/session";
import { STATUS_TEXT, statusTone } from "./progress";
import { runLabel } from "./run-series";

/**
 * The project's runs (this session's and those in the run folder, the CLI's included), newest
 * first: status, epochs and best metric. A click shows a run; the checkbox overlays it on the
 * current one's charts.
 */
export function RunsList() {
  const session = useTabsSession();
  const order = useTraining((s) => s.order, shallow);
  const runs = useTraining((s) => s.runs);
  const current = useTraining((s) => s.current);
  const overlay = useTraining((s) => s.overlay, shallow);
  return (
    <section className="card runs-card" aria-label="Runs">
      <header className="card-header">
        <h3>Runs</h3>
        <span className="count-badge">{order.length}</span>
        <span className="spacer" />
        <button type="button" className="button small ghost" onClick={() => void session.refreshRuns()}>
          Refresh
        </button>
      </header>
      {order.length === 0 ? (
        <p className="muted empty-note">No runs yet. Runs of a saved project are kept beside its file.</p>
      ) : (
        <table className="data-table runs-table">
          <thead>
            <tr>
              <th scope="col" aria-label="Overlay" />
              <th scope="col">Run</th>
              <th scope="col">Status</th>
              <th scope="col" className="num">
                Epochs
              </th>
              <th scope="col">Best</th>
            </tr>
          </thead>
          <tbody>
            {order.map((id) => {
              const r = runs[id];
              if (!r) return null;
              const isCurrent = id === current;
              return (
                <tr
                  key={id}
                  className={isCurrent ? "selected" : undefined}
                  aria-selected={isCurrent}
                  data-run-id={id}
                  onClick={() => selectRun(session.training, id)}
                >
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`Overlay run ${runLabel(r)}`}
                      disabled={isCurrent}
                      checked={overlay.includes(id)}
                      onClick={(e) => e.stopPropagation()}
                      onChange={(e) => toggleOverlay(session.training, id, e.currentTarget.checked)}
                    />
                  </td>
                  <td>
                    <button
                      type="button"
                      className="link"
                      title={r.runId}
                      onClick={() => selectRun(session.training, id)}
                    >
                      {runLabel(r)}
                    </button>
                  </td>
                  <td>
                    <span className={`pill ${statusTone(r.status)}`} title={r.message ?? undefined}>
                      <span className="dot" />
                      {STATUS_TEXT[r.status]}
                    </span>
                  </td>
                  <td className="num mono">
                    {r.epochsDone}
                    {r.epochsPlanned ? `/${r.epochsPlanned}` : ""}
                  </td>
                  <td className="mono">{r.best ? `${r.best.metric} ${formatValue(r.best.value)}` : "–"}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
