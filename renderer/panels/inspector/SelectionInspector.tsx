import { useEditor } from "../../state/editor-context";
import { useAnalysis } from "../../state/hooks";
import { compactText } from "../summary/format";

/** Several blocks or wires: counts, their parameters together, and the commands that act on a selection. */
export function SelectionInspector({ nodes, edges }: { nodes: readonly string[]; edges: readonly string[] }) {
  const editor = useEditor();
  const params = useAnalysis((s) => nodes.reduce((sum, id) => sum + (s.graph.nodes[id]?.paramCount.total ?? 0), 0));
  const actions: [id: string, label: string][] = [
    ["duplicate", "Duplicate"],
    ["group", "Group"],
    ["copy", "Copy"],
    ["delete", "Delete"],
  ];
  return (
    <>
      <header className="inspector-head">
        <div>
          <h2>
            {nodes.length} block{nodes.length === 1 ? "" : "s"}
            {edges.length > 0 ? `, ${edges.length} wire${edges.length === 1 ? "" : "s"}` : ""}
          </h2>
          <div className="sub">{compactText(params)} parameters in the selection</div>
        </div>
      </header>
      <section className="section" aria-label="Selection actions">
        <div className="selection-actions">
          {actions.map(([id, label]) => (
            <button key={id} type="button" className="button small" onClick={() => editor.run(id)}>
              {label}
            </button>
          ))}
        </div>
      </section>
    </>
  );
}
