import type { Project } from "../../shared/ir/project";
import type { Editor } from "./editor-api";
import type { Position } from "./edits";
import { nodeRect, type Rect } from "./placement";

/**
 * What the canvas shows, for commands that place blocks (paste, add from the palette): read on
 * demand from the mounted canvas rather than copied into a store on every pan and zoom.
 */
export interface CanvasView {
  /** The part of the flow on screen, in flow coordinates. */
  visible(): Rect | null;
  /** The pointer over the canvas, in flow coordinates; null when it is elsewhere. */
  pointer(): Position | null;
  /** The parts of the view the canvas' own panels cover (minimap, zoom buttons), in flow coordinates. */
  covered(): Rect[];
  /** Pans (never zooms) so that `box`, in flow coordinates, is on screen. */
  reveal(box: Rect): void;
}

const views = new WeakMap<Editor, CanvasView>();

/** Called by the canvas when it mounts; returns the function that forgets it again. */
export function attachCanvasView(editor: Editor, view: CanvasView): () => void {
  views.set(editor, view);
  return () => {
    if (views.get(editor) === view) views.delete(editor);
  };
}

/** The editor's canvas, or one that shows nothing where none is mounted (tests, scripts). */
export function canvasViewOf(editor: Editor): CanvasView {
  return views.get(editor) ?? { visible: () => null, pointer: () => null, covered: () => [], reveal: () => {} };
}

/** What a new block must not cover: the blocks, and the panels over the canvas. */
export function occupiedRects(editor: Editor, p: Project): Rect[] {
  return [...p.graph.nodes.map((n) => nodeRect(n.position ?? { x: 0, y: 0 })), ...canvasViewOf(editor).covered()];
}
