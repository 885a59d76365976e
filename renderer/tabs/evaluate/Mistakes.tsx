import type { ReportOf } from "../../../shared/evaluation/report";
import { pct } from "./format";
import { SampleView } from "./SampleView";

/** The most confident wrong predictions, with their inputs: where the model is sure and wrong. */
export function Mistakes({ report }: { report: ReportOf<"classification"> | ReportOf<"binary"> }) {
  const names = report.classNames;
  return (
    <section className="card" aria-label="Worst mistakes">
      <header className="card-header">
        <h3>Most confident mistakes</h3>
        <span className="count-badge">{report.mistakes.length}</span>
      </header>
      {report.mistakes.length === 0 ? (
        <p className="muted empty-note">No mistakes on these samples.</p>
      ) : (
        <ul className="mistakes">
          {report.mistakes.map((m) => (
            <li key={m.index} className="mistake">
              {m.input && m.input.kind === "image" && <SampleView input={m.input} />}
              <span className="verdict">
                <span>
                  true <strong>{names[m.trueClass] ?? m.trueClass}</strong>
                </span>
                <span className="wrong">
                  predicted {names[m.predictedClass] ?? m.predictedClass} ({pct(m.confidence)})
                </span>
                <span className="muted">sample #{m.index}</span>
              </span>
              {m.input && m.input.kind !== "image" && <SampleView input={m.input} />}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
