import type { Editor } from "./editor";
import type { Position } from "./edits";
import type { Rect } from "./placement";

/**
 * What the canvas shows, for commands that place blocks (paste, add from the palette): read on
 * demand from the mounted canvas rather than copied into a store on every pan and zoom.
 */
export interface CanvasView {
  /** The part of the flow on screen, in flow coordinates. */
  visible(): Rect | null;
  /** The pointer over the canvas, in flow coordinates; null when it is elsewhere. */
  pointer(): Position | null;
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
  return views.get(editor) ?? { visible: () => null, pointer: () => null };
}
