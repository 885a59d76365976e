import { useState } from "react";
import { useAnalysis, useDoc } from "../../state/hooks";
import { DiagnosticItem } from "./DiagnosticItem";
import { EMPTY_GRAPH_HINT, validationState } from "./validation-state";

/** Every diagnostic of the graph under the canvas; click one to focus its block, fix it in one click. */
export function DiagnosticsList() {
  const diagnostics = useAnalysis((s) => s.graph.diagnostics);
  const nodeCount = useDoc((s) => s.project.graph.nodes.length);
  const [collapsed, setCollapsed] = useState(false);
  const { kind, problems, errors, warnings } = validationState(diagnostics, nodeCount);
  return (
    <section className="problems" aria-label="Problems" data-collapsed={collapsed}>
      <div className="problems-header">
        <button type="button" className="toggle" aria-expanded={!collapsed} onClick={() => setCollapsed((c) => !c)}>
          <span aria-hidden="true">{collapsed ? "▸" : "▾"}</span>
          Problems
          <span className={`count-badge${errors ? " error" : ""}`} title={`${errors} errors`}>
            {errors}
          </span>
          {warnings > 0 && (
            <span className="count-badge warning" title={`${warnings} warnings`}>
              {warnings}
            </span>
          )}
        </button>
      </div>
      {!collapsed &&
        (problems.length === 0 ? (
          <p className={kind === "empty" ? "no-problems next-step" : "no-problems"}>
            {kind === "empty" ? EMPTY_GRAPH_HINT : "✓ No problems: every shape checks out."}
          </p>
        ) : (
          <ul>
            {problems.map((d) => (
              // Diagnostics have no id; code, place and message identify one within an analysis.
              <DiagnosticItem
                key={`${d.code}:${d.nodeId ?? d.edgeId ?? ""}:${d.param ?? ""}:${d.message}`}
                diagnostic={d}
              />
            ))}
          </ul>
        ))}
    </section>
  );
}
