/**
 * At most one call per interval; the latest value wins. Per-batch progress goes through this so a
 * fast model cannot flood the host (about 10 messages a second), and the last batch is never lost:
 * `flush` sends whatever is pending, e.g. at the end of an epoch.
 */
export function throttleLatest<T>(send: (value: T) => void, intervalMs = 100, now: () => number = Date.now) {
  let last = -Infinity;
  let pending: { value: T } | null = null;
  return {
    push(value: T): void {
      const t = now();
      if (t - last >= intervalMs) {
        last = t;
        pending = null;
        send(value);
      } else {
        pending = { value };
      }
    },
    flush(): void {
      if (pending) {
        last = now();
        send(pending.value);
        pending = null;
      }
    },
  };
}
