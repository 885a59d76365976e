import { useEffect, useState } from "react";
import { PROJECT_FORMAT, PROJECT_VERSION, type Project } from "../../../shared/ir/project";
import type { ExportInputMode } from "../../../shared/onnx/pipeline/types";
import type { ReadinessReport } from "../../../shared/onnx/result";
import { useDoc } from "../../state/hooks";
import { messageOf } from "../common/errors";
import { useClient } from "../common/session";

const STATUS_TEXT: Record<string, string> = {
  exported: "exported",
  approximated: "approximated",
  dropped: "dropped",
  notExportable: "not exportable",
  excluded: "excluded",
};

/** What the export will hold, node by node, recomputed as the design changes. */
export function useReadiness(discriminator: boolean): { report: ReadinessReport | null; error: string | null } {
  const client = useClient();
  const graph = useDoc((s) => s.project.graph);
  const [state, setState] = useState<{ report: ReadinessReport | null; error: string | null }>({
    report: null,
    error: null,
  });
  useEffect(() => {
    if (!client) return;
    let live = true;
    const timer = setTimeout(() => {
      const project: Project = {
        format: PROJECT_FORMAT,
        version: PROJECT_VERSION,
        name: "readiness",
        graph,
        data: null,
        training: {},
      };
      client
        .call("export.readiness", { project, discriminator })
        .then((r) => live && setState({ report: r.report, error: null }))
        .catch((e) => live && setState({ report: null, error: messageOf(e) }));
    }, 200);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [client, graph, discriminator]);
  return state;
}

/**
 * `mode`: what an ONNX file will take (null for tfjs), said under the header so the choice is
 * seen beside what each block becomes.
 */
export function ReadinessCard({
  report,
  error,
  mode = null,
}: {
  report: ReadinessReport | null;
  error: string | null;
  mode?: ExportInputMode | null;
}) {
  return (
    <section className="card" aria-label="Export readiness">
      <header className="card-header">
        <h3>Readiness</h3>
        {report && (
          <span className={`pill ${report.exportable ? "ok" : "error"}`} role="status">
            <span className="dot" />
            {report.exportable ? "Exportable" : "Not exportable"}
          </span>
        )}
        {report && (
          <span className="muted small">
            {Object.entries(report.counts)
              .filter(([, n]) => n > 0)
              .map(([k, n]) => `${n} ${STATUS_TEXT[k] ?? k}`)
              .join(" · ")}
          </span>
        )}
      </header>
      {mode && (
        <p className="muted small" data-testid="export-mode">
          {mode === "raw"
            ? "The file will take raw data: the run's preprocessing goes inside it."
            : "The file will be the bare network: it expects preprocessed inputs."}
        </p>
      )}
      {error && (
        <p className="field-message" role="alert">
          {error}
        </p>
      )}
      {report && report.problems.length > 0 && (
        <ul className="problem-note problems-inline">
          {report.problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      {report && (
        <div className="table-scroll">
          <table className="data-table readiness-table">
            <thead>
              <tr>
                <th scope="col">Block</th>
                <th scope="col">Kind</th>
                <th scope="col">Status</th>
                <th scope="col">ONNX ops</th>
                <th scope="col">Why</th>
              </tr>
            </thead>
            <tbody>
              {report.nodes.map((n) => (
                <tr key={n.id}>
                  <th scope="row">{n.name}</th>
                  <td>{n.kind}</td>
                  <td className={`status-${n.status}`}>{STATUS_TEXT[n.status] ?? n.status}</td>
                  <td className="mono ops">{n.ops.join(", ") || "–"}</td>
                  <td className="reason">{n.reason ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
