import { useUi } from "../../state/hooks";
import { ModelSummary } from "../summary/ModelSummary";
import { EdgeInspector } from "./EdgeInspector";
import { NodeInspector } from "./NodeInspector";
import { SelectionInspector } from "./SelectionInspector";

/** The right-hand panel: the selected block, wire or selection; with nothing selected, the model summary. */
export function Inspector() {
  const selection = useUi((s) => s.selection);
  const { nodes, edges } = selection;
  let body: React.ReactNode;
  if (nodes.length === 1 && edges.length === 0) body = <NodeInspector key={nodes[0]} id={nodes[0]} />;
  else if (nodes.length === 0 && edges.length === 1) body = <EdgeInspector id={edges[0]} />;
  else if (nodes.length + edges.length > 1) body = <SelectionInspector nodes={nodes} edges={edges} />;
  else body = <ModelSummary />;
  return (
    <aside className="inspector" aria-label="Inspector">
      {body}
    </aside>
  );
}
