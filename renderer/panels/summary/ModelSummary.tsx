import { getSpec } from "../../../shared/layers/catalog";
import { useEditor } from "../../state/editor-context";
import { useAnalysis, useDoc } from "../../state/hooks";
import { requestFocus, setSelection } from "../../state/ui-store";
import { DiagnosticItem } from "../diagnostics/DiagnosticItem";
import { EMPTY_GRAPH_HINT, validationState } from "../diagnostics/validation-state";
import { CategoryGlyph } from "../palette/glyphs";
import { bytesText, compactText, countText, shapesText } from "./format";

/**
 * Shown when nothing is selected: Keras' model.summary() with cost columns. Parameters per layer,
 * output shapes, FLOPs and activation memory per sample (renderer/state/summary.ts says how they
 * are estimated). Clicking a row selects that block.
 */
export function ModelSummary() {
  const editor = useEditor();
  const summary = useAnalysis((s) => s.summary);
  const diagnostics = useAnalysis((s) => s.modelDiagnostics);
  const nodeCount = useDoc((s) => s.project.graph.nodes.length);
  // An empty canvas's only "problem" is being empty: it gets the next step instead.
  const { kind, problems: model } = validationState(diagnostics, nodeCount);
  const name = useDoc((s) => s.project.name);
  const estimate = summary.complete ? "" : "≥ ";
  return (
    <>
      <header className="inspector-head">
        <div>
          <h2>{name}</h2>
          <div className="sub">Model summary · select a block to edit it</div>
        </div>
      </header>
      <section className="section" aria-label="Model totals">
        <div className="stat-grid">
          <Stat label="Parameters" value={compactText(summary.params.total)} title={countText(summary.params.total)} />
          <Stat label="Layers" value={String(summary.layers.length)} />
          <Stat label="FLOPs / sample" value={estimate + compactText(summary.flops)} title={countText(summary.flops)} />
          <Stat label="Activations / sample" value={estimate + bytesText(summary.activationBytes)} />
        </div>
        {summary.params.nonTrainable > 0 && (
          <p className="muted" style={{ margin: "8px 0 0" }}>
            {countText(summary.params.trainable)} trainable, {countText(summary.params.nonTrainable)} non-trainable
          </p>
        )}
      </section>
      {kind === "empty" && (
        <section className="section" aria-label="Next step">
          <p className="muted">{EMPTY_GRAPH_HINT}</p>
        </section>
      )}
      {model.length > 0 && (
        <section className="section" aria-label="Model problems">
          <h3>Model</h3>
          <ul className="problem-list">
            {model.map((d) => (
              <DiagnosticItem key={`${d.code}:${d.message}`} diagnostic={d} focusable={false} />
            ))}
          </ul>
        </section>
      )}
      {summary.layers.length > 0 && (
        <section className="section" aria-label="Layers">
          <h3>Layers</h3>
          <table className="summary-table">
            <thead>
              <tr>
                <th>Layer</th>
                <th>Output</th>
                <th className="num">Params</th>
                <th className="num">FLOPs</th>
              </tr>
            </thead>
            <tbody>
              {summary.layers.map((l) => {
                const spec = getSpec(l.kind);
                return (
                  <tr
                    key={l.id}
                    data-clickable
                    onClick={() => {
                      setSelection(editor.ui, { nodes: [l.id], edges: [] });
                      requestFocus(editor.ui, l.id);
                    }}
                  >
                    <td>
                      <span className="layer-cell" title={`${l.name} (${l.kind})`}>
                        {spec && <CategoryGlyph category={spec.category} size={13} />}
                        <span>{l.name}</span>
                      </span>
                    </td>
                    <td className="shape">{shapesText(l.outputShapes)}</td>
                    <td className="num" title={countText(l.params.total)}>
                      {compactText(l.params.total)}
                    </td>
                    <td className="num">{l.flops === null ? "?" : compactText(l.flops)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
      )}
    </>
  );
}

function Stat({ label, value, title }: { label: string; value: string; title?: string }) {
  return (
    <div className="stat" title={title}>
      <span className="value">{value}</span>
      <span className="label">{label}</span>
    </div>
  );
}
