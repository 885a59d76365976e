import * as tf from "@tensorflow/tfjs";
import { describe, expect, it } from "vitest";
import { normalValues, seededRandom } from "../testing/gradcheck";
import { useBackend } from "../testing/tf-setup";

/**
 * UnsortedSegmentSum (segment-sum.ts): the sums a plain loop gives, ids out of range dropped, and
 * work that does not grow with the number of segments (an Embedding's vocabulary). The stock
 * kernel made, per segment, a scalar and four intermediates on the cpu backend (through the
 * fallback on wasm): counted here as backend allocations, not timed.
 */
function reference(x: Float32Array, ids: number[], inner: number, segments: number): number[] {
  const out = new Array(segments * inner).fill(0);
  ids.forEach((s, i) => {
    if (s < 0 || s >= segments) return;
    for (let j = 0; j < inner; j++) out[s * inner + j] += x[i * inner + j];
  });
  return out;
}

/** Counts writes and tensor creations on the active backend (and cpu, which wasm borrowed from) while fn runs. */
function allocations(fn: () => void): number {
  let count = 0;
  const restore: (() => void)[] = [];
  const active = tf.getBackend();
  for (const name of active === "cpu" ? ["cpu"] : [active, "cpu"]) {
    const b = tf.findBackend(name) as unknown as Record<string, (...a: unknown[]) => unknown> | null;
    if (!b) continue;
    for (const method of ["write", "makeTensorInfo"]) {
      const original = b[method];
      b[method] = function (this: unknown, ...args: unknown[]) {
        count++;
        return original.apply(this, args);
      };
      restore.push(() => {
        b[method] = original;
      });
    }
  }
  try {
    fn();
  } finally {
    for (const r of restore) r();
  }
  return count;
}

describe.each(["cpu", "wasm"] as const)("UnsortedSegmentSum on %s", (backend) => {
  it("sums the rows of each segment and drops ids out of range", async () => {
    await useBackend(backend);
    const ids = [3, 0, 3, 7, -1, 0];
    const x = Float32Array.from(normalValues([6, 4], seededRandom(5)));
    const got = tf.tidy(() => tf.unsortedSegmentSum(tf.tensor2d(x, [6, 4]), tf.tensor1d(ids, "int32"), 5).arraySync());
    const want = reference(x, ids, 4, 5);
    expect(got.flat()).toEqual(want.map((v) => Math.fround(v)));
    const ints = tf.tidy(() =>
      tf.unsortedSegmentSum(tf.tensor1d([1, 2, 3, 4], "int32"), tf.tensor1d([1, 1, 0, 1], "int32"), 3).arraySync(),
    );
    expect(ints).toEqual([3, 7, 0]);
  });

  it("an Embedding's gradient does as much work for 2,000 words as for 20", async () => {
    await useBackend(backend);
    const ids = tf.tensor2d([[1, 4, 4, 9, 0, 2]], [1, 6], "int32");
    const cost = (vocabulary: number) => {
      const table = tf.variable(tf.randomNormal([vocabulary, 8]));
      const n = allocations(() => tf.dispose(tf.variableGrads(() => tf.sum(tf.gather(table, ids)), [table]).grads));
      table.dispose();
      return n;
    };
    const small = cost(20);
    expect(cost(2000)).toBe(small);
    ids.dispose();
  });
});
