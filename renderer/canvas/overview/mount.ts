import { isEditableTarget } from "../../commands/keyboard";
import { requestFocus } from "../../state/ui-store";
import { openContextMenu } from "../context-menu/menu-store";
import { createOverviewGestures } from "./gestures";
import { paintScene } from "./paint";
import { type Palette, resolvePalette } from "./palette";
import { buildScene, type Scene } from "./scene";
import { type CanvasSources, fitBackingStore, frameScheduler, viewportOf, watchCanvas } from "./watch";

export interface OverviewParts extends CanvasSources {
  canvas: HTMLCanvasElement;
  /** Shows the name of the block under the pointer (the blocks' own words are too small here). */
  tip: HTMLElement;
}

/**
 * Runs the zoomed-out canvas: paints the scene at most once a frame when the flow view, the
 * analysis, the viewport or the theme changes, and turns pointer input on blocks into gestures.
 * React Flow keeps the pane (pan, zoom, clicks on empty canvas); presses on blocks are taken in the
 * capture phase, before React Flow's pane sees them. Returns the clean-up.
 */
export function mountOverview(parts: OverviewParts): () => void {
  const { canvas, tip, view, editor, flow } = parts;
  const host = canvas.parentElement;
  const ctx = canvas.getContext("2d");
  if (!host || !ctx) return () => {};
  let palette: Palette | null = null;
  let scene: Scene | null = null;

  const viewport = () => viewportOf(flow);
  const current = (): Scene => {
    if (!scene) {
      const { width, height } = flow.getState();
      scene = buildScene(view.getSnapshot(), editor.analysis.getState(), viewport(), { width, height });
    }
    return scene;
  };
  const gestures = createOverviewGestures(view, current, viewport);

  const paint = () => {
    const { width, height } = flow.getState();
    const dpr = fitBackingStore(canvas, width, height);
    palette ??= resolvePalette(host);
    const drawn = current();
    paintScene(ctx, drawn, viewport(), dpr, palette);
    // For tests and the benchmark: which document version and how many blocks are on screen.
    canvas.dataset.version = String(editor.doc.getState().version);
    canvas.dataset.blocks = String(drawn.blocks.length);
  };
  const frame = frameScheduler(paint);
  const repaint = () => {
    scene = null;
    frame.request();
  };
  const restyle = () => {
    palette = null;
    repaint();
  };
  const stopWatching = watchCanvas(parts, repaint, restyle);
  const stopBox = flow.subscribe((s, prev) => {
    if (s.userSelectionActive && s.userSelectionRect && s.userSelectionRect !== prev.userSelectionRect) {
      gestures.boxSelect(s.userSelectionRect);
    }
  });

  const local = (e: MouseEvent) => {
    const r = canvas.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  };
  let pressed = false;
  let swallowClick = false;
  // Each gesture changes the flow view or the selection, whose subscription repaints.
  const onMove = (e: PointerEvent) => gestures.move(local(e));
  const onUp = () => {
    pressed = false;
    window.removeEventListener("pointermove", onMove);
    window.removeEventListener("pointerup", onUp);
    gestures.up();
  };
  const onDown = (e: PointerEvent) => {
    // A press of ours whose click never came (released elsewhere) must not swallow this one's.
    swallowClick = false;
    // Shift starts React Flow's selection box, over blocks too, as it does zoomed in (boxSelect).
    if (e.button !== 0 || e.shiftKey || (e.target as Element).closest(".react-flow__panel")) return;
    const at = local(e);
    if (!gestures.down({ ...at, toggle: e.ctrlKey || e.metaKey })) return;
    // Ours: React Flow's pane must neither pan nor start its own selection (nor see the click).
    e.preventDefault();
    e.stopPropagation();
    if (isEditableTarget(document.activeElement)) (document.activeElement as HTMLElement).blur();
    pressed = true;
    swallowClick = true;
    hideTip();
    window.addEventListener("pointermove", onMove);
    window.addEventListener("pointerup", onUp);
  };
  const onClick = (e: MouseEvent) => {
    if (!swallowClick) return;
    swallowClick = false;
    e.stopPropagation();
  };
  const onDoubleClick = (e: MouseEvent) => {
    const block = gestures.hover(local(e));
    if (!block) return;
    // Zoom in on the block (React Flow would otherwise zoom one step about the pointer).
    e.preventDefault();
    e.stopPropagation();
    if (block.category === "group") requestFocus(editor.ui, block.id);
    else editor.run("focus-node", { nodeId: block.id });
  };
  // A painted block's menu; on empty canvas React Flow's pane opens the canvas menu as zoomed in.
  const onMenu = (e: MouseEvent) => {
    const block = gestures.hover(local(e));
    if (!block) return;
    e.preventDefault();
    e.stopPropagation();
    hideTip();
    openContextMenu(editor, { kind: "node", id: block.id }, { x: e.clientX, y: e.clientY });
  };
  const onHover = (e: PointerEvent) => {
    if (pressed) return;
    if ((e.target as Element).closest(".react-flow__panel")) return hideTip();
    const at = local(e);
    const block = gestures.hover(at);
    const pane = host.querySelector<HTMLElement>(".react-flow__pane");
    if (pane) pane.style.cursor = block ? "pointer" : "";
    if (!block) return hideTip();
    const problems = block.problems === 1 ? "1 problem" : `${block.problems} problems`;
    tip.textContent = block.problems ? `${block.label} · ${problems}` : block.label;
    tip.style.transform = `translate(${Math.round(at.x + 14)}px, ${Math.round(at.y + 16)}px)`;
    tip.hidden = false;
  };
  const hideTip = () => {
    tip.hidden = true;
  };
  host.addEventListener("pointerdown", onDown, true);
  host.addEventListener("click", onClick, true);
  host.addEventListener("dblclick", onDoubleClick, true);
  host.addEventListener("contextmenu", onMenu, true);
  host.addEventListener("pointermove", onHover);
  host.addEventListener("pointerleave", hideTip);
  repaint();

  return () => {
    frame.cancel();
    stopWatching();
    stopBox();
    host.removeEventListener("pointerdown", onDown, true);
    host.removeEventListener("click", onClick, true);
    host.removeEventListener("dblclick", onDoubleClick, true);
    host.removeEventListener("contextmenu", onMenu, true);
    host.removeEventListener("pointermove", onHover);
    host.removeEventListener("pointerleave", hideTip);
    window.removeEventListener("pointermove", onMove);
    window.removeEventListener("pointerup", onUp);
    const pane = host.querySelector<HTMLElement>(".react-flow__pane");
    if (pane) pane.style.cursor = "";
  };
}
