import { useStoreApi } from "@xyflow/react";
import { useEffect, useRef } from "react";
import { useEditor } from "../../state/editor-context";
import { useDoc } from "../../state/hooks";
import type { FlowView } from "../to-flow";
import { mountOverview } from "./mount";

/**
 * The canvas below the level of detail (zoom.ts): every block and wire painted on one 2D canvas,
 * instead of a React component and DOM subtree each. With all of a 500-block graph on screen the
 * components' store subscriptions, layout and compositing cost more than a frame on every drag
 * tick; one paint of the scene costs a few milliseconds. Blocks are still selected, dragged
 * (one undo step), box-selected with Shift and zoomed into with a double-click.
 */
export function OverviewLayer({ view }: { view: FlowView }) {
  const editor = useEditor();
  const flow = useStoreApi();
  const canvas = useRef<HTMLCanvasElement>(null);
  const tip = useRef<HTMLDivElement>(null);
  const layers = useDoc((s) => s.project.graph.nodes.length);
  useEffect(() => {
    if (!canvas.current || !tip.current) return;
    return mountOverview({ canvas: canvas.current, tip: tip.current, view, editor, flow });
  }, [view, editor, flow]);
  return (
    <>
      <canvas
        ref={canvas}
        className="overview-canvas"
        role="img"
        aria-label={`Overview of ${layers} layers: zoom in to read and wire them. Click a block to select it, drag to move it, double-click to zoom in on it.`}
      />
      <div ref={tip} className="overview-tip" role="tooltip" hidden />
    </>
  );
}
