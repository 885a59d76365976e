import * as tf from "@tensorflow/tfjs";
import { callKernel, type Info, release, stockKernel } from "./kernel-util";

/**
 * Conv2DBackpropInput for wasm as ONE forward convolution (probe, section 4.1: wasm's kernel is a
 * plain C++ loop, 330 ms for the benchmark CNN's [64,11,11,64] -> [64,13,13,32]; XNNPACK's forward
 * convolution does the same arithmetic in ~25 ms). For stride 1:
 *
 *   dx[n, h, w, ci] = sum_{i, j, co} dy[n, h + top - i, w + left - j, co] * W[i, j, ci, co]
 *
 * is the correlation of dy, zero-padded by (kh-1-top, kh-1-bottom) and (kw-1-left, kw-1-right),
 * with the filter flipped in both spatial axes and its channel axes swapped: W'[i, j, co, ci] =
 * W[kh-1-i, kw-1-j, ci, co]. Strides > 1 (dy would need zeros between its pixels), NCHW and
 * paddings wider than the kernel keep the stock kernel. Not used on cpu: no faster there (probe).
 */
export function fastConv2DBackpropInput(backendName: string): tf.KernelConfig {
  return {
    kernelName: "Conv2DBackpropInput",
    backendName,
    kernelFunc: (args) => {
      const { inputs, backend } = args;
      const attrs = args.attrs as unknown as tf.Conv2DBackpropInputAttrs;
      const dy = inputs.dy as Info;
      const filter = inputs.filter as Info;
      const info = tf.backend_util.computeConv2DInfo(
        attrs.inputShape,
        filter.shape as [number, number, number, number],
        attrs.strides,
        1,
        attrs.pad,
        attrs.dimRoundingMode,
        false,
        "channelsLast",
      );
      const { filterHeight: kh, filterWidth: kw, padInfo: p } = info;
      const pads = [kh - 1 - p.top, kh - 1 - p.bottom, kw - 1 - p.left, kw - 1 - p.right];
      const stock = stockKernel("Conv2DBackpropInput", backendName);
      if (attrs.dataFormat === "NCHW" || info.strideHeight !== 1 || info.strideWidth !== 1 || pads.some((v) => v < 0)) {
        if (!stock) throw new Error(`Conv2DBackpropInput: no stock kernel on ${backendName}`);
        return stock.kernelFunc(args);
      }
      const run = (name: string, ins: tf.NamedTensorInfoMap, a: tf.NamedAttrMap) =>
        callKernel(backendName, backend, name, ins, a);
      const flipped = run("Reverse", { x: filter }, { dims: [0, 1] });
      const swapped = run("Transpose", { x: flipped }, { perm: [0, 1, 3, 2] });
      release(backend, flipped);
      const dx = run(
        "Conv2D",
        { x: dy, filter: swapped },
        {
          strides: [1, 1],
          pad: [
            [0, 0],
            [pads[0], pads[1]],
            [pads[2], pads[3]],
            [0, 0],
          ],
          dataFormat: "NHWC",
          dilations: [1, 1],
        },
      );
      release(backend, swapped);
      return dx;
    },
  };
}
