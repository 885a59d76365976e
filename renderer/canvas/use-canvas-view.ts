import type { ReactFlowInstance, useStoreApi } from "@xyflow/react";
import { useEffect } from "react";
import { attachCanvasView } from "../state/canvas-view";
import type { Editor } from "../state/editor";
import { panToReveal } from "../state/placement";
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
    const visible = () => {
      const { width, height, transform } = store.getState();
      const [tx, ty, zoom] = transform;
      if (!(width > 0 && height > 0 && zoom > 0)) return null;
      return { x: -tx / zoom, y: -ty / zoom, width: width / zoom, height: height / zoom };
    };
    const detach = attachCanvasView(editor, {
      visible,
      reveal(box) {
        const view = visible();
        if (!view) return;
        const d = panToReveal(view, box);
        const [tx, ty, zoom] = store.getState().transform;
        if (d.x || d.y) void rf.setViewport({ x: tx - d.x * zoom, y: ty - d.y * zoom, zoom }, { duration: 150 });
      },
      pointer: () => (last ? rf.screenToFlowPosition(last) : null),
      covered: () =>
        [...(pane?.querySelectorAll(".react-flow__panel") ?? [])].map((panel) => {
          const r = panel.getBoundingClientRect();
          const a = rf.screenToFlowPosition({ x: r.left, y: r.top });
          const b = rf.screenToFlowPosition({ x: r.right, y: r.bottom });
          return { x: a.x, y: a.y, width: b.x - a.x, height: b.y - a.y };
        }),
    });
    return () => {
      detach();
      pane?.removeEventListener("pointermove", onMove);
      pane?.removeEventListener("pointerleave", onLeave);
    };
  }, [editor, rf, store]);
}
