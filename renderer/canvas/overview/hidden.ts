/**
 * React Flow nodes and edges marked hidden, for the overview: React Flow keeps them (fit view,
 * selection changes on a pane click) but mounts no component for them. Each hidden copy is kept
 * while its original is, so an unchanged node stays the same object for React Flow.
 */
export function hiddenCopies<T extends object>(items: readonly T[], cache: WeakMap<T, T>): T[] {
  return items.map((item) => {
    let copy = cache.get(item);
    if (!copy) {
      copy = { ...item, hidden: true };
      cache.set(item, copy);
    }
    return copy;
  });
}
