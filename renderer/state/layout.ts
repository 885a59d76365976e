import type { Project } from "../../shared/ir/project";
import { topologicalOrder } from "../../shared/ir/topo";
import { NODE_HEIGHT, STEP_X, withGraph } from "./project-ops";

/**
 * Left-to-right layered layout (Sugiyama): longest-path layers, dummy nodes on edges that skip
 * layers, barycenter ordering sweeps to reduce crossings, then vertical placement that lines
 * each node up with its inputs. Written out (about 150 lines) rather than adding dagre; it lays
 * out 500 nodes in a few milliseconds. The result keeps the top-left corner of the old drawing.
 */

const GAP_Y = 48;
const DUMMY_HEIGHT = 16;
const SWEEPS = 6;
/** Farther than any drawing reaches (a billion pixels), yet whole pixels still add up exactly. */
const MAX_COORD = 1e9;

interface Item {
  id: string;
  real: boolean;
  layer: number;
  preds: Item[];
  succs: Item[];
  order: number;
  y: number;
}

export function autoLayout(p: Project, analysis?: { graph: { order: readonly string[] } }): Project {
  const nodes = p.graph.nodes;
  if (nodes.length === 0) return p;
  const ids = nodes.map((n) => n.id as string);
  const known = new Set(ids);
  const edges = p.graph.edges.filter((e) => known.has(e.source) && known.has(e.target) && e.source !== e.target);
  const hinted = analysis?.graph.order.length === ids.length ? [...analysis.graph.order] : null;
  const topo = hinted ?? topologicalOrder(ids, edges).order;
  const placed = new Set(topo);
  const order = [...topo, ...ids.filter((id) => !placed.has(id))];
  const rank = new Map(order.map((id, i) => [id, i]));

  // Layers: longest path from the sources; edges pointing backwards in the order (cycles) are skipped.
  const items = new Map<string, Item>(
    order.map((id) => [id, { id, real: true, layer: 0, preds: [], succs: [], order: 0, y: 0 }]),
  );
  const forward = edges.filter((e) => (rank.get(e.source) as number) < (rank.get(e.target) as number));
  const incoming = new Map<string, string[]>();
  for (const e of forward) incoming.set(e.target, [...(incoming.get(e.target) ?? []), e.source]);
  for (const id of order) {
    const item = items.get(id) as Item;
    for (const s of incoming.get(id) ?? []) item.layer = Math.max(item.layer, (items.get(s) as Item).layer + 1);
  }
  pullSourcesRight(order, items, forward);

  const layers: Item[][] = [];
  const put = (it: Item) => {
    for (let l = layers.length; l <= it.layer; l++) layers.push([]);
    it.order = layers[it.layer].length;
    layers[it.layer].push(it);
  };
  for (const id of order) put(items.get(id) as Item);
  let dummies = 0;
  const seen = new Set<string>();
  for (const e of forward) {
    const key = `${e.source}>${e.target}`;
    if (seen.has(key)) continue;
    seen.add(key);
    let from = items.get(e.source) as Item;
    const to = items.get(e.target) as Item;
    for (let l = from.layer + 1; l < to.layer; l++) {
      const d: Item = { id: `~${dummies++}`, real: false, layer: l, preds: [from], succs: [], order: 0, y: 0 };
      from.succs.push(d);
      put(d);
      from = d;
    }
    from.succs.push(to);
    to.preds.push(from);
  }

  for (let sweep = 0; sweep < SWEEPS; sweep++) {
    const down = sweep % 2 === 0;
    const range = down ? layers.slice(1) : layers.slice(0, -1).reverse();
    for (const layer of range) reorder(layer, down ? "preds" : "succs");
  }

  for (const layer of layers) place(layer, "preds", () => true, true);
  for (let l = layers.length - 2; l >= 0; l--) place(layers[l], "succs", (it) => it.preds.length === 0, false);

  const old = bounds(nodes.map((n) => n.position ?? { x: 0, y: 0 }));
  const fresh = bounds([...items.values()].map((it) => ({ x: it.layer * STEP_X, y: it.y })));
  const dx = old.x - fresh.x;
  const dy = old.y - fresh.y;
  let changed = false;
  const next = nodes.map((n) => {
    const it = items.get(n.id) as Item;
    const position = { x: Math.round(it.layer * STEP_X + dx), y: Math.round(it.y + dy) };
    if (n.position && n.position.x === position.x && n.position.y === position.y) return n;
    changed = true;
    return { ...n, position };
  });
  return changed ? withGraph(p, { nodes: next }) : p;
}

/** A source feeding only later layers (a second Input, a label) moves right, next to its first consumer. */
function pullSourcesRight(
  order: string[],
  items: Map<string, Item>,
  forward: readonly { source: string; target: string }[],
) {
  const consumers = new Map<string, number>();
  const hasPred = new Set(forward.map((e) => e.target));
  for (const e of forward) {
    const l = (items.get(e.target) as Item).layer;
    consumers.set(e.source, Math.min(consumers.get(e.source) ?? l, l));
  }
  for (const id of order) {
    const first = consumers.get(id);
    if (!hasPred.has(id) && first !== undefined) (items.get(id) as Item).layer = first - 1;
  }
}

function reorder(layer: Item[], side: "preds" | "succs"): void {
  const key = new Map<Item, number>();
  for (const it of layer) {
    const nb = it[side];
    key.set(it, nb.length ? nb.reduce((s, n) => s + n.order, 0) / nb.length : it.order);
  }
  layer.sort((a, b) => (key.get(a) as number) - (key.get(b) as number) || a.order - b.order);
  layer.forEach((it, i) => {
    it.order = i;
  });
}

const height = (it: Item) => (it.real ? NODE_HEIGHT : DUMMY_HEIGHT);

/**
 * Places a layer top to bottom in its order, each item as close as spacing allows to the mean y of
 * its neighbours on `side` (items that `move` rejects, or without neighbours, stay where they are),
 * then, when `center` is set, shifts the layer up so it sits centred on those targets.
 */
function place(layer: Item[], side: "preds" | "succs", move: (it: Item) => boolean, center: boolean): void {
  const target = layer.map((it) => {
    const nb = it[side];
    return move(it) && nb.length > 0 ? nb.reduce((s, n) => s + n.y, 0) / nb.length : it.y;
  });
  const ys: number[] = [];
  for (let i = 0; i < layer.length; i++) {
    const min = i === 0 ? Number.NEGATIVE_INFINITY : ys[i - 1] + (height(layer[i - 1]) + height(layer[i])) / 2 + GAP_Y;
    ys.push(Math.max(target[i], min));
  }
  const shift = center ? layer.reduce((s, _it, i) => s + (target[i] - ys[i]), 0) / layer.length : 0;
  layer.forEach((it, i) => {
    it.y = ys[i] + shift;
  });
}

/**
 * The top-left corner of `points`. Only the canvas' reach counts: a position that is not a number,
 * or so far out that 300 px steps vanish in its rounding, would make every block land on one spot.
 */
function bounds(points: readonly { x: number; y: number }[]): { x: number; y: number } {
  let x = Number.POSITIVE_INFINITY;
  let y = Number.POSITIVE_INFINITY;
  const usable = (v: number) => Number.isFinite(v) && Math.abs(v) <= MAX_COORD;
  for (const p of points) {
    if (usable(p.x)) x = Math.min(x, p.x);
    if (usable(p.y)) y = Math.min(y, p.y);
  }
  return { x: Number.isFinite(x) ? x : 0, y: Number.isFinite(y) ? y : 0 };
}
