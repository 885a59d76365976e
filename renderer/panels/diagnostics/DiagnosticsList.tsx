import { useState } from "react";
import { useAnalysis, useDoc } from "../../state/hooks";
import { DiagnosticItem } from "./DiagnosticItem";

/** Every diagnostic of the graph under the canvas; click one to focus its block, fix it in one click. */
export function DiagnosticsList() {
  const diagnostics = useAnalysis((s) => s.graph.diagnostics);
  const empty = useDoc((s) => s.project.graph.nodes.length === 0);
  const [collapsed, setCollapsed] = useState(false);
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const warnings = diagnostics.length - errors;
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
        (diagnostics.length === 0 ? (
          <p className="no-problems">
            {empty ? "Add an Input block to start." : "✓ No problems: every shape checks out."}
          </p>
        ) : (
          <ul>
            {diagnostics.map((d) => (
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
