import * as tf from "@tensorflow/tfjs";
import { type Info, nhwc, output, readF32 } from "./kernel-util";

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
      const win = windows(x, attrs as unknown as tf.MaxPoolGradAttrs);
      const { inHeight, inWidth, inChannels: c } = win.info;
      const xs = readF32(backend, x);
      const dy = readF32(backend, inputs.dy as Info);
      const dx = new Float32Array(xs.length);
      const best = new Float32Array(c);
      const arg = new Int32Array(c);
      win.each((dyOffset, b, h0, h1, w0, w1) => {
        best.fill(Number.NEGATIVE_INFINITY);
        arg.fill(-1);
        for (let h = h0; h < h1; h++) {
          for (let w = w0; w < w1; w++) {
            const base = ((b * inHeight + h) * inWidth + w) * c;
            for (let k = 0; k < c; k++) {
              const v = xs[base + k];
              if (v > best[k] || arg[k] < 0) {
                best[k] = v;
                arg[k] = base + k;
              }
            }
          }
        }
        for (let k = 0; k < c; k++) if (arg[k] >= 0) dx[arg[k]] += dy[dyOffset + k];
      });
      return output(backend, dx, x.shape);
    },
  };
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
