import * as tf from "@tensorflow/tfjs";
import { type Info, output, readValues } from "./kernel-util";

/**
 * UnsortedSegmentSum, the gradient of Gather and so of every Embedding: out[ids[i]] += x[i].
 * tfjs' cpu kernel (and the wasm backend, which has none and borrowed it) loops over the
 * segments, one mask-multiply-sum pass over all of x per segment: O(vocabulary x tokens x dim).
 * A 700-word Embedding then took 2-3 s per batch of 16 sentences; this is one pass over x.
 * Ids outside [0, numSegments) contribute nothing, as in the stock kernel.
 */
export function segmentSumKernel(backendName: string): tf.KernelConfig {
  return {
    kernelName: "UnsortedSegmentSum",
    backendName,
    kernelFunc: ({ inputs, attrs, backend }) => {
      const { x, segmentIds } = inputs as { x: Info; segmentIds: Info };
      const { numSegments } = attrs as unknown as tf.UnsortedSegmentSumAttrs;
      const ids = readValues(backend, segmentIds);
      const values = readValues(backend, x);
      const rowShape = x.shape.slice(segmentIds.shape.length);
      const inner = tf.util.sizeFromShape(rowShape);
      // Float64 accumulators: a frequent token sums many rows.
      const acc = new Float64Array(numSegments * inner);
      for (let i = 0; i < ids.length; i++) {
        const s = ids[i];
        if (s < 0 || s >= numSegments) continue;
        const to = s * inner;
        const from = i * inner;
        for (let j = 0; j < inner; j++) acc[to + j] += values[from + j];
      }
      const out = x.dtype === "int32" ? Int32Array.from(acc) : Float32Array.from(acc);
      return output(backend, out, [numSegments, ...rowShape], x.dtype);
    },
  };
}
