import type * as tf from "@tensorflow/tfjs";
import { type Info, nhwc, output, readF32 } from "./kernel-util";

/**
 * ResizeNearestNeighborGrad for cpu and wasm. tfjs 4.22's cpu kernel indexes dy with the images'
 * batch stride, so every batch item after the first gets a wrong gradient (probe, section 2.3:
 * UpSampling2D(nearest) trains wrongly on cpu); its wasm kernel ignores halfPixelCenters. This one maps each output pixel to its source
 * pixel with the forward kernel's own formula and adds dy there (a scatter-add).
 */
function sourceIndex(n: number, inSize: number, outSize: number, attrs: tf.ResizeNearestNeighborAttrs): Int32Array {
  const { alignCorners, halfPixelCenters } = attrs;
  // As tfjs-backend-cpu's ResizeNearestNeighbor computes it.
  const ratio = alignCorners && outSize > 1 ? (inSize - 1) / (outSize - 1) : inSize / outSize;
  const src = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const frac = halfPixelCenters ? ratio * (i + 0.5) : ratio * i;
    let s = Math.min(inSize - 1, alignCorners ? Math.round(frac) : Math.floor(frac));
    if (halfPixelCenters) s = Math.max(0, s);
    src[i] = s;
  }
  return src;
}

export function resizeNearestNeighborGrad(backendName: string): tf.KernelConfig {
  return {
    kernelName: "ResizeNearestNeighborGrad",
    backendName,
    kernelFunc: ({ inputs, backend, attrs }) => {
      const images = inputs.images as Info;
      const dyInfo = inputs.dy as Info;
      const a = attrs as unknown as tf.ResizeNearestNeighborAttrs;
      const [batch, inH, inW, c] = nhwc(images);
      const [, outH, outW] = nhwc(dyInfo);
      const rows = sourceIndex(outH, inH, outH, a);
      const cols = sourceIndex(outW, inW, outW, a);
      const dy = readF32(backend, dyInfo);
      const dx = new Float32Array(batch * inH * inW * c);
      for (let b = 0; b < batch; b++) {
        for (let r = 0; r < outH; r++) {
          const rowBase = (b * inH + rows[r]) * inW;
          for (let q = 0; q < outW; q++) {
            const from = ((b * outH + r) * outW + q) * c;
            const to = (rowBase + cols[q]) * c;
            for (let k = 0; k < c; k++) dx[to + k] += dy[from + k];
          }
        }
      }
      return output(backend, dx, images.shape);
    },
  };
}
