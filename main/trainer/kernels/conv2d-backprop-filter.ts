import * as tf from "@tensorflow/tfjs";
import { im2colFilterGrad } from "./conv2d-filter-im2col";
import { callKernel, type Info, release, stockKernel } from "./kernel-util";

/**
 * Conv2DBackpropFilter as ONE forward convolution of the same backend (probe, section 4.1: the cpu
 * kernel is a TensorBuffer.get loop taking 43 s for [64,13,13,32] -> 3x3x64; wasm has none).
 *
 *   dW[a, b, ci, co] = sum_{n, i, j} x[n, a + i*sh - top, b + j*sw - left, ci] * dy[n, i, j, co]
 *
 * is a correlation of x^T [Cin, H, W, N] (Cin as the batch, N as the channels) with
 * dy^T [oH, oW, N, Cout] as the filter, dilated by the forward stride, with the forward's top/left
 * padding: its output [Cin, kh', kw', Cout] (kh' >= kh) is sliced and transposed to [kh, kw, Cin, Cout].
 * The kernel has no dilations attr: tfjs computes no filter gradient for dilated Conv2D.
 * This form runs on cpu; wasm uses im2col + one product instead (conv2d-filter-im2col.ts).
 */
export function fastConv2DBackpropFilter(backendName: string): tf.KernelConfig {
  return {
    kernelName: "Conv2DBackpropFilter",
    backendName,
    kernelFunc: (args) => {
      const { inputs, backend } = args;
      const attrs = args.attrs as unknown as tf.Conv2DBackpropFilterAttrs;
      const x = inputs.x as Info;
      const dy = inputs.dy as Info;
      if (attrs.dataFormat === "NCHW") {
        const stock = stockKernel("Conv2DBackpropFilter", backendName);
        if (!stock) throw new Error(`Conv2DBackpropFilter: NCHW is not supported on ${backendName}`);
        return stock.kernelFunc(args);
      }
      const info = tf.backend_util.computeConv2DInfo(
        x.shape as [number, number, number, number],
        attrs.filterShape,
        attrs.strides,
        1,
        attrs.pad,
        attrs.dimRoundingMode,
        false,
        "channelsLast",
      );
      // wasm: im2col + one XNNPACK product is faster for every shape measured (conv2d-filter-im2col.ts).
      if (backendName === "wasm") return im2colFilterGrad(backendName, backend, x, dy, info);
      const { strideHeight: sh, strideWidth: sw, filterHeight: kh, filterWidth: kw } = info;
      const { top, left } = info.padInfo;
      // Enough zero rows/columns after the input for kh x kw outputs of the correlation.
      const bottom = Math.max(0, kh + (info.outHeight - 1) * sh - top - info.inHeight);
      const right = Math.max(0, kw + (info.outWidth - 1) * sw - left - info.inWidth);
      const run = (name: string, ins: tf.NamedTensorInfoMap, a: tf.NamedAttrMap) =>
        callKernel(backendName, backend, name, ins, a);
      const xT = run("Transpose", { x }, { perm: [3, 1, 2, 0] });
      const dyT = run("Transpose", { x: dy }, { perm: [1, 2, 0, 3] });
      const corr = run(
        "Conv2D",
        { x: xT, filter: dyT },
        {
          strides: [1, 1],
          pad: [
            [0, 0],
            [top, bottom],
            [left, right],
            [0, 0],
          ],
          dataFormat: "NHWC",
          dilations: [sh, sw],
        },
      );
      release(backend, xT, dyT);
      const [cin, h, w, cout] = corr.shape;
      let cut = corr;
      if (h !== kh || w !== kw) {
        cut = run("Slice", { x: corr }, { begin: [0, 0, 0, 0], size: [cin, kh, kw, cout] });
        release(backend, corr);
      }
      const dW = run("Transpose", { x: cut }, { perm: [1, 2, 0, 3] });
      release(backend, cut);
      return dW;
    },
  };
}
