import { Panel, useReactFlow, useStoreApi } from "@xyflow/react";
import { useEffect, useRef } from "react";
import { useEditor } from "../../state/editor-context";
import { viewportOf } from "../overview/watch";
import type { FlowView } from "../to-flow";
import { mountMinimap } from "./mount";

/** The whole graph in the canvas' corner, at every zoom (mount.ts paints it). */
export function Minimap({ view, minZoom, maxZoom }: { view: FlowView; minZoom: number; maxZoom: number }) {
  const editor = useEditor();
  const flow = useStoreApi();
  const rf = useReactFlow();
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return;
    return mountMinimap({
      canvas: canvas.current,
      view,
      editor,
      flow,
      centre: (at) => void rf.setCenter(at.x, at.y, { zoom: viewportOf(flow).zoom }),
      zoomBy: (factor) => {
        const zoom = Math.min(maxZoom, Math.max(minZoom, viewportOf(flow).zoom * factor));
        void rf.zoomTo(zoom, { duration: 80 });
      },
    });
  }, [view, editor, flow, rf, minZoom, maxZoom]);
  return (
    <Panel position="bottom-right" className="minimap">
      <canvas ref={canvas} role="img" aria-label="Minimap: press or drag to move the view there, scroll to zoom" />
    </Panel>
  );
}
