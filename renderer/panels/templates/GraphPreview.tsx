import { memo, useMemo } from "react";
import type { Graph } from "../../../shared/ir/graph";
import { blockWidth, previewLayout } from "./preview-layout";

const BOX = { width: 232, height: 78, node: { width: 26, height: 13 }, pad: 10 };
/** Small graphs get kind names under their blocks; larger ones would be unreadable. */
const LABELLED = 5;

/** A template's graph as a small picture: blocks in their category colour, wires as curves. */
export const GraphPreview = memo(function GraphPreview({ graph, label }: { graph: Graph; label: string }) {
  const { nodes, edges } = useMemo(() => previewLayout(graph, BOX), [graph]);
  const h = BOX.node.height;
  const w = useMemo(() => blockWidth(nodes, h, BOX.node.width), [nodes, h]);
  return (
    <svg className="graph-preview" viewBox={`0 0 ${BOX.width} ${BOX.height}`} role="img" aria-label={label}>
      {edges.map((e) => {
        const mx = (e.x1 + e.x2) / 2;
        return (
          <path
            key={e.id}
            className="preview-edge"
            d={`M${e.x1} ${e.y1}C${mx} ${e.y1} ${mx} ${e.y2} ${e.x2} ${e.y2}`}
          />
        );
      })}
      {nodes.map((n) => (
        <rect
          key={n.id}
          className={`preview-node cat-${n.category.toLowerCase()}`}
          x={n.x - w / 2}
          y={n.y - h / 2}
          width={w}
          height={h}
          rx={3}
        />
      ))}
      {nodes.length <= LABELLED &&
        nodes.map((n) => (
          <text key={n.id} className="preview-label" x={n.x} y={n.y + h / 2 + 9} textAnchor="middle">
            {n.kind.length > 12 ? `${n.kind.slice(0, 11)}…` : n.kind}
          </text>
        ))}
    </svg>
  );
});
