import type { Diagnostic } from "../../../shared/diagnostics";
import { getSpec } from "../../../shared/layers/catalog";
import type { Shape } from "../../../shared/shapes/shape";
import { shapesText } from "../../panels/summary/format";
import { NODE_HEIGHT, NODE_WIDTH } from "../../state/project-ops";
import type { FlowNode, FlowState } from "../to-flow";

/**
 * What the zoomed-out canvas draws (OverviewLayer.tsx): the flow view's nodes
 * and edges reduced to rectangles, wires and a few words, in flow coordinates, for the part of the
 * graph on screen. Pure, so that drawing, hit testing and box selection all read one description.
 */
export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

export interface Point {
  x: number;
  y: number;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export type Severity = "error" | "warning";

export interface SceneBlock {
  /** The flow node id: a layer id, or block:<group> for a collapsed group. */
  id: string;
  rect: Rect;
  /** Category in lower case ("convolution"), or "group" for a collapsed group. */
  category: string;
  /** The kind, or the group's name. */
  title: string;
  /** The output shape, or the number of layers a collapsed group holds. */
  detail: string;
  /** What a tooltip says: kind, name and output shape. */
  label: string;
  severity: Severity | null;
  problems: number;
  selected: boolean;
}

export interface SceneWire {
  id: string;
  from: Point;
  to: Point;
  error: boolean;
  selected: boolean;
}

export interface SceneFrame {
  id: string;
  rect: Rect;
  name: string;
  selected: boolean;
}

export interface Scene {
  frames: SceneFrame[];
  wires: SceneWire[];
  blocks: SceneBlock[];
  /** The part of the flow on screen. */
  visible: Rect;
}

/** The parts of the analysis the overview shows (the analysis store's state fits it). */
export interface SceneAnalysis {
  /** The document graph analysed: where a collapsed group's members are found. */
  source: { nodes: readonly { id: string; group?: string }[] };
  graph: { nodes: Record<string, { outputShapes: readonly Shape[] | null; name?: string } | undefined> };
  nodeDiagnostics: Record<string, readonly Diagnostic[]>;
  edgeDiagnostics: Record<string, readonly Diagnostic[]>;
}

/** Screen pixels kept around the view, so a block half off screen is still drawn. */
const MARGIN = 40;

export function buildScene(
  flow: FlowState,
  analysis: SceneAnalysis,
  view: Viewport,
  screen: { width: number; height: number },
): Scene {
  const visible = {
    x: (-view.x - MARGIN) / view.zoom,
    y: (-view.y - MARGIN) / view.zoom,
    width: (screen.width + 2 * MARGIN) / view.zoom,
    height: (screen.height + 2 * MARGIN) / view.zoom,
  };
  const rects = new Map<string, Rect>();
  const frames: SceneFrame[] = [];
  const blocks: SceneBlock[] = [];
  for (const n of flow.nodes) {
    const rect = rectOf(n);
    rects.set(n.id, rect);
    if (!overlaps(rect, visible)) continue;
    if (n.type === "frame") frames.push({ id: n.id, rect, name: n.data.name, selected: false });
    else blocks.push(n.type === "block" ? groupBlock(n, rect, analysis) : layerBlock(n, rect, analysis));
  }
  const wires: SceneWire[] = [];
  for (const e of flow.edges) {
    const s = rects.get(e.source);
    const t = rects.get(e.target);
    if (!s || !t) continue;
    const from = { x: s.x + s.width, y: s.y + s.height / 2 };
    const to = { x: t.x, y: t.y + t.height / 2 };
    if (!overlaps(spanOf(from, to), visible)) continue;
    const error = (analysis.edgeDiagnostics[e.id]?.length ?? 0) > 0;
    wires.push({ id: e.id, from, to, error, selected: e.selected === true });
  }
  return { frames, wires, blocks, visible };
}

function layerBlock(n: FlowNode & { type: "layer" }, rect: Rect, analysis: SceneAnalysis): SceneBlock {
  const a = analysis.graph.nodes[n.id];
  const diagnostics = analysis.nodeDiagnostics[n.id] ?? [];
  const detail = shapesText(a?.outputShapes);
  return {
    id: n.id,
    rect,
    category: categoryOf(n.data.kind),
    title: n.data.kind,
    detail,
    label: `${n.data.kind} ${a?.name ?? n.id} ${detail}`,
    severity: worst(diagnostics),
    problems: diagnostics.length,
    selected: n.selected === true,
  };
}

function groupBlock(n: FlowNode & { type: "block" }, rect: Rect, analysis: SceneAnalysis): SceneBlock {
  const members = analysis.source.nodes.filter((m) => m.group === n.data.groupId);
  const diagnostics = members.flatMap((m) => analysis.nodeDiagnostics[m.id] ?? []);
  const detail = `${n.data.members} layers`;
  return {
    id: n.id,
    rect,
    category: "group",
    title: n.data.name,
    detail,
    label: `Block ${n.data.name}, ${detail}`,
    severity: worst(diagnostics),
    problems: diagnostics.length,
    selected: n.selected === true,
  };
}

/** A kind's category in lower case, as the theme's --cat-* colours are named ("core" if unknown). */
export const categoryOf = (kind: string): string => (getSpec(kind)?.category ?? "Core").toLowerCase();

function worst(diagnostics: readonly Diagnostic[]): Severity | null {
  if (diagnostics.some((d) => d.severity === "error")) return "error";
  return diagnostics.length > 0 ? "warning" : null;
}

export function rectOf(n: FlowNode): Rect {
  return {
    x: n.position.x,
    y: n.position.y,
    width: n.measured?.width ?? n.width ?? NODE_WIDTH,
    height: n.measured?.height ?? n.height ?? NODE_HEIGHT,
  };
}

/** A wire's bounds: its ends, and room for the curve of a wire that runs backwards. */
function spanOf(a: Point, b: Point): Rect {
  const bend = a.x > b.x ? 60 : 0;
  const x = Math.min(a.x, b.x) - bend;
  const y = Math.min(a.y, b.y);
  return { x, y, width: Math.abs(a.x - b.x) + 2 * bend, height: Math.abs(a.y - b.y) };
}

export const overlaps = (a: Rect, b: Rect) =>
  a.x <= b.x + b.width && b.x <= a.x + a.width && a.y <= b.y + b.height && b.y <= a.y + a.height;

const contains = (outer: Rect, inner: Rect) =>
  inner.x >= outer.x &&
  inner.y >= outer.y &&
  inner.x + inner.width <= outer.x + outer.width &&
  inner.y + inner.height <= outer.y + outer.height;

/** A screen point (relative to the canvas) in flow coordinates. */
export const toFlow = (view: Viewport, p: Point): Point => ({
  x: (p.x - view.x) / view.zoom,
  y: (p.y - view.y) / view.zoom,
});

/** The block under a flow point, the one drawn last (on top) first; `slack` widens every block. */
export function blockAt(scene: Scene, p: Point, slack = 0): SceneBlock | null {
  for (let i = scene.blocks.length - 1; i >= 0; i--) {
    const { rect } = scene.blocks[i];
    if (
      p.x >= rect.x - slack &&
      p.x <= rect.x + rect.width + slack &&
      p.y >= rect.y - slack &&
      p.y <= rect.y + rect.height + slack
    )
      return scene.blocks[i];
  }
  return null;
}

/** Blocks wholly inside a flow rectangle, as React Flow's box selection picks them. */
export const blocksInside = (scene: Scene, rect: Rect): SceneBlock[] =>
  scene.blocks.filter((b) => contains(rect, b.rect));

/** The rectangle spanned by two points, whichever way it was dragged. */
export const spanned = (a: Point, b: Point): Rect => ({
  x: Math.min(a.x, b.x),
  y: Math.min(a.y, b.y),
  width: Math.abs(a.x - b.x),
  height: Math.abs(a.y - b.y),
});
