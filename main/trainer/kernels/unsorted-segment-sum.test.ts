import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { useBackend } from "../testing/tf-setup";

/**
 * The one-pass UnsortedSegmentSum (unsorted-segment-sum.ts) against a plain-JS sum, with repeated
 * ids, ids out of range (dropped), and an int32 input (which keeps the previous kernel).
 */
function reference(x: number[], ids: number[], n: number, width: number): number[] {
  const out = new Array(n * width).fill(0);
  ids.forEach((s, r) => {
    if (s < 0 || s >= n) return;
    for (let j = 0; j < width; j++) out[s * width + j] += x[r * width + j];
  });
  return out;
}

describe.each(["cpu", "wasm"] as const)("UnsortedSegmentSum on %s", (backend) => {
  beforeAll(() => useBackend(backend));

  it("sums rows into their segments, dropping ids out of range", () => {
    const ids = [3, 0, 3, -1, 5, 1, 0, 9];
    const x = Array.from({ length: 8 * 6 }, (_, i) => Math.sin(i) * 2);
    const got = tf.tidy(() =>
      Array.from(tf.unsortedSegmentSum(tf.tensor(x, [8, 2, 3]), tf.tensor1d(ids, "int32"), 6).dataSync()),
    );
    const want = reference(x, ids, 6, 6);
    for (const [i, g] of got.entries()) expect(g).toBeCloseTo(want[i], 5);
  });

  it("keeps the previous kernel for int32 data", () => {
    const got = tf.tidy(() =>
      Array.from(
        tf
          .unsortedSegmentSum(
            tf.tensor2d(
              [
                [1, 2],
                [3, 4],
                [5, 6],
              ],
              [3, 2],
              "int32",
            ),
            tf.tensor1d([1, 0, 1], "int32"),
            2,
          )
          .dataSync(),
      ),
    );
    expect(got).toEqual([3, 4, 6, 8]);
  });
});
