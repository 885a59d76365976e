import { Handle, type NodeProps, Position } from "@xyflow/react";
import { memo } from "react";
import type { Project } from "../../shared/ir/project";
import { compactText, shapeText } from "../panels/summary/format";
import { useEditor } from "../state/editor-context";
import { useAnalysis, useDoc } from "../state/hooks";
import type { BlockFlowNode, FrameFlowNode } from "./to-flow";

const memberIds = (p: Project, groupId: string) =>
  p.graph.nodes
    .filter((n) => n.group === groupId)
    .map((n) => n.id)
    .join(" ");

/** The first wire leaving the group: the block's output, whose shape the collapsed block shows. */
function exitEdge(p: Project, groupId: string): string | undefined {
  const inside = new Set(p.graph.nodes.filter((n) => n.group === groupId).map((n) => n.id as string));
  return p.graph.edges.find((e) => inside.has(e.source) && !inside.has(e.target))?.id;
}

/**
 * Composite blocks (group into a named block). Expanded, a group is a frame drawn behind its
 * layers, with its name and controls; collapsed, it is one block whose single input and output
 * carry the wires that cross its border (see to-flow.ts).
 */
export const FrameNode = memo(function FrameNode({ data }: NodeProps<FrameFlowNode>) {
  const editor = useEditor();
  return (
    <div className="group-node">
      <div className="group-node-title nodrag">
        <span>{data.name}</span>
        <button
          type="button"
          className="icon-button group-action"
          aria-label={`Collapse block ${data.name}`}
          onClick={() => editor.run("toggle-group", { groupId: data.groupId, collapsed: true })}
        >
          ▾
        </button>
        <button
          type="button"
          className="icon-button group-action"
          aria-label={`Ungroup block ${data.name}`}
          onClick={() => editor.run("ungroup", { groupId: data.groupId })}
        >
          ✕
        </button>
      </div>
    </div>
  );
});

export const BlockNode = memo(function BlockNode({ data }: NodeProps<BlockFlowNode>) {
  const editor = useEditor();
  const { groupId } = data;
  // Primitive selections (strings, numbers) so that the block re-renders only when its summary changes.
  const members = useDoc((s) => memberIds(s.project, groupId));
  const exit = useDoc((s) => exitEdge(s.project, groupId));
  const shape = useAnalysis((s) => (exit ? s.graph.edgeShapes[exit] : undefined));
  const params = useAnalysis((s) =>
    members.split(" ").reduce((sum, id) => sum + (s.graph.nodes[id]?.paramCount.total ?? 0), 0),
  );
  return (
    <div className="layer-node group-node--collapsed cat-shape">
      <div className="layer-node-head">
        <span className="layer-node-kind">{data.name}</span>
        <span className="layer-node-name">
          {data.members} layer{data.members === 1 ? "" : "s"}
        </span>
        <button
          type="button"
          className="icon-button group-action nodrag"
          aria-label={`Expand block ${data.name}`}
          title="Expand"
          onClick={() => editor.run("toggle-group", { groupId, collapsed: false })}
        >
          ▸
        </button>
      </div>
      <div className="layer-node-foot">
        <span className="layer-node-shape" data-testid="output-shape">
          {shape ? shapeText(shape) : "?"}
        </span>
        <span className="layer-node-count">{params > 0 ? `${compactText(params)} params` : ""}</span>
      </div>
      <Handle id="in" type="target" position={Position.Left} />
      <Handle id="out" type="source" position={Position.Right} />
    </div>
  );
});
