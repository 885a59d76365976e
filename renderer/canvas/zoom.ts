import { type ReactFlowState, useStore } from "@xyflow/react";

/**
 * Below this zoom a node's text is too small to read (about 5 px), so nodes draw a compact block
 * and wires drop their shape labels: level of detail, as map and diagram tools do. It keeps a
 * 500-node graph fast when it is all on screen, and the text comes back on zooming in.
 */
export const DETAIL_ZOOM = 0.45;

const zoomedOut = (s: ReactFlowState) => s.transform[2] < DETAIL_ZOOM;

/** True while the canvas is zoomed out past DETAIL_ZOOM; changes only when the threshold is crossed. */
export function useZoomedOut(): boolean {
  return useStore(zoomedOut);
}
