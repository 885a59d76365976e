import type { NodeChange } from "@xyflow/react";
import type { FlowNode, FlowView } from "../to-flow";
import { blockAt, blocksInside, type Point, type Rect, type Scene, spanned, toFlow, type Viewport } from "./scene";

/** Where a press landed, in screen pixels relative to the canvas, and the keys held. */
export interface Press extends Point {
  /** Ctrl or Cmd: add to or remove from the selection. */
  toggle: boolean;
}

/** Screen pixels the pointer must travel before a press becomes a drag (a click stays a click). */
const DRAG_THRESHOLD = 3;
/** Screen pixels of slack around a block, so a block a few pixels tall can still be caught. */
const HIT_SLACK = 3;

export interface OverviewGestures {
  /** A press: true when the overview takes it (it landed on a block). */
  down(press: Press): boolean;
  move(to: Point): void;
  up(): void;
  /**
   * React Flow's selection box (Shift-drag on the pane), in screen pixels: React Flow draws it but
   * finds no nodes inside, since they are hidden from it, so the blocks inside are selected here.
   */
  boxSelect(box: Rect): void;
  /** The block under a screen point, for the cursor and the tooltip. */
  hover(at: Point): ReturnType<typeof blockAt>;
}

/**
 * Selecting, dragging and box-selecting blocks on the zoomed-out canvas, where React Flow mounts no
 * node components. Every gesture ends up as the NodeChanges React Flow itself would send, through
 * the flow view: a drag is live in the view and one "move nodes" edit at the drop (to-flow.ts).
 */
export function createOverviewGestures(view: FlowView, scene: () => Scene, viewport: () => Viewport): OverviewGestures {
  /** Where the press was, where the selected blocks were, and how far they have gone (null: not yet dragged). */
  let drag: { start: Point; from: Map<string, Point>; offset: Point | null } | null = null;

  const selectedBlocks = () => view.getSnapshot().nodes.filter((n) => n.selected && n.type !== "frame");
  const selectedIds = () => selectedBlocks().map((n) => n.id);
  const moves = (from: Map<string, Point>, offset: Point, dragging: boolean): NodeChange<FlowNode>[] =>
    [...from].map(([id, p]) => ({
      id,
      type: "position",
      position: { x: p.x + offset.x, y: p.y + offset.y },
      dragging,
    }));
  const select = (ids: readonly string[], keep: boolean) => {
    const chosen = new Set(ids);
    const changes: NodeChange<FlowNode>[] = [];
    if (!keep)
      for (const id of selectedIds()) if (!chosen.has(id)) changes.push({ id, type: "select", selected: false });
    for (const id of chosen) changes.push({ id, type: "select", selected: true });
    if (changes.length > 0) view.onNodesChange(changes);
  };
  const hit = (p: Point) => {
    const vp = viewport();
    return blockAt(scene(), toFlow(vp, p), HIT_SLACK / vp.zoom);
  };

  return {
    down(press) {
      const block = hit(press);
      if (!block) return false;
      if (press.toggle) {
        view.onNodesChange([{ id: block.id, type: "select", selected: !block.selected }]);
        if (block.selected) return true;
      } else if (!block.selected) select([block.id], false);
      drag = { start: press, from: new Map(selectedBlocks().map((n) => [n.id, n.position])), offset: null };
      return true;
    },

    move(to) {
      if (!drag) return;
      const [dx, dy] = [to.x - drag.start.x, to.y - drag.start.y];
      if (!drag.offset && Math.hypot(dx, dy) < DRAG_THRESHOLD) return;
      const zoom = viewport().zoom;
      drag.offset = { x: dx / zoom, y: dy / zoom };
      view.onNodesChange(moves(drag.from, drag.offset, true));
    },

    up() {
      if (drag?.offset) view.onNodesChange(moves(drag.from, drag.offset, false));
      drag = null;
    },

    boxSelect(box) {
      const vp = viewport();
      const area = spanned(toFlow(vp, box), toFlow(vp, { x: box.x + box.width, y: box.y + box.height }));
      const inside = blocksInside(scene(), area).map((b) => b.id);
      const now = selectedIds();
      if (inside.length !== now.length || inside.some((id) => !now.includes(id))) select(inside, false);
    },
    hover: hit,
  };
}
