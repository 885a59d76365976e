import { Handle, type NodeProps, Position } from "@xyflow/react";
import { memo } from "react";
import { useEditor } from "../state/editor-context";
import type { BlockFlowNode, FrameFlowNode } from "./to-flow";

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
  return (
    <div className="layer-node group-node--collapsed cat-shape">
      <div className="layer-node-head">
        <span className="layer-node-kind">{data.name}</span>
        <span className="layer-node-name">
          {data.members} layer{data.members === 1 ? "" : "s"}
        </span>
      </div>
      <div className="layer-node-params">
        <button
          type="button"
          className="button small nodrag"
          aria-label={`Expand block ${data.name}`}
          onClick={() => editor.run("toggle-group", { groupId: data.groupId, collapsed: false })}
        >
          Expand
        </button>
      </div>
      <Handle id="in" type="target" position={Position.Left} />
      <Handle id="out" type="source" position={Position.Right} />
    </div>
  );
});
