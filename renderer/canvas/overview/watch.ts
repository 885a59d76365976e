import type { ReactFlowState } from "@xyflow/react";
import type { Editor } from "../../state/editor";
import type { FlowView } from "../to-flow";
import type { Viewport } from "./scene";

/** React Flow's store as useStoreApi gives it: the viewport and the pane's size. */
export interface FlowStore {
  getState(): ReactFlowState;
  subscribe(listener: (state: ReactFlowState, prev: ReactFlowState) => void): () => void;
}

export interface CanvasSources {
  view: FlowView;
  editor: Editor;
  flow: FlowStore;
}

export const viewportOf = (flow: FlowStore): Viewport => {
  const [x, y, zoom] = flow.getState().transform;
  return { x, y, zoom };
};

/**
 * Calls `repaint` when what a painted canvas shows may have changed (the flow view, the analysis,
 * the viewport or the pane's size) and `restyle` when the theme may have (the app's setting or the
 * system's). Returns the clean-up.
 */
export function watchCanvas({ view, editor, flow }: CanvasSources, repaint: () => void, restyle: () => void) {
  const stops = [
    view.subscribe(repaint),
    editor.analysis.subscribe(repaint),
    flow.subscribe((s, prev) => {
      if (s.transform !== prev.transform || s.width !== prev.width || s.height !== prev.height) repaint();
    }),
    editor.ui.subscribe((s, prev) => {
      if (s.theme !== prev.theme) restyle();
    }),
  ];
  const scheme = window.matchMedia("(prefers-color-scheme: dark)");
  scheme.addEventListener("change", restyle);
  return () => {
    for (const stop of stops) stop();
    scheme.removeEventListener("change", restyle);
  };
}

/** Runs `paint` at most once per animation frame however often it is asked for. */
export function frameScheduler(paint: () => void): { request(): void; cancel(): void } {
  let frame = 0;
  return {
    request() {
      if (!frame)
        frame = requestAnimationFrame(() => {
          frame = 0;
          paint();
        });
    },
    cancel() {
      if (frame) cancelAnimationFrame(frame);
      frame = 0;
    },
  };
}

/** Sizes a canvas' backing store to its CSS size times the device pixel ratio; returns the ratio. */
export function fitBackingStore(canvas: HTMLCanvasElement, width: number, height: number): number {
  const dpr = window.devicePixelRatio || 1;
  const [w, h] = [Math.round(width * dpr), Math.round(height * dpr)];
  if (canvas.width !== w || canvas.height !== h) [canvas.width, canvas.height] = [w, h];
  return dpr;
}
