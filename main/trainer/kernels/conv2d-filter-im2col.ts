import type * as tf from "@tensorflow/tfjs";
import { allocate, callKernel, type Info, release, view } from "./kernel-util";
import { simdFor } from "./simd";

/**
 * Conv2DBackpropFilter (NHWC) as im2col + ONE matrix product, for wasm:
 *
 *   dW[(i, j, ci), co] = sum_{(n, oh, ow)} P[(i, j, ci), (n, oh, ow)] * dy[(n, oh, ow), co]
 *   with P[(i, j, ci), (n, oh, ow)] = xpad[n, oh*sh + i, ow*sw + j, ci]
 *
 * P is gathered in the wasm heap (simd.ts; a JS loop where that module is unavailable) out of x
 * transposed to [Cin, N, H, W] (so each row segment is contiguous for stride 1), then multiplied by dy viewed as
 * [N*oH*oW, Cout] on XNNPACK's fast path. The result is already [kh, kw, Cin, Cout].
 * Measured on the benchmark CNN (wasm): conv1 ([64,28,28,1], 3x3x32) 12 ms -> ~4 ms, where the
 * one-convolution form (conv2d-backprop-filter.ts) runs a 26x26 filter over a 3x3 output, a shape
 * XNNPACK handles poorly.
 */
/**
 * Up to this many filter rows (kh·kw·Cin) the product runs in simd-gemm.ts's tallGemm: measured
 * with a fresh dy per call, 3x3x1 -> 32 over 64 MNIST images 12 ms -> 3.8 ms, but 3x3x3 -> 32
 * 13 ms -> 15 ms (XNNPACK's packing pays off from ~20 rows).
 */
const TALL_ROWS = 16;

export function im2colFilterGrad(
  backendName: string,
  backend: unknown,
  x: Info,
  dy: Info,
  info: tf.backend_util.Conv2DInfo,
): Info {
  const run = (name: string, ins: tf.NamedTensorInfoMap, a: tf.NamedAttrMap) =>
    callKernel(backendName, backend, name, ins, a);
  const { batchSize: n, inChannels: cin, outChannels: cout, outHeight: oh, outWidth: ow } = info;
  const { strideHeight: sh, strideWidth: sw, filterHeight: kh, filterWidth: kw } = info;
  const { top, left } = info.padInfo;
  // Zero rows/columns so every window the forward saw lies inside the padded input.
  const bottom = Math.max(0, (oh - 1) * sh + kh - top - info.inHeight);
  const right = Math.max(0, (ow - 1) * sw + kw - left - info.inWidth);
  const padded =
    top || bottom || left || right
      ? run(
          "PadV2",
          { x },
          {
            paddings: [
              [0, 0],
              [top, bottom],
              [left, right],
              [0, 0],
            ],
            constantValue: 0,
          },
        )
      : x;
  const xT = run("Transpose", { x: padded }, { perm: [3, 0, 1, 2] });
  if (padded !== x) release(backend, padded);
  const [, , hp, wp] = xT.shape;
  const m = n * oh * ow;
  const patches = allocate(backend, [1, kh * kw * cin, m]);
  const simd = simdFor(backend);
  if (simd) {
    simd.im2col(simd.address(xT), simd.address(patches), kh, kw, cin, n, oh, ow, hp, wp, sh, sw);
  } else {
    const src = view(backend, xT);
    const dst = view(backend, patches);
    let d = 0;
    for (let i = 0; i < kh; i++) {
      for (let j = 0; j < kw; j++) {
        for (let c = 0; c < cin; c++) {
          for (let b = 0; b < n; b++) {
            const image = (c * n + b) * hp * wp + j;
            for (let r = 0; r < oh; r++) {
              const row = image + (r * sh + i) * wp;
              for (let q = 0; q < ow; q++) dst[d++] = src[row + q * sw];
            }
          }
        }
      }
    }
  }
  release(backend, xT);
  const rows = kh * kw * cin;
  if (simd && rows <= TALL_ROWS && cout % 4 === 0) {
    // A short result from a long product: no packing of dy (simd-gemm.ts).
    const dW = allocate(backend, [kh, kw, cin, cout]);
    view(backend, dW).fill(0);
    simd.tallGemm(simd.address(patches), simd.address(dy), simd.address(dW), rows, m, cout);
    release(backend, patches);
    return dW;
  }
  const dW = run(
    "BatchMatMul",
    { a: patches, b: { ...dy, shape: [1, m, cout] } },
    { transposeA: false, transposeB: false },
  );
  release(backend, patches);
  return { ...dW, shape: [kh, kw, cin, cout] };
}
