import * as tf from "@tensorflow/tfjs";
import { allocate, callKernel, type Info, release, stockKernel, view } from "./kernel-util";

/**
 * Sum over LEADING axes (a bias gradient: dy [N, H, W, C] summed to [C]). Both backends' Sum
 * first transposes the input so the reduced axes are innermost: a full extra pass over the
 * largest tensor of a CNN step (conv1's [64,26,26,32]: 9 ms on wasm). Here:
 * - wasm: x viewed as [outer, inner, 1, C] and averaged over its [inner, 1] window by the AvgPool
 *   kernel (XNNPACK SIMD, 0.5 ms for that tensor), then the `outer` means times `inner` are
 *   summed in float64: 15x closer to the exact sum than the stock float32 loop, measured.
 * - cpu: one JS pass of row additions into float64 accumulators.
 * Any other reduction, and non-float32 input, keeps the stock kernel.
 */
export function outerSum(backendName: string): tf.KernelConfig {
  return {
    kernelName: "Sum",
    backendName,
    kernelFunc: (args) => {
      const x = args.inputs.x as Info;
      const backend = args.backend;
      const { axis, keepDims } = args.attrs as unknown as tf.SumAttrs;
      const axes = tf.util.parseAxisParam(axis, x.shape).sort((a, b) => a - b);
      const leading = axes.length > 0 && axes.length < x.shape.length && axes.every((a, i) => a === i);
      if (!leading || x.dtype !== "float32" || tf.util.sizeFromShape(x.shape) === 0) {
        return (stockKernel("Sum", backendName) as tf.KernelConfig).kernelFunc(args);
      }
      const kept = x.shape.slice(axes.length);
      const cols = tf.util.sizeFromShape(kept);
      const reduced = x.shape.slice(0, axes.length);
      // outer x inner = the reduced rows; the pooling window spans `inner` of them.
      const outer = reduced.length > 1 ? reduced[0] : 1;
      const inner = tf.util.sizeFromShape(reduced) / outer;
      const acc = new Float64Array(cols);
      let rows: Info = x;
      let scale = 1;
      if (backendName === "wasm" && inner > 1) {
        rows = callKernel(
          backendName,
          backend,
          "AvgPool",
          { x: { ...x, shape: [outer, inner, 1, cols] } },
          { filterSize: [inner, 1], strides: [1, 1], pad: "valid" },
        );
        scale = inner;
      }
      const n = tf.util.sizeFromShape(rows.shape) / cols;
      const values = view(backend, rows);
      for (let r = 0; r < n; r++) {
        const base = r * cols;
        for (let c = 0; c < cols; c++) acc[c] += values[base + c];
      }
      if (rows !== x) release(backend, rows);
      const out = allocate(backend, keepDims ? [...reduced.map(() => 1), ...kept] : kept);
      const o = view(backend, out);
      for (let c = 0; c < cols; c++) o[c] = acc[c] * scale;
      return out;
    },
  };
}
