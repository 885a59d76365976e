import * as tf from "@tensorflow/tfjs";
import { allocate, callKernel, type Info, release, stockKernel, view } from "./kernel-util";
import { simdFor } from "./simd";

/**
 * Conv2DBackpropInput for wasm (probe, section 4.1: wasm's kernel is a plain C++ loop, 330 ms
 * for the benchmark CNN's [64,11,11,64] -> [64,13,13,32]).
 *
 * Stride 1: ONE forward convolution (XNNPACK, ~25 ms for that case).
 *   dx[n, h, w, ci] = sum_{i, j, co} dy[n, h + top - i, w + left - j, co] * W[i, j, ci, co]
 * is the correlation of dy, zero-padded by (kh-1-top, kh-1-bottom) and (kw-1-left, kw-1-right),
 * with the filter flipped in both spatial axes and its channel axes swapped: W'[i, j, co, ci] =
 * W[kh-1-i, kw-1-j, ci, co].
 *
 * Strides > 1 (dy would need zeros between its pixels): a matrix product plus col2im,
 *   dcol[(n, r, q), (i, j, ci)] = sum_co dy[n, r, q, co] * W[i, j, ci, co]   (dy · W2dᵀ, XNNPACK)
 *   dx[n, r*sh + i - top, q*sw + j - left, ci] += dcol[(n, r, q), (i, j, ci)]  (simd.ts col2im)
 * which skips the padding's zeros; for stride 1 it measured no faster than the convolution
 * (its [N*oH*oW, kh*kw*Cin] product has a short inner dimension), so it is used only here.
 * NCHW, and strides > 1 without the SIMD module, keep the stock kernel. Not used on cpu:
 * no faster there (probe).
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
      const strided = info.strideHeight !== 1 || info.strideWidth !== 1 || pads.some((v) => v < 0);
      if (attrs.dataFormat !== "NCHW" && strided && simdFor(backend)) {
        return col2imInput(backendName, backend, dy, filter, info);
      }
      if (attrs.dataFormat === "NCHW" || strided) {
        if (!stock) throw new Error(`Conv2DBackpropInput: no stock kernel on ${backendName}`);
        return stock.kernelFunc(args);
      }
      const run = (name: string, ins: tf.NamedTensorInfoMap, a: tf.NamedAttrMap) =>
        callKernel(backendName, backend, name, ins, a);
      const swapped = flipFilter(backend, filter);
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

function col2imInput(
  backendName: string,
  backend: unknown,
  dy: Info,
  filter: Info,
  info: tf.backend_util.Conv2DInfo,
): Info {
  const simd = simdFor(backend) as NonNullable<ReturnType<typeof simdFor>>;
  const { batchSize: n, outHeight: oh, outWidth: ow, inHeight, inWidth, inChannels: cin, outChannels: cout } = info;
  const { filterHeight: kh, filterWidth: kw, strideHeight: sh, strideWidth: sw, padInfo } = info;
  const m = n * oh * ow;
  const k = kh * kw * cin;
  const dcol = callKernel(
    backendName,
    backend,
    "BatchMatMul",
    { a: { ...dy, shape: [1, m, cout] }, b: { ...filter, shape: [1, k, cout] } },
    { transposeA: false, transposeB: true },
  );
  const dx = allocate(backend, [n, inHeight, inWidth, cin]);
  view(backend, dx).fill(0);
  const args = [n, oh, ow, kh, kw, cin, inHeight, inWidth, sh, sw, padInfo.top, padInfo.left];
  simd.col2im(simd.address(dcol), simd.address(dx), ...args);
  release(backend, dcol);
  return dx;
}

/**
 * W'[i, j, co, ci] = W[kh-1-i, kw-1-j, ci, co] in one JS pass over views: wasm's Reverse kernel
 * indexes element by element (1.1 ms for a 3x3x32x64 filter, ~20x this loop).
 */
function flipFilter(backend: unknown, filter: Info): Info {
  const [kh, kw, cin, cout] = filter.shape;
  const out = allocate(backend, [kh, kw, cout, cin]);
  const [w, f] = [view(backend, filter), view(backend, out)];
  for (let i = 0; i < kh; i++) {
    for (let j = 0; j < kw; j++) {
      const from = ((kh - 1 - i) * kw + (kw - 1 - j)) * cin * cout;
      const to = (i * kw + j) * cout * cin;
      for (let ci = 0; ci < cin; ci++) {
        for (let co = 0; co < cout; co++) f[to + co * cin + ci] = w[from + ci * cout + co];
      }
    }
  }
  return out;
}
