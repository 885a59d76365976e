import * as tf from "@tensorflow/tfjs";
import { allocate, type Info, view } from "./kernel-util";
import { simdFor } from "./simd";

/**
 * The Relu gradient, dx = dy · step(x), as ONE kernel pass instead of three ops (Step, Cast,
 * Multiply): conv1's [64,26,26,32] in the benchmark CNN took ~2.5 ms on wasm that way; the wasm
 * SIMD pass (simd.ts) takes ~0.4 ms. Same values as tfjs' formula, NaN and ∞ included
 * (step(NaN) = NaN, 0·∞ = NaN). The gradient is registered for every backend (tfjs' registry is global),
 * so on a backend without the kernel (tfjs-node) it is tfjs' own formula.
 */
export const RELU_GRAD = "NetForgeReluGrad";

export function reluGradKernel(backendName: string): tf.KernelConfig {
  return {
    kernelName: RELU_GRAD,
    backendName,
    kernelFunc: ({ inputs, backend }) => {
      const { x, dy } = inputs as Record<string, Info>;
      const out = allocate(backend, x.shape);
      const n = tf.util.sizeFromShape(x.shape);
      const simd = backendName === "wasm" ? simdFor(backend) : null;
      if (simd) {
        simd.reluGrad(simd.address(x), simd.address(dy), simd.address(out), n);
        return out;
      }
      const [xs, g, dx] = [x, dy, out].map((t) => view(backend, t));
      // step(NaN) is NaN in tfjs
      for (let i = 0; i < n; i++) dx[i] = g[i] * (xs[i] > 0 ? 1 : Number.isNaN(xs[i]) ? Number.NaN : 0);
      return out;
    },
  };
}

let registered = false;

export function registerReluGradient(): void {
  if (registered) return;
  registered = true;
  tf.registerGradient({
    kernelName: "Relu",
    inputsToSave: ["x"],
    gradFunc: (dy: tf.Tensor | tf.Tensor[], saved: tf.Tensor[]) => {
      const [x] = saved;
      const g = dy as tf.Tensor;
      if (x.dtype === "float32" && g.dtype === "float32" && tf.getKernel(RELU_GRAD, tf.getBackend())) {
        return { x: () => tf.engine().runKernel(RELU_GRAD, { x, dy: g }) as tf.Tensor };
      }
      return { x: () => tf.mul(g, tf.cast(tf.step(x), "float32")) };
    },
  });
}
