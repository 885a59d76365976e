import * as tf from "@tensorflow/tfjs";
import { type Info, output, readF32 } from "./kernel-util";

/**
 * The depthwise convolution's two gradient kernels as typed-array loops, for cpu and wasm. wasm
 * has none (probe, section 2.2) and cpu's use TensorBuffer.get per element: a [32,16,16,32] 3x3
 * gradient took 650-850 ms on either backend against 1-3 ms for the forward pass (now ~60 ms on
 * wasm, ~150 ms on cpu). Unlike cpu's, these honour `dilations` (tfjs never passes > 1: its
 * gradient refuses dilated depthwise convolutions; NetForge's go through spaceToBatchND). They walk
 * the forward's (batch, output row, output column, tap) positions, so the channel loops innermost
 * are contiguous in NHWC:
 *   dW[a, b, c, m] += x[n, i*sh + a*dh - top, j*sw + b*dw - left, c] * dy[n, i, j, c*M + m]
 *   dx[n, i*sh + a*dh - top, j*sw + b*dw - left, c] += W[a, b, c, m] * dy[n, i, j, c*M + m]
 */

type DepthwiseAttrs = tf.DepthwiseConv2dNativeBackpropFilterAttrs & { inputShape?: number[] };

function forEachTap(
  info: tf.backend_util.Conv2DInfo,
  visit: (xOffset: number, dyOffset: number, wOffset: number) => void,
): void {
  const { batchSize, inHeight, inWidth, inChannels, outHeight, outWidth, outChannels } = info;
  const { strideHeight, strideWidth, dilationHeight, dilationWidth, filterHeight, filterWidth } = info;
  const { top, left } = info.padInfo;
  for (let n = 0; n < batchSize; n++) {
    for (let i = 0; i < outHeight; i++) {
      for (let j = 0; j < outWidth; j++) {
        const dyOffset = ((n * outHeight + i) * outWidth + j) * outChannels;
        for (let a = 0; a < filterHeight; a++) {
          const r = i * strideHeight + a * dilationHeight - top;
          if (r < 0 || r >= inHeight) continue;
          for (let b = 0; b < filterWidth; b++) {
            const s = j * strideWidth + b * dilationWidth - left;
            if (s < 0 || s >= inWidth) continue;
            visit(((n * inHeight + r) * inWidth + s) * inChannels, dyOffset, (a * filterWidth + b) * outChannels);
          }
        }
      }
    }
  }
}

const convInfo = (xShape: number[], filterShape: number[], a: DepthwiseAttrs) =>
  tf.backend_util.computeConv2DInfo(
    xShape as [number, number, number, number],
    filterShape as [number, number, number, number],
    a.strides,
    a.dilations,
    a.pad,
    a.dimRoundingMode,
    true,
  );

function backpropFilter(backendName: string): tf.KernelConfig {
  return {
    kernelName: "DepthwiseConv2dNativeBackpropFilter",
    backendName,
    kernelFunc: ({ inputs, backend, attrs }) => {
      const a = attrs as unknown as DepthwiseAttrs;
      const x = inputs.x as Info;
      const info = convInfo(x.shape, a.filterShape, a);
      const [xs, dy] = [readF32(backend, x), readF32(backend, inputs.dy as Info)];
      const c = info.inChannels;
      const m = info.outChannels / c;
      const dW = new Float32Array(info.filterHeight * info.filterWidth * info.outChannels);
      forEachTap(info, (xo, dyo, wo) => {
        for (let k = 0; k < c; k++) {
          const v = xs[xo + k];
          for (let q = 0; q < m; q++) dW[wo + k * m + q] += v * dy[dyo + k * m + q];
        }
      });
      return output(backend, dW, [...a.filterShape]);
    },
  };
}

function backpropInput(backendName: string): tf.KernelConfig {
  return {
    kernelName: "DepthwiseConv2dNativeBackpropInput",
    backendName,
    kernelFunc: ({ inputs, backend, attrs }) => {
      const a = attrs as unknown as DepthwiseAttrs;
      const filter = inputs.filter as Info;
      const xShape = a.inputShape as number[];
      const info = convInfo(xShape, filter.shape, a);
      const [w, dy] = [readF32(backend, filter), readF32(backend, inputs.dy as Info)];
      const c = info.inChannels;
      const m = info.outChannels / c;
      const dx = new Float32Array(xShape.reduce((p, d) => p * d, 1));
      forEachTap(info, (xo, dyo, wo) => {
        for (let k = 0; k < c; k++) {
          let sum = 0;
          for (let q = 0; q < m; q++) sum += w[wo + k * m + q] * dy[dyo + k * m + q];
          dx[xo + k] += sum;
        }
      });
      return output(backend, dx, [...xShape]);
    },
  };
}

export const depthwiseGradKernels = (backendName: string): tf.KernelConfig[] => [
  backpropFilter(backendName),
  backpropInput(backendName),
];
