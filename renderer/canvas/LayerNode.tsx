import { Handle, type NodeProps, Position } from "@xyflow/react";
import { memo } from "react";
import { getSpec } from "../../shared/layers/catalog";
import { outputsOf } from "../../shared/layers/spec";
import { CategoryGlyph } from "../panels/palette/glyphs";
import { compactText, shapesText } from "../panels/summary/format";
import { useAnalysis } from "../state/hooks";
import type { LayerFlowNode } from "./to-flow";

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
  // One port each way: handles at mid-height. Several (attention's query/value/key, an LSTM's
  // states): one labelled row per port under the body, each row holding its own handles.
  const single = !labelPorts;
  const handles = single ? (
    <>
      {inputs[0] && <PortHandle node={id} name={inputs[0].name} type="target" doc={inputs[0].doc} />}
      {outputs[0] && <PortHandle node={id} name={outputs[0]} type="source" />}
    </>
  ) : null;
  const rows = single ? null : (
    <div className="layer-node-ports">
      {Array.from({ length: Math.max(inputs.length, outputs.length) }, (_, i) => (
        <div className="port-row" key={inputs[i]?.name ?? outputs[i]}>
          {inputs[i] && (
            <>
              <PortHandle
                node={id}
                name={inputs[i].name}
                type="target"
                doc={inputs[i].doc}
                optional={inputs[i].optional}
              />
              <span
                className={`port-label in${inputs[i].optional ? " optional" : ""}`}
                title={inputs[i].optional ? "Optional: may be left unconnected" : undefined}
              >
                {inputs[i].name}
                {inputs[i].optional ? "?" : ""}
              </span>
            </>
          )}
          {outputs[i] && (
            <>
              <span className="port-label out">{outputs[i]}</span>
              <PortHandle node={id} name={outputs[i]} type="source" />
            </>
          )}
        </div>
      ))}
    </div>
  );
  return (
    <div
      className={`layer-node cat-${category.toLowerCase()}${severity ? ` layer-node--${severity}` : ""}${labelPorts ? " layer-node--ports" : ""}`}
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
      {rows}
      {handles}
    </div>
  );
});

function PortHandle({
  node,
  name,
  type,
  doc,
  optional,
}: {
  node: string;
  name: string;
  type: "source" | "target";
  doc?: string;
  optional?: boolean;
}) {
  // An optional input is drawn hollow and dashed: it may stay unconnected (an RNN's initial state).
  return (
    <Handle
      id={name}
      type={type}
      className={optional ? "port-optional" : undefined}
      data-optional={optional ? "true" : undefined}
      position={type === "target" ? Position.Left : Position.Right}
      aria-label={`${node} ${type === "target" ? "input" : "output"} ${name}`}
      title={doc}
    />
  );
}
