import { useEditor } from "../../state/editor-context";
import { useAnalysis, useDoc } from "../../state/hooks";
import { DiagnosticItem } from "../diagnostics/DiagnosticItem";
import { shapeText } from "../summary/format";

/** One wire: what it connects and the tensor it carries. */
export function EdgeInspector({ id }: { id: string }) {
  const editor = useEditor();
  const edge = useDoc((s) => s.project.graph.edges.find((e) => e.id === id));
  const shape = useAnalysis((s) => s.graph.edgeShapes[id]);
  const diagnostics = useAnalysis((s) => s.edgeDiagnostics[id]);
  const names = useAnalysis((s) => s.graph.nodes);
  if (!edge) return null;
  const label = (nodeId: string) => names[nodeId]?.name ?? nodeId;
  return (
    <>
      <header className="inspector-head">
        <div>
          <h2>Connection</h2>
          <div className="sub mono">{edge.id}</div>
        </div>
      </header>
      <section className="section" aria-label="Connection">
        <dl className="facts">
          <dt>From</dt>
          <dd>
            {label(edge.source)}
            {edge.sourcePort ? `.${edge.sourcePort}` : ""}
          </dd>
          <dt>To</dt>
          <dd>
            {label(edge.target)}.{edge.targetPort}
          </dd>
          <dt>Tensor</dt>
          <dd>{shape ? shapeText(shape) : "unknown"}</dd>
        </dl>
      </section>
      {diagnostics && diagnostics.length > 0 && (
        <section className="section" aria-label="Connection problems">
          <h3>Problems</h3>
          <ul className="problem-list">
            {diagnostics.map((d) => (
              <DiagnosticItem key={`${d.code}:${d.message}`} diagnostic={d} focusable={false} />
            ))}
          </ul>
        </section>
      )}
      <section className="section">
        <button type="button" className="button small" onClick={() => editor.run("delete")}>
          Delete connection
        </button>
      </section>
    </>
  );
}
