import { describeTarget } from "../../../shared/datasets/target-fit";
import { formatShape } from "../../../shared/shapes/shape";
import { useEditor } from "../../state/editor-context";
import { useAnalysis } from "../../state/hooks";
import { requestFocus, setSelection } from "../../state/ui-store";
import { useProbe } from "../common/session";
import { applyBindingFix } from "./actions";
import { useBindingIssues } from "./use-binding";

/**
 * How the data meets the model: the sample shape against the Input block, the classes or targets
 * against the output block. Mismatches are errors with a one-click fix and a link to the block.
 */
export function BindingCard() {
  const editor = useEditor();
  const summary = useProbe((s) => s.summary);
  const graph = useAnalysis((s) => s.graph);
  const issues = useBindingIssues();
  if (!summary) return null;
  const input = graph.inputs[0] ? graph.nodes[graph.inputs[0]] : undefined;
  const output = graph.outputs[0] ? graph.nodes[graph.outputs[0]] : undefined;
  const show = (nodeId: string) => {
    setSelection(editor.ui, { nodes: [nodeId], edges: [] });
    editor.ui.setState({ activeTab: "design" });
    requestFocus(editor.ui, nodeId);
  };
  return (
    <section
      className={`card binding-card${issues.some((i) => i.severity === "error") ? " has-errors" : ""}`}
      aria-label="Data and model"
    >
      <header className="card-header">
        <h3>Data and model</h3>
        {issues.length === 0 && (
          <span className="pill ok" role="status">
            <span className="dot" />
            Fits
          </span>
        )}
      </header>
      <dl className="binding-facts">
        <dt>Sample</dt>
        <dd>
          <span className="mono">{formatShape(summary.inputShape)}</span>
          <span className="muted"> → Input </span>
          <span className="mono">{input ? `${input.name} ${formatShape(input.outputShapes?.[0] ?? [])}` : "none"}</span>
        </dd>
        <dt>Target</dt>
        <dd>
          <span className="mono">{describeTarget(summary)}</span>
          <span className="muted"> → output </span>
          <span className="mono">
            {output ? `${output.name} ${formatShape(output.outputShapes?.[0] ?? [])}` : "none"}
          </span>
        </dd>
      </dl>
      {issues.length > 0 && (
        <ul className="problem-list">
          {issues.map((issue) => (
            <li key={issue.code + (issue.nodeId ?? "")} className={`binding-issue ${issue.severity}`} role="alert">
              <span className="code mono">{issue.code}</span>
              <span>{issue.message}</span>
              <span className="fixes">
                {issue.fix && (
                  <button type="button" className="button small" onClick={() => applyBindingFix(editor, issue)}>
                    {issue.fix.title}
                  </button>
                )}
                {issue.nodeId && (
                  <button
                    type="button"
                    className="button small ghost"
                    onClick={() => issue.nodeId && show(issue.nodeId)}
                  >
                    Show block
                  </button>
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
