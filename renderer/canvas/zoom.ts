import { type ReactFlowState, useStore } from "@xyflow/react";
import { createContext, useContext } from "react";

/**
 * Below this zoom a node's text is too small to read (about 5 px), so nodes draw a compact block
 * and wires drop their shape labels: level of detail, as map and diagram tools do. It keeps a
 * 500-node graph fast when it is all on screen, and the text comes back on zooming in.
 */
export const DETAIL_ZOOM = 0.45;

const zoomedOut = (s: ReactFlowState) => s.transform[2] < DETAIL_ZOOM;

/**
 * True while the canvas is zoomed out past DETAIL_ZOOM; changes only when the threshold is crossed.
 * The canvas reads it once and hands it down through ZoomedOut: a React Flow store subscription in
 * each of a thousand nodes and wires would run its selector on every store update (every drag tick).
 */
export function useZoomedOutStore(): boolean {
  return useStore(zoomedOut);
}

export const ZoomedOut = createContext(false);

/** For nodes and wires: the canvas' level of detail, from the ZoomedOut context. */
export function useZoomedOut(): boolean {
  return useContext(ZoomedOut);
}
