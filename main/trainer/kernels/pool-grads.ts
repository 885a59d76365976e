import * as tf from "@tensorflow/tfjs";
import { allocate, type Info, nhwc, output, readF32, view } from "./kernel-util";
import { simdFor } from "./simd";

/**
 * Pooling gradients as typed-array loops over the forward windows, registered on cpu and wasm:
 * - MaxPoolGrad: wasm's drops the gradient of every all-negative window (probe, section 2.3); cpu's
 *   is right but slow (TensorBuffer.get). Ties go to the first maximum in row-major order, as
 *   tfjs' maxPoolPositions does.
 * - AvgPoolGrad: both divide by the full window, while the forward divides by the number of
 *   in-bounds pixels, so 'same' padding got wrong gradients at the borders. Here each window's
 *   gradient is spread over exactly the pixels the forward averaged.
 */

interface Window {
  info: tf.backend_util.Conv2DInfo;
  /** Visits every output window: its flat dy offset and its in-bounds row/column ranges. */
  each(visit: (dyOffset: number, b: number, h0: number, h1: number, w0: number, w1: number) => void): void;
}

function windows(x: Info, attrs: tf.MaxPoolGradAttrs): Window {
  const info = tf.backend_util.computePool2DInfo(
    nhwc(x),
    attrs.filterSize,
    attrs.strides,
    1,
    attrs.pad,
    attrs.dimRoundingMode,
  );
  const { batchSize, outHeight, outWidth, inHeight, inWidth, strideHeight, strideWidth } = info;
  const { filterHeight, filterWidth, inChannels } = info;
  return {
    info,
    each(visit) {
      for (let b = 0; b < batchSize; b++) {
        for (let oh = 0; oh < outHeight; oh++) {
          const hc = oh * strideHeight - info.padInfo.top;
          const h0 = Math.max(0, hc);
          const h1 = Math.min(inHeight, hc + filterHeight);
          for (let ow = 0; ow < outWidth; ow++) {
            const wc = ow * strideWidth - info.padInfo.left;
            const w0 = Math.max(0, wc);
            const w1 = Math.min(inWidth, wc + filterWidth);
            visit(((b * outHeight + oh) * outWidth + ow) * inChannels, b, h0, h1, w0, w1);
          }
        }
      }
    },
  };
}

function maxPoolGrad(backendName: string): tf.KernelConfig {
  return {
    kernelName: "MaxPoolGrad",
    backendName,
    kernelFunc: ({ inputs, backend, attrs }) => {
      const x = inputs.input as Info;
      const { info } = windows(x, attrs as unknown as tf.MaxPoolGradAttrs);
      const out = allocate(backend, x.shape);
      const dx = view(backend, out);
      dx.fill(0);
      const simd = backendName === "wasm" && info.inChannels % 4 === 0 ? simdFor(backend) : null;
      if (simd) {
        // The same scan as maxPoolScatter, 4 channels per instruction (simd-gather.ts).
        const { batchSize, inHeight, inWidth, inChannels, outHeight, outWidth } = info;
        const { filterHeight, filterWidth, strideHeight, strideWidth, padInfo } = info;
        const [px, pdy, pdx] = [x, inputs.dy as Info, out].map((t) => simd.address(t));
        simd.maxPoolGrad(
          px,
          pdy,
          pdx,
          batchSize,
          inHeight,
          inWidth,
          inChannels,
          outHeight,
          outWidth,
          filterHeight,
          filterWidth,
          strideHeight,
          strideWidth,
          padInfo.top,
          padInfo.left,
        );
        return out;
      }
      maxPoolScatter(info, view(backend, x), view(backend, inputs.dy as Info), dx);
      return out;
    },
  };
}

/**
 * dx[argmax of each window] += dy, channel by channel. Written as flat loops with the first
 * in-bounds pixel seeding each window's maxima: a visitor closure per window made this kernel
 * ~10x slower (profile of the benchmark CNN: 38 ms per step for two pooling layers).
 */
function maxPoolScatter(info: tf.backend_util.Conv2DInfo, xs: Float32Array, dy: Float32Array, dx: Float32Array) {
  const { batchSize, outHeight, outWidth, inHeight, inWidth, strideHeight, strideWidth } = info;
  const { filterHeight, filterWidth, inChannels: c } = info;
  const { top, left } = info.padInfo;
  const best = new Float32Array(c);
  const arg = new Int32Array(c);
  const rowStride = inWidth * c;
  let dyOffset = 0;
  for (let b = 0; b < batchSize; b++) {
    const image = b * inHeight * rowStride;
    for (let oh = 0; oh < outHeight; oh++) {
      const hc = oh * strideHeight - top;
      const h0 = Math.max(0, hc);
      const h1 = Math.min(inHeight, hc + filterHeight);
      for (let ow = 0; ow < outWidth; ow++, dyOffset += c) {
        const wc = ow * strideWidth - left;
        const w0 = Math.max(0, wc);
        const w1 = Math.min(inWidth, wc + filterWidth);
        if (h0 >= h1 || w0 >= w1) continue;
        const first = image + h0 * rowStride + w0 * c;
        if (h1 - h0 === 2 && w1 - w0 === 2) {
          // The common 2x2 window unrolled: about 1.6x faster than the general loop below.
          const p1 = first + c;
          const p2 = first + rowStride;
          const p3 = p2 + c;
          for (let k = 0; k < c; k++) {
            let top = xs[first + k];
            let at = first + k;
            let v = xs[p1 + k];
            if (v > top) {
              top = v;
              at = p1 + k;
            }
            v = xs[p2 + k];
            if (v > top) {
              top = v;
              at = p2 + k;
            }
            if (xs[p3 + k] > top) at = p3 + k;
            dx[at] += dy[dyOffset + k];
          }
          continue;
        }
        for (let k = 0; k < c; k++) {
          best[k] = xs[first + k];
          arg[k] = first + k;
        }
        for (let h = h0; h < h1; h++) {
          for (let w = h === h0 ? w0 + 1 : w0; w < w1; w++) {
            const base = image + h * rowStride + w * c;
            for (let k = 0; k < c; k++) {
              const v = xs[base + k];
              if (v > best[k]) {
                best[k] = v;
                arg[k] = base + k;
              }
            }
          }
        }
        for (let k = 0; k < c; k++) dx[arg[k]] += dy[dyOffset + k];
      }
    }
  }
}

function avgPoolGrad(backendName: string): tf.KernelConfig {
  return {
    kernelName: "AvgPoolGrad",
    backendName,
    kernelFunc: ({ inputs, backend, attrs }) => {
      const x = inputs.input as Info;
      const win = windows(x, attrs as unknown as tf.MaxPoolGradAttrs);
      const { inHeight, inWidth, inChannels: c } = win.info;
      const dy = readF32(backend, inputs.dy as Info);
      const dx = new Float32Array(x.shape.reduce((a, b) => a * b, 1));
      const share = new Float32Array(c);
      win.each((dyOffset, b, h0, h1, w0, w1) => {
        const count = (h1 - h0) * (w1 - w0);
        if (count <= 0) return;
        for (let k = 0; k < c; k++) share[k] = dy[dyOffset + k] / count;
        for (let h = h0; h < h1; h++) {
          for (let w = w0; w < w1; w++) {
            const base = ((b * inHeight + h) * inWidth + w) * c;
            for (let k = 0; k < c; k++) dx[base + k] += share[k];
          }
        }
      });
      return output(backend, dx, x.shape);
    },
  };
}

export const poolGradKernels = (backendName: string): tf.KernelConfig[] => [
  maxPoolGrad(backendName),
  avgPoolGrad(backendName),
];
