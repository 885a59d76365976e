import type { Palette } from "./palette";
import type { Point, Scene, SceneBlock, Viewport } from "./scene";

/** Sizes in flow units, as the zoomed-in blocks use them (canvas.css). */
const RADIUS = 8;
const STRIPE = 6;
const TITLE_PX = 24;
const DETAIL_PX = 16;
/** Text smaller than this many screen pixels is not drawn: it could not be read. */
const LEGIBLE_PX = 6;
/** Diagnostic badges stay at least this big on screen, however far out the view is. */
const BADGE_SCREEN_RADIUS = 5;

/**
 * Paints a scene onto a 2D context whose backing store is `dpr` times the CSS size: frames, then
 * wires (batched into one path per style), then blocks with their words and badges.
 */
export function paintScene(
  ctx: CanvasRenderingContext2D,
  scene: Scene,
  view: Viewport,
  dpr: number,
  palette: Palette,
): void {
  const z = view.zoom;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
  ctx.setTransform(dpr * z, 0, 0, dpr * z, dpr * view.x, dpr * view.y);
  const px = 1 / z;
  const text = styles(palette);

  for (const f of scene.frames) {
    ctx.beginPath();
    ctx.roundRect(f.rect.x, f.rect.y, f.rect.width, f.rect.height, RADIUS + 2);
    ctx.fillStyle = palette.accentSoft;
    ctx.fill();
    ctx.setLineDash([6 * px, 4 * px]);
    ctx.lineWidth = 1.5 * px;
    ctx.strokeStyle = palette.border;
    ctx.stroke();
    ctx.setLineDash([]);
    label(ctx, f.name, { x: f.rect.x + 12, y: f.rect.y - 8, width: f.rect.width }, text.frame, z);
  }

  const plain = new Path2D();
  const failing = new Path2D();
  const chosen = new Path2D();
  for (const w of scene.wires) curve(w.error ? failing : w.selected ? chosen : plain, w.from, w.to);
  ctx.lineWidth = 1.5 * px;
  ctx.strokeStyle = palette.edge;
  ctx.stroke(plain);
  ctx.strokeStyle = palette.accent;
  ctx.stroke(chosen);
  ctx.setLineDash([5 * px, 4 * px]);
  ctx.strokeStyle = palette.error;
  ctx.stroke(failing);
  ctx.setLineDash([]);

  for (const b of scene.blocks) block(ctx, b, z, palette, text);
}

function block(ctx: CanvasRenderingContext2D, b: SceneBlock, z: number, palette: Palette, text: Styles): void {
  const { x, y, width, height } = b.rect;
  const px = 1 / z;
  const colours = palette.categories[b.category] ?? palette.categories.core;
  ctx.beginPath();
  ctx.roundRect(x, y, width, height, RADIUS);
  ctx.fillStyle = colours.fill;
  ctx.fill();
  if (b.category === "group") ctx.setLineDash([6 * px, 4 * px]);
  ctx.lineWidth = (b.selected ? 3 : b.severity ? 2 : 1) * px;
  ctx.strokeStyle = b.selected
    ? palette.accent
    : b.severity === "error"
      ? palette.error
      : b.severity === "warning"
        ? palette.warning
        : palette.border;
  ctx.stroke();
  ctx.setLineDash([]);
  ctx.beginPath();
  ctx.roundRect(x, y, STRIPE, height, [RADIUS, 0, 0, RADIUS]);
  ctx.fillStyle = colours.stripe;
  ctx.fill();

  const [left, inner] = [x + STRIPE + 12, width - STRIPE - 20];
  // The kind alone sits in the middle; with the shape under it, the two share the height.
  const both = DETAIL_PX * z >= LEGIBLE_PX;
  label(ctx, b.title, { x: left, y: y + height / 2 + (both ? -4 : TITLE_PX * 0.35), width: inner }, text.title, z);
  label(ctx, b.detail, { x: left, y: y + height / 2 + DETAIL_PX + 2, width: inner }, text.detail, z);

  if (b.severity) {
    const r = Math.max(13, BADGE_SCREEN_RADIUS * px);
    ctx.beginPath();
    ctx.arc(x + width, y, r, 0, 2 * Math.PI);
    ctx.fillStyle = b.severity === "error" ? palette.error : palette.warning;
    ctx.fill();
    label(ctx, String(b.problems), { x: x + width, y: y + 5, width: 2 * r }, text.badge, z);
  }
}

interface TextStyle {
  /** Size in flow units. */
  px: number;
  font: string;
  color: string;
  align: CanvasTextAlign;
}
type Styles = ReturnType<typeof styles>;

function styles(palette: Palette) {
  const style = (px: number, weight: number, family: string, color: string, align: CanvasTextAlign = "left") => ({
    px,
    font: `${weight} ${px}px ${family}`,
    color,
    align,
  });
  return {
    frame: style(TITLE_PX, 600, palette.font, palette.muted),
    title: style(TITLE_PX, 600, palette.font, palette.text),
    detail: style(DETAIL_PX, 400, palette.mono, palette.muted),
    badge: style(14, 700, palette.font, "#fff", "center"),
  };
}

/**
 * Text drawn only when it is legible at zoom `z`, and cut with an ellipsis to `at.width` (flow
 * units). Widths are cached: the same few kinds and shapes recur on every frame.
 */
function label(
  ctx: CanvasRenderingContext2D,
  text: string,
  at: Point & { width: number },
  style: TextStyle,
  z: number,
) {
  if (style.px * z < LEGIBLE_PX || !text) return;
  ctx.font = style.font;
  const shown = ellipsize(ctx, text, style.font, at.width);
  if (!shown) return;
  ctx.textAlign = style.align;
  ctx.fillStyle = style.color;
  ctx.fillText(shown, at.x, at.y);
}

const widths = new Map<string, number>();
function measure(ctx: CanvasRenderingContext2D, text: string, font: string): number {
  const key = `${font}\u0000${text}`;
  let w = widths.get(key);
  if (w === undefined) {
    w = ctx.measureText(text).width;
    if (widths.size > 5000) widths.clear();
    widths.set(key, w);
  }
  return w;
}

function ellipsize(ctx: CanvasRenderingContext2D, text: string, font: string, maxWidth: number): string {
  if (measure(ctx, text, font) <= maxWidth) return text;
  for (let n = text.length - 1; n > 0; n--) {
    const cut = `${text.slice(0, n)}…`;
    if (measure(ctx, cut, font) <= maxWidth) return cut;
  }
  return "";
}

/**
 * A wire from an output (right side) to an input (left side), bent as React Flow's bezier edges
 * are, so that zooming across the level of detail does not reshape the wires.
 */
function curve(path: Path2D, a: Point, b: Point): void {
  const dx = b.x - a.x;
  const offset = dx >= 0 ? 0.5 * dx : 0.25 * 25 * Math.sqrt(-dx);
  path.moveTo(a.x, a.y);
  path.bezierCurveTo(a.x + offset, a.y, b.x - offset, b.y, b.x, b.y);
}
