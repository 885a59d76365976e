import type { ReportOf } from "../../../shared/evaluation/report";
import { DecisionBoundary } from "../../charts/DecisionBoundary";
import { ScatterPlot } from "../../charts/ScatterPlot";
import { num } from "./format";

/** Regression results: the error measures, predicted against actual, and the residuals. */
export function RegressionView({ report }: { report: ReportOf<"regression"> }) {
  const { actual, predicted, residual } = report.scatter;
  return (
    <>
      <section className="card" aria-label="Regression metrics">
        <dl className="headline">
          {(
            [
              ["MAE", report.mae],
              ["MSE", report.mse],
              ["RMSE", report.rmse],
              ["R²", report.r2],
              ["Adjusted R²", report.adjustedR2],
            ] as const
          ).map(([name, v]) => (
            <div key={name}>
              <dt>{name}</dt>
              <dd>{num(v)}</dd>
            </div>
          ))}
        </dl>
        <p className="muted small">
          {report.outputs} output value(s) per sample, {report.features} input feature(s).
          {report.adjustedR2 === null ? " Adjusted R² needs more samples than features + 1." : ""}
        </p>
      </section>
      <div className="eval-grid">
        <ScatterPlot
          title="Predicted vs actual"
          x={actual}
          y={predicted}
          xLabel="actual"
          yLabel="predicted"
          reference="identity"
        />
        <ScatterPlot
          title="Residuals"
          x={predicted}
          y={residual}
          xLabel="predicted"
          yLabel="actual − predicted"
          reference="zero"
        />
        {report.boundary && <DecisionBoundary boundary={report.boundary} classNames={null} />}
      </div>
    </>
  );
}
