import { memo } from "react";
import type { Diagnostic } from "../../../shared/diagnostics";
import { useEditor } from "../../state/editor-context";
import { fixesFor } from "../../state/fixes";
import { requestFocus, setSelection } from "../../state/ui-store";
import { SeverityIcon } from "./SeverityIcon";

/**
 * One coded diagnostic: severity, code, message, where, and its one-click fixes. Clicking it
 * selects the block (or wire) concerned and centres the canvas on it.
 */
export const DiagnosticItem = memo(function DiagnosticItem({
  diagnostic: d,
  focusable = true,
}: {
  diagnostic: Diagnostic;
  focusable?: boolean;
}) {
  const editor = useEditor();
  const { project } = editor.doc.getState();
  const fixes = fixesFor(d, project, editor.analysis.getState());
  const where = d.nodeId ? (editor.analysis.getState().graph.nodes[d.nodeId]?.name ?? d.nodeId) : undefined;
  const focus = () => {
    if (!focusable) return;
    if (d.nodeId) {
      setSelection(editor.ui, { nodes: [d.nodeId], edges: [] });
      requestFocus(editor.ui, d.nodeId);
    } else if (d.edgeId) {
      setSelection(editor.ui, { nodes: [], edges: [d.edgeId] });
    }
  };
  return (
    <li
      className="problem"
      tabIndex={focusable ? 0 : undefined}
      aria-label={`${d.severity} ${d.code}: ${d.message}`}
      onClick={focus}
      onKeyDown={(e) => {
        if (e.key === "Enter" && e.target === e.currentTarget) focus();
      }}
    >
      <SeverityIcon severity={d.severity} />
      <span className="text">
        <span className="code">{d.code}</span>
        {d.message}
        {where && focusable && <span className="where">{where}</span>}
      </span>
      {fixes.length > 0 && (
        <span className="fixes">
          {fixes.map((f, index) => (
            <button
              key={f.title}
              type="button"
              className="button small"
              onClick={(e) => {
                e.stopPropagation();
                editor.run("apply-fix", { diagnostic: d, index });
              }}
            >
              {f.title}
            </button>
          ))}
        </span>
      )}
    </li>
  );
});
