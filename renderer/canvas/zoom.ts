import { type ReactFlowState, useStore } from "@xyflow/react";

/**
 * Below this zoom a block's text is too small to read (about 5 px), and the canvas switches to its
 * overview (overview/OverviewLayer.tsx): blocks and wires painted on one 2D canvas instead of a
 * React component each, as map and diagram tools change their level of detail. It keeps a 500-node
 * graph fast when it is all on screen, and the components come back on zooming in.
 */
export const DETAIL_ZOOM = 0.45;

const zoomedOut = (s: ReactFlowState) => s.transform[2] < DETAIL_ZOOM;

/** True while the canvas is zoomed out past DETAIL_ZOOM; changes only when the threshold is crossed. */
export function useZoomedOut(): boolean {
  return useStore(zoomedOut);
}
