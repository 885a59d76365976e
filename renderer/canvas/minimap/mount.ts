import { mix, type Palette, resolvePalette } from "../overview/palette";
import { categoryOf, type Point, rectOf } from "../overview/scene";
import { type CanvasSources, fitBackingStore, frameScheduler, viewportOf, watchCanvas } from "../overview/watch";
import { boundsOf, fromMinimap, type MinimapFrame, minimapFrame, toMinimap, visibleRect } from "./geometry";

export interface MinimapParts extends CanvasSources {
  canvas: HTMLCanvasElement;
  /** Moves the view so that its centre is at a flow point. */
  centre(at: Point): void;
  /** Zooms the view by a factor about its centre. */
  zoomBy(factor: number): void;
}

/** How much of a block's category colour shows in the minimap. */
const SHARE = 0.55;
const WHEEL_STEP = 1.2;

/**
 * The minimap: every block as a small rectangle in its category colour, the part on screen
 * unveiled, painted on one canvas (React Flow's minimap keeps an SVG element and a store
 * subscription per node, which a 500-node graph feels on every drag tick). Pressing or dragging
 * on it centres the view there; the wheel zooms. Returns the clean-up.
 */
export function mountMinimap(parts: MinimapParts): () => void {
  const { canvas, view, flow, centre, zoomBy } = parts;
  const ctx = canvas.getContext("2d");
  if (!ctx) return () => {};
  let palette: Palette | null = null;
  let fills = new Map<string, string>();
  let frame: MinimapFrame = { scale: 1, dx: 0, dy: 0 };

  const fillOf = (kind: string | undefined, p: Palette) => {
    const key = kind ?? "";
    let fill = fills.get(key);
    if (!fill) {
      const category = kind ? categoryOf(kind) : "group";
      fill = mix((p.categories[category] ?? p.categories.core).stripe, p.panel, SHARE);
      fills.set(key, fill);
    }
    return fill;
  };

  const paint = () => {
    const { clientWidth: width, clientHeight: height } = canvas;
    const dpr = fitBackingStore(canvas, width, height);
    palette ??= resolvePalette(canvas);
    const p = palette;
    const nodes = view.getSnapshot().nodes.filter((n) => n.type !== "frame");
    const rects = nodes.map(rectOf);
    const { width: paneWidth, height: paneHeight } = flow.getState();
    const shown = visibleRect(viewportOf(flow), { width: paneWidth, height: paneHeight });
    frame = minimapFrame(boundsOf(rects), shown, { width, height });

    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.fillStyle = p.panel;
    ctx.fillRect(0, 0, width, height);
    nodes.forEach((n, i) => {
      const r = rects[i];
      const a = toMinimap(frame, r);
      ctx.fillStyle = n.selected ? p.accent : fillOf(n.type === "layer" ? n.data.kind : undefined, p);
      ctx.fillRect(a.x, a.y, Math.max(1, r.width * frame.scale), Math.max(1, r.height * frame.scale));
    });
    // Veil everything but the part on screen.
    const v = toMinimap(frame, shown);
    const [vw, vh] = [shown.width * frame.scale, shown.height * frame.scale];
    ctx.fillStyle = p.mask;
    ctx.fillRect(0, 0, width, Math.max(0, v.y));
    ctx.fillRect(0, v.y + vh, width, Math.max(0, height - v.y - vh));
    ctx.fillRect(0, v.y, Math.max(0, v.x), vh);
    ctx.fillRect(v.x + vw, v.y, Math.max(0, width - v.x - vw), vh);
    ctx.lineWidth = 1;
    ctx.strokeStyle = p.accent;
    ctx.strokeRect(Math.round(v.x) + 0.5, Math.round(v.y) + 0.5, Math.round(vw), Math.round(vh));
  };
  const scheduler = frameScheduler(paint);
  const restyle = () => {
    palette = null;
    fills = new Map();
    scheduler.request();
  };
  const stopWatching = watchCanvas(parts, scheduler.request, restyle);

  const local = (e: PointerEvent): Point => {
    const r = canvas.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  };
  const onMove = (e: PointerEvent) => centre(fromMinimap(frame, local(e)));
  const onUp = (e: PointerEvent) => {
    canvas.releasePointerCapture(e.pointerId);
    canvas.removeEventListener("pointermove", onMove);
    canvas.removeEventListener("pointerup", onUp);
  };
  const onDown = (e: PointerEvent) => {
    if (e.button !== 0) return;
    e.preventDefault();
    canvas.setPointerCapture(e.pointerId);
    canvas.addEventListener("pointermove", onMove);
    canvas.addEventListener("pointerup", onUp);
    onMove(e);
  };
  const onWheel = (e: WheelEvent) => {
    e.preventDefault();
    e.stopPropagation();
    zoomBy(e.deltaY < 0 ? WHEEL_STEP : 1 / WHEEL_STEP);
  };
  canvas.addEventListener("pointerdown", onDown);
  canvas.addEventListener("wheel", onWheel, { passive: false });
  scheduler.request();

  return () => {
    scheduler.cancel();
    stopWatching();
    canvas.removeEventListener("pointerdown", onDown);
    canvas.removeEventListener("pointermove", onMove);
    canvas.removeEventListener("pointerup", onUp);
    canvas.removeEventListener("wheel", onWheel);
  };
}
