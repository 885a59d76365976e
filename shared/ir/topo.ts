/**
 * Kahn's algorithm. Deterministic: among ready nodes, the one listed first in `nodes` goes first,
 * so a saved graph always compiles in the same order. Nodes left over sit on or behind a cycle.
 */
export function topologicalOrder(
  nodes: readonly string[],
  edges: readonly { source: string; target: string }[],
): { order: string[]; cyclic: string[]; onCycle: string[] } {
  const index = new Map(nodes.map((id, i) => [id, i]));
  const indegree = new Array<number>(nodes.length).fill(0);
  const successors: number[][] = nodes.map(() => []);
  for (const e of edges) {
    const s = index.get(e.source);
    const t = index.get(e.target);
    if (s === undefined || t === undefined) continue;
    successors[s].push(t);
    indegree[t]++;
  }
  // A binary heap keyed by position keeps the order stable without sorting the frontier each time.
  const ready = new MinHeap();
  for (let i = 0; i < indegree.length; i++) if (indegree[i] === 0) ready.push(i);
  const order: string[] = [];
  while (ready.size > 0) {
    const i = ready.pop();
    order.push(nodes[i]);
    for (const t of successors[i]) if (--indegree[t] === 0) ready.push(t);
  }
  const placed = new Set(order);
  const cyclic = nodes.filter((id) => !placed.has(id));
  return { order, cyclic, onCycle: peelDownstream(cyclic, edges) };
}

/**
 * Of the nodes Kahn could not place, drops those that merely sit downstream of a cycle (peeling
 * sinks backwards), leaving the nodes on cycles, which are the ones a user has to fix.
 */
function peelDownstream(cyclic: readonly string[], edges: readonly { source: string; target: string }[]): string[] {
  const left = new Set(cyclic);
  const outdegree = new Map(cyclic.map((id) => [id, 0]));
  const preds = new Map<string, string[]>(cyclic.map((id) => [id, []]));
  for (const e of edges) {
    if (left.has(e.source) && left.has(e.target)) {
      outdegree.set(e.source, (outdegree.get(e.source) ?? 0) + 1);
      preds.get(e.target)?.push(e.source);
    }
  }
  const sinks = cyclic.filter((id) => outdegree.get(id) === 0);
  while (sinks.length > 0) {
    const id = sinks.pop() as string;
    left.delete(id);
    for (const p of preds.get(id) ?? []) {
      const d = (outdegree.get(p) ?? 0) - 1;
      outdegree.set(p, d);
      if (d === 0) sinks.push(p);
    }
  }
  return cyclic.filter((id) => left.has(id));
}

class MinHeap {
  private a: number[] = [];
  get size(): number {
    return this.a.length;
  }
  push(x: number): void {
    const a = this.a;
    a.push(x);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (a[p] <= x) break;
      a[i] = a[p];
      i = p;
    }
    a[i] = x;
  }
  pop(): number {
    const a = this.a;
    const top = a[0];
    const last = a.pop() as number;
    if (a.length > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= a.length) break;
        const c = l + 1 < a.length && a[l + 1] < a[l] ? l + 1 : l;
        if (a[c] >= last) break;
        a[i] = a[c];
        i = c;
      }
      a[i] = last;
    }
    return top;
  }
}
