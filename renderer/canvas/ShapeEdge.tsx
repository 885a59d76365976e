import { BaseEdge, EdgeLabelRenderer, type EdgeProps, getBezierPath } from "@xyflow/react";
import { memo } from "react";
import { shapeText } from "../panels/summary/format";
import { useAnalysis } from "../state/hooks";
import { labelPoint } from "./label-point";
import type { ShapeFlowEdge } from "./to-flow";

/** A wire labelled with the tensor shape it carries; red and dashed when a diagnostic concerns it. */
export const ShapeEdge = memo(function ShapeEdge(props: EdgeProps<ShapeFlowEdge>) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, selected, markerEnd } = props;
  const problem = useAnalysis((s) => s.edgeDiagnostics[id]?.[0]);
  const [path] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  const at = labelPoint(sourceX, sourceY, targetX, targetY);
  const title = problem ? `${problem.code}: ${problem.message}` : undefined;
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} className={problem ? "error" : undefined} />
      <EdgeLabel id={id} x={at.x} y={at.y} error={problem !== undefined} selected={selected} title={title} />
    </>
  );
});

/**
 * The shape label subscribes to the edge's shape itself, so a shape change re-renders the label
 * alone.
 */
const EdgeLabel = memo(function EdgeLabel({
  id,
  x,
  y,
  error,
  selected,
  title,
}: {
  id: string;
  x: number;
  y: number;
  error: boolean;
  selected: boolean | undefined;
  title: string | undefined;
}) {
  const shape = useAnalysis((s) => s.graph.edgeShapes[id]);
  const text = shape ? shapeText(shape) : "?";
  return (
    <EdgeLabelRenderer>
      <div
        className={`shape-edge-label nodrag nopan${error ? " error" : ""}${selected ? " selected" : ""}`}
        style={{ transform: `translate(-50%, -50%) translate(${x}px, ${y}px)` }}
        data-testid={`edge-label-${id}`}
        title={title ?? `Tensor shape ${text} (batch excluded)`}
      >
        {text}
      </div>
    </EdgeLabelRenderer>
  );
});
