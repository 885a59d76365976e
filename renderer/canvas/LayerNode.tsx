import { Handle, type NodeProps, Position } from "@xyflow/react";
import { memo } from "react";
import { getSpec } from "../../shared/layers/catalog";
import { outputsOf } from "../../shared/layers/spec";
import { CategoryGlyph } from "../panels/palette/glyphs";
import { compactText, shapesText } from "../panels/summary/format";
import { useAnalysis } from "../state/hooks";
import type { LayerFlowNode } from "./to-flow";
import { useZoomedOut } from "./zoom";

/**
 * The one node component for every layer kind (ANCHORS R14): kind, name, key params in one line,
 * output shape, parameter count, a diagnostics badge and a typed handle per spec port. React Flow
 * passes only the id and `data.kind`; everything derived comes from the analysis store, selected by
 * this node's id, whose per-node objects keep their identity while unchanged (R13), so one edit
 * re-renders only the nodes whose shapes or params it changed.
 */
export const LayerNode = memo(function LayerNode({ id, data }: NodeProps<LayerFlowNode>) {
  const a = useAnalysis((s) => s.graph.nodes[id]);
  const spec = getSpec(data.kind);
  const category = spec?.category ?? "Core";
  const inputs = spec?.inputs ?? [];
  const outputs = a?.outputPorts.length ? a.outputPorts : spec ? outputsOf(spec, a?.params ?? {}) : ["out"];
  const diagnostics = a?.diagnostics ?? [];
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const severity = errors ? "error" : diagnostics.length ? "warning" : null;
  const labelPorts = inputs.length > 1 || outputs.length > 1;
  const shape = a?.outputShapes ? shapesText(a.outputShapes) : "?";
  const zoomedOut = useZoomedOut();
  const handles = (
    <>
      {inputs.map((p, i) => (
        <Handle
          key={p.name}
          id={p.name}
          type="target"
          position={Position.Left}
          style={{ top: `${((i + 1) / (inputs.length + 1)) * 100}%` }}
          aria-label={`${id} input ${p.name}`}
          title={p.doc}
        >
          {labelPorts && !zoomedOut && <span className="port-label in">{p.name}</span>}
        </Handle>
      ))}
      {outputs.map((name, i) => (
        <Handle
          key={name}
          id={name}
          type="source"
          position={Position.Right}
          style={{ top: `${((i + 1) / (outputs.length + 1)) * 100}%` }}
          aria-label={`${id} output ${name}`}
        >
          {outputs.length > 1 && !zoomedOut && <span className="port-label out">{name}</span>}
        </Handle>
      ))}
    </>
  );
  if (zoomedOut) {
    // Level of detail (zoom.ts): the kind and shape in large type, the category colour, the badge.
    return (
      <div
        className={`layer-node layer-node--lod cat-${category.toLowerCase()}${severity ? ` layer-node--${severity}` : ""}`}
      >
        <span className="layer-node-kind">{data.kind}</span>
        <span className="layer-node-shape" data-testid="output-shape">
          {shape}
        </span>
        {severity && <span className={`diag-badge ${severity}`}>{diagnostics.length}</span>}
        {handles}
      </div>
    );
  }
  return (
    <div
      className={`layer-node cat-${category.toLowerCase()}${severity ? ` layer-node--${severity}` : ""}${labelPorts ? " layer-node--ports" : ""}`}
      style={labelPorts ? { minHeight: 22 + 18 * Math.max(inputs.length, outputs.length) } : undefined}
      data-testid={`node-${id}`}
    >
      <div className="layer-node-head">
        <CategoryGlyph category={category} size={14} />
        <span className="layer-node-kind">{data.kind}</span>
        <span className="layer-node-name">{a?.name ?? id}</span>
      </div>
      <div className="layer-node-params" title={a?.label}>
        {a?.label ?? ""}
      </div>
      <div className="layer-node-foot">
        <span className="layer-node-shape" data-testid="output-shape" title="Output shape (batch excluded)">
          {shape}
        </span>
        <span className="layer-node-count" title={`${a?.paramCount.total ?? 0} parameters`}>
          {a && a.paramCount.total > 0 ? `${compactText(a.paramCount.total)} params` : ""}
        </span>
      </div>
      {severity && (
        <span
          className={`diag-badge ${severity}`}
          role="img"
          aria-label={`${diagnostics.length} problem${diagnostics.length === 1 ? "" : "s"}: ${diagnostics[0]?.message}`}
          title={diagnostics.map((d) => `${d.code}: ${d.message}`).join("\n")}
        >
          {diagnostics.length}
        </span>
      )}
      {handles}
    </div>
  );
});
