import * as tf from "@tensorflow/tfjs";
import { output, readValues } from "./kernel-util";

/**
 * UnsortedSegmentSum, the gradient of Gather and so of every Embedding. tfjs' cpu kernel (which
 * the wasm backend borrows, having none) runs Equal, Mul and Sum once per segment, each over the
 * whole input: for an Embedding's gradient, one round per vocabulary entry. Embedding(700, 16) on a
 * batch of 16 x 16 tokens took 1.4-3.5 s a step on this machine, the rest of the model
 * milliseconds. Here one pass adds each row of x into its segment's row. As in TensorFlow, ids
 * outside [0, numSegments) are dropped. Sums accumulate in the input's dtype, as the stock kernel's.
 */
export function fastUnsortedSegmentSum(backendName: string): tf.KernelConfig {
  return {
    kernelName: "UnsortedSegmentSum",
    backendName,
    kernelFunc: ({ inputs, attrs, backend }) => {
      const { x, segmentIds } = inputs as { x: tf.TensorInfo; segmentIds: tf.TensorInfo };
      const { numSegments } = attrs as unknown as tf.UnsortedSegmentSumAttrs;
      const ids = readValues(backend, segmentIds);
      const values = readValues(backend, x);
      const rows = ids.length;
      const inner = rows === 0 ? tf.util.sizeFromShape(x.shape.slice(segmentIds.shape.length)) : values.length / rows;
      const out = x.dtype === "int32" ? new Int32Array(numSegments * inner) : new Float32Array(numSegments * inner);
      for (let r = 0; r < rows; r++) {
        const s = ids[r];
        if (s < 0 || s >= numSegments) continue;
        const [from, to] = [r * inner, s * inner];
        for (let j = 0; j < inner; j++) out[to + j] += values[from + j];
      }
      return output(backend, out, [numSegments, ...x.shape.slice(segmentIds.shape.length)], x.dtype);
    },
  };
}
