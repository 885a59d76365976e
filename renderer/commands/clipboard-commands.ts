import { canvasViewOf, occupiedRects } from "../state/canvas-view";
import type { Fragment } from "../state/clipboard";
import type { Editor } from "../state/editor-api";
import {
  copyFragment,
  type Position,
  parseFragment,
  pasteFragment,
  removeElements,
  serializeFragment,
} from "../state/edits";
import { boundsOf, pasteOffset } from "../state/placement";
import { toast } from "../state/ui-store";
import { apply, hasNodes, select, selection } from "./command-helpers";
import { type AnyCommand, defineCommand } from "./registry";

/**
 * Copy, cut, paste and duplicate. Copies are placed where they are seen and cover nothing
 * (placement.ts): beside originals on screen, at the pointer or the view's middle otherwise.
 */

const copy = defineCommand({
  id: "copy",
  title: "Copy",
  kbd: "mod+c",
  category: "edit",
  when: hasNodes,
  run(editor) {
    void editor.clipboard.writeText(serializeFragment(copyFragment(editor.project(), selection(editor).nodes)));
  },
});

const cut = defineCommand({
  id: "cut",
  title: "Cut",
  kbd: "mod+x",
  category: "edit",
  when: hasNodes,
  run(editor) {
    copy.run(editor);
    const nodes = selection(editor).nodes;
    editor.update((p) => removeElements(p, { nodeIds: nodes }));
    select(editor, []);
  },
});

/**
 * How far copies move: to `position` when one is given (a paste at the pointer), else beside the
 * originals when they are on screen, or to the pointer or the middle of the view when they are not.
 */
function copiesOffset(editor: Editor, fragment: Fragment, position?: Position): Position {
  const positions = fragment.nodes.map((n) => n.position ?? { x: 0, y: 0 });
  const box = boundsOf(positions);
  if (position && box) return { x: position.x - box.x, y: position.y - box.y };
  const view = canvasViewOf(editor);
  const occupied = occupiedRects(editor, editor.project());
  return pasteOffset(positions, occupied, { visible: view.visible(), pointer: view.pointer() });
}

export interface PasteArgs {
  /** Clipboard text from a paste event; read from the clipboard when omitted. */
  text?: string;
  /** Where the top-left block should land (a paste at the pointer). */
  position?: Position;
}

function pasteText(editor: Editor, text: string, position: Position | undefined, step: (fn: () => void) => void) {
  const parsed = parseFragment(text);
  if (!parsed.ok) {
    toast(editor.ui, "error", `Nothing to paste: ${parsed.error}`);
    return;
  }
  const { fragment } = parsed;
  if (fragment.nodes.length === 0) {
    toast(editor.ui, "info", "Nothing to paste: the copied selection has no layers");
    return;
  }
  const offset = copiesOffset(editor, fragment, position);
  step(() => addCopies(editor, fragment, offset));
}

/** Adds the copies, selects them and scrolls them into view when they landed off screen. */
function addCopies(editor: Editor, fragment: Fragment, offset: Position): void {
  const r = apply(editor, (p) => pasteFragment(p, fragment, offset));
  if (!r) return;
  select(editor, r.ids);
  const placed = fragment.nodes.map(({ position: at = { x: 0, y: 0 } }) => ({
    x: at.x + offset.x,
    y: at.y + offset.y,
  }));
  const box = boundsOf(placed);
  if (box) canvasViewOf(editor).reveal(box);
}

const paste = defineCommand<PasteArgs>({
  id: "paste",
  title: "Paste",
  kbd: "mod+v",
  category: "edit",
  run(editor, args) {
    if (args?.text !== undefined) {
      pasteText(editor, args.text, args.position, (fn) => fn());
      return;
    }
    void editor.clipboard.readText().then(
      (text) =>
        pasteText(editor, text, args?.position, (fn) => {
          // The command's own mark is long past: the clipboard answered later, so this is a new step.
          editor.history.mark("paste");
          fn();
        }),
      (error) => toast(editor.ui, "error", `Cannot read the clipboard: ${String(error)}`),
    );
  },
});

const duplicate = defineCommand({
  id: "duplicate",
  title: "Duplicate",
  kbd: "mod+d",
  category: "edit",
  when: hasNodes,
  run(editor) {
    const fragment = copyFragment(editor.project(), selection(editor).nodes);
    addCopies(editor, fragment, copiesOffset(editor, fragment));
  },
});

export const clipboardCommands: readonly AnyCommand[] = [copy, cut, paste, duplicate];
