import { useState } from "react";
import type { ReportOf } from "../../../shared/evaluation/report";
import { ConfusionMatrix } from "../../charts/ConfusionMatrix";
import { type Curve, CurveChart } from "../../charts/CurveChart";
import { DecisionBoundary } from "../../charts/DecisionBoundary";
import { num, pct } from "./format";
import { Mistakes } from "./Mistakes";

type ClassReport = ReportOf<"classification"> | ReportOf<"binary">;

/**
 * Classification results: accuracy beside the majority-class baseline, the confusion matrix
 * (counts or row-normalized), precision/recall/F1/support per class with macro and weighted
 * averages, ROC and precision-recall curves (one-vs-rest per class, or the positive class of a
 * binary model), the most confident mistakes, and the decision boundary of two-feature data.
 */
export function ClassificationView({ report }: { report: ClassReport }) {
  const [mode, setMode] = useState<"counts" | "normalized">("counts");
  const { roc, pr } = curves(report);
  const lift = report.accuracy - report.baseline.accuracy;
  return (
    <>
      <section className="card" aria-label="Accuracy">
        <dl className="headline">
          <div>
            <dt>Accuracy</dt>
            <dd data-testid="accuracy">{pct(report.accuracy)}</dd>
          </div>
          <div>
            <dt>Majority baseline</dt>
            <dd>
              {pct(report.baseline.accuracy)}
              <small>
                always “{report.baseline.className}” (
                {report.baseline.from === "train" ? "most frequent in training" : "most frequent here"})
              </small>
            </dd>
          </div>
          <div>
            <dt>Over baseline</dt>
            <dd className={lift > 0 ? "good" : "bad"}>
              {lift >= 0 ? "+" : ""}
              {(lift * 100).toFixed(1)} pts
            </dd>
          </div>
          <div>
            <dt>Macro F1</dt>
            <dd>{num(report.macro.f1)}</dd>
          </div>
          {report.task === "classification" && report.macroAuc !== null && (
            <div>
              <dt>Macro AUC</dt>
              <dd>{num(report.macroAuc)}</dd>
            </div>
          )}
          {report.task === "binary" && report.roc && (
            <div>
              <dt>AUC</dt>
              <dd>{num(report.roc.auc)}</dd>
            </div>
          )}
        </dl>
      </section>
      <div className="eval-grid">
        <section className="card" aria-label="Confusion matrix card">
          <header className="card-header">
            <h3>Confusion matrix</h3>
            <span className="spacer" />
            <fieldset className="segmented">
              <legend className="visually-hidden">Confusion matrix values</legend>
              <button type="button" aria-pressed={mode === "counts"} onClick={() => setMode("counts")}>
                Counts
              </button>
              <button type="button" aria-pressed={mode === "normalized"} onClick={() => setMode("normalized")}>
                Normalized
              </button>
            </fieldset>
          </header>
          <ConfusionMatrix
            classNames={report.classNames}
            counts={report.confusion.counts}
            normalized={report.confusion.normalized}
            mode={mode}
          />
          {report.task === "binary" && (
            <p className="muted small">Positive (class 1) above a score of {num(report.threshold)}.</p>
          )}
        </section>
        <PerClassTable report={report} />
        {roc.length > 0 && (
          <CurveChart title="ROC" curves={roc} xLabel="false positive rate" yLabel="true positive rate" diagonal />
        )}
        {pr.length > 0 && <CurveChart title="Precision-recall" curves={pr} xLabel="recall" yLabel="precision" />}
        {report.boundary && <DecisionBoundary boundary={report.boundary} classNames={report.classNames} />}
      </div>
      <Mistakes report={report} />
    </>
  );
}

function curves(report: ClassReport): { roc: Curve[]; pr: Curve[] } {
  if (report.task === "binary") {
    const positive = report.classNames[1] ?? "1";
    return {
      roc: report.roc
        ? [{ label: `${positive} (AUC ${num(report.roc.auc)})`, x: report.roc.fpr, y: report.roc.tpr }]
        : [],
      pr: report.pr
        ? [
            {
              label: `${positive} (AP ${num(report.pr.averagePrecision)})`,
              x: report.pr.recall,
              y: report.pr.precision,
            },
          ]
        : [],
    };
  }
  const roc: Curve[] = [];
  const pr: Curve[] = [];
  report.roc.forEach((c, i) => {
    if (c) roc.push({ label: `${report.classNames[i]} (AUC ${num(c.auc)})`, x: c.fpr, y: c.tpr });
  });
  report.pr.forEach((c, i) => {
    if (c) pr.push({ label: `${report.classNames[i]} (AP ${num(c.averagePrecision)})`, x: c.recall, y: c.precision });
  });
  return { roc, pr };
}

function PerClassTable({ report }: { report: ClassReport }) {
  const rows = [
    ...report.perClass.map((s, i) => ({ name: report.classNames[i] ?? String(i), s, avg: false })),
    { name: "macro avg", s: report.macro, avg: true },
    { name: "weighted avg", s: report.weighted, avg: true },
  ];
  return (
    <section className="card" aria-label="Per-class scores">
      <header className="card-header">
        <h3>Per class</h3>
      </header>
      <div className="table-scroll flush">
        <table className="data-table per-class">
          <thead>
            <tr>
              <th scope="col">Class</th>
              <th scope="col" className="num">
                Precision
              </th>
              <th scope="col" className="num">
                Recall
              </th>
              <th scope="col" className="num">
                F1
              </th>
              <th scope="col" className="num">
                Support
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ name, s, avg }) => (
              <tr key={name} className={avg ? "avg-row" : undefined}>
                <th scope="row">{name}</th>
                <td className="num mono">{num(s.precision)}</td>
                <td className="num mono">{num(s.recall)}</td>
                <td className="num mono">{num(s.f1)}</td>
                <td className="num mono">{s.support}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
