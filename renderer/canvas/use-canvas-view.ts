import type { ReactFlowInstance, useStoreApi } from "@xyflow/react";
import { useEffect } from "react";
import { attachCanvasView } from "../state/canvas-view";
import type { Editor } from "../state/editor";
import type { FlowNode, ShapeFlowEdge } from "./to-flow";

type FlowStore = ReturnType<typeof useStoreApi<FlowNode, ShapeFlowEdge>>;

/**
 * Tells the editor's commands what the canvas shows (the visible part of the flow and the
 * pointer), so that pasted and double-clicked blocks land where the user looks. Read on demand:
 * nothing is stored per pan or pointer move but the last pointer position.
 */
export function useCanvasView(
  editor: Editor,
  rf: ReactFlowInstance<FlowNode, ShapeFlowEdge> | null,
  store: FlowStore,
): void {
  useEffect(() => {
    if (!rf) return;
    const pane = store.getState().domNode;
    let last: { x: number; y: number } | null = null;
    const onMove = (e: PointerEvent) => {
      last = { x: e.clientX, y: e.clientY };
    };
    const onLeave = () => {
      last = null;
    };
    pane?.addEventListener("pointermove", onMove);
    pane?.addEventListener("pointerleave", onLeave);
    const detach = attachCanvasView(editor, {
      visible() {
        const { width, height, transform } = store.getState();
        const [tx, ty, zoom] = transform;
        if (!(width > 0 && height > 0 && zoom > 0)) return null;
        return { x: -tx / zoom, y: -ty / zoom, width: width / zoom, height: height / zoom };
      },
      pointer: () => (last ? rf.screenToFlowPosition(last) : null),
    });
    return () => {
      detach();
      pane?.removeEventListener("pointermove", onMove);
      pane?.removeEventListener("pointerleave", onLeave);
    };
  }, [editor, rf, store]);
}
