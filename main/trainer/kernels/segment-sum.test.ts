import * as tf from "@tensorflow/tfjs";
import { describe, expect, it } from "vitest";
import { normalValues, seededRandom } from "../testing/gradcheck";
import { useBackend } from "../testing/tf-setup";

/**
 * UnsortedSegmentSum (the gradient of Gather, so of Embedding) on every backend NetForge patches:
 * against a plain loop, with out-of-range ids dropped, int32 values (tfjs' own kernel returned
 * float32) and ids of rank 2, and as an Embedding's gradient. Its speed (tfjs' kernel ran three
 * ops per segment) is measured by bench:templates, not here.
 */
const rng = seededRandom(7);

/** The reference: out[ids[r]] += x[r] over rows, ids outside [0, n) dropped. */
function reference(x: number[], ids: number[], n: number): number[] {
  const inner = x.length / ids.length;
  const out = new Array(n * inner).fill(0);
  ids.forEach((s, r) => {
    if (s < 0 || s >= n) return;
    for (let j = 0; j < inner; j++) out[s * inner + j] += x[r * inner + j];
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
  it("sums rows into their segments, dropping ids outside [0, numSegments)", async () => {
    await useBackend(backend);
    const ids = [3, 0, 3, 9, -1, 2, 0, 5];
    const x = Array.from(normalValues([8, 4], rng));
    const got = tf.tidy(() => tf.unsortedSegmentSum(tf.tensor2d(x, [8, 4]), tf.tensor1d(ids, "int32"), 6));
    expect(got.shape).toEqual([6, 4]);
    const want = reference(x, ids, 6);
    const diff = Math.max(...Array.from(got.dataSync(), (v, i) => Math.abs(v - want[i])));
    expect(diff).toBeLessThan(1e-5);
    got.dispose();
  });

  it("keeps int32 values, and takes ids of rank 2 over the leading axes of x", async () => {
    await useBackend(backend);
    const got = tf.tidy(() =>
      tf.unsortedSegmentSum(
        tf.tensor3d([1, 2, 3, 4, 5, 6, 7, 8], [2, 2, 2], "int32"),
        tf.tensor2d([1, 1, 0, 4], [2, 2], "int32") as unknown as tf.Tensor1D,
        3,
      ),
    );
    expect(got.dtype).toBe("int32");
    expect(got.shape).toEqual([3, 2]);
    expect(Array.from(got.dataSync())).toEqual([5, 6, 4, 6, 0, 0]);
    got.dispose();
  });

  it("gives an Embedding's gradient: each row twice itself times its token count", async () => {
    await useBackend(backend);
    const table = tf.variable(tf.randomNormal([700, 16], 0, 1, "float32", 1));
    const tokens = tf.tensor2d(
      Array.from({ length: 64 }, (_, i) => (i * 37) % 700),
      [4, 16],
      "int32",
    );
    const { grads: all } = tf.variableGrads(() => tf.gather(table, tokens).square().sum() as tf.Scalar, [table]);
    const grads = [all[table.name]];
    // d/dtable of sum(gather^2): 2 * row * (times the token occurs).
    const counts = new Array(700).fill(0);
    for (const t of tokens.dataSync()) counts[t]++;
    const rows = table.arraySync() as number[][];
    const g = grads[0].arraySync() as number[][];
    const diffs = [0, 37, 74, 699, 1].flatMap((t) => rows[t].map((v, j) => Math.abs(g[t][j] - 2 * v * counts[t])));
    expect(Math.max(...diffs)).toBeLessThan(1e-4);
    tf.dispose([table, tokens, ...grads]);
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
