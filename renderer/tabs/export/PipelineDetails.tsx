import type { ExportResult, PipelineSummary } from "../../../shared/onnx/result";
import { baseName } from "../common/paths";
import { shapeText } from "./raw-check-text";

type Port = PipelineSummary["inputs"][number];

function PortTable({ label, ports }: { label: string; ports: readonly Port[] }) {
  return (
    <div className="table-scroll">
      <table className="data-table port-table" aria-label={label}>
        <caption>{label}</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Type</th>
            <th scope="col">Shape</th>
            <th scope="col">What it is</th>
          </tr>
        </thead>
        <tbody>
          {ports.map((p) => (
            <tr key={p.name}>
              <th scope="row" className="mono">
                {p.name}
              </th>
              <td className="mono">{p.dtype}</td>
              <td className="mono">{shapeText(p.shape)}</td>
              <td>{p.description}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A bare file's flag, shown first in the result card: nothing else says the file wants other data. */
export function BareFlag() {
  return (
    <div className="problem-note" role="note" aria-label="Expects preprocessed inputs">
      <strong>Expects preprocessed inputs.</strong> This file is the bare network: apply the transform under
      "Preprocessing you must apply" to your data first, or its answers will be wrong without any error.
    </div>
  );
}

/**
 * What the written file takes and returns, the preprocessing inside it (or, for a bare export,
 * the one the user must apply), what stays the user's job, and the files beside it.
 */
export function PipelineDetails({ pipeline, beside }: { pipeline: PipelineSummary; beside: ExportResult["beside"] }) {
  const bare = pipeline.mode === "bare";
  const stepsLabel = bare ? "Preprocessing you must apply" : "Preprocessing inside the file";
  return (
    <div className="pipeline-details">
      <PortTable label="File inputs" ports={pipeline.inputs} />
      <PortTable label="File outputs" ports={pipeline.outputs} />
      <section aria-label={stepsLabel}>
        <h4>{stepsLabel}</h4>
        {pipeline.steps.length > 0 ? (
          <ol className="step-list">
            {pipeline.steps.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ol>
        ) : (
          <p className="muted small">None: the inputs go to the network as they are.</p>
        )}
      </section>
      {pipeline.userSteps.length > 0 && (
        <section aria-label="Your part">
          <h4>Your part</h4>
          <ul className="step-list">
            {pipeline.userSteps.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
        </section>
      )}
      {beside.length > 0 && (
        <section aria-label="Files beside the model">
          <h4>Files beside the model</h4>
          <ul className="step-list">
            {beside.map((f) => (
              <li key={f} className="mono" title={f}>
                {baseName(f)}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
