import * as tf from "@tensorflow/tfjs";
import { allocate, type Info, view } from "./kernel-util";
import { simdFor } from "./simd";

/**
 * One Adam update of one weight as a single kernel (cpu and wasm):
 *   m' = β1·m + (1-β1)·g,  v' = β2·v + (1-β2)·g²,
 *   w' = w - lr · (m' / (1-β1^t)) / (sqrt(v' / (1-β2^t)) + ε)
 * exactly tfjs' AdamOptimizer arithmetic (bias corrections from its accBeta variables), in one
 * pass instead of ~14 taped ops per weight: the benchmark MLP's Adam took ~3 ms of a ~16 ms
 * step on wasm (engine overhead and a dozen passes over 235k values; wasm's Sqrt is a scalar
 * loop), 130 ms on cpu. On wasm the pass is a SIMD loop in the backend's memory (simd.ts), on
 * cpu a JS loop (a JS loop on wasm would be no faster than the stock ops).
 * Inputs value, gradient, m, v (same shape); attrs learningRate, beta1, beta2, epsilon,
 * correction1 = 1-β1^t, correction2 = 1-β2^t. Outputs [w', m', v'].
 */
export const ADAM_UPDATE = "NetForgeAdamUpdate";

export interface AdamUpdateAttrs {
  learningRate: number;
  beta1: number;
  beta2: number;
  epsilon: number;
  correction1: number;
  correction2: number;
}

export function adamUpdateKernel(backendName: string): tf.KernelConfig {
  return {
    kernelName: ADAM_UPDATE,
    backendName,
    kernelFunc: ({ inputs, backend, attrs }) => {
      const { value, gradient, m, v } = inputs as Record<string, Info>;
      const a = attrs as unknown as AdamUpdateAttrs;
      const outs = [value, m, v].map((t) => allocate(backend, t.shape));
      const simd = backendName === "wasm" ? simdFor(backend) : null;
      if (simd) {
        const ptrs = [value, gradient, m, v, ...outs].map((t) => simd.address(t));
        const { beta1: b1, beta2: b2, correction1: c1, correction2: c2 } = a;
        simd.adam(ptrs, tf.util.sizeFromShape(value.shape), [
          b1,
          b2,
          1 - b1,
          1 - b2,
          c1,
          c2,
          a.epsilon,
          -a.learningRate,
        ]);
        return outs;
      }
      const [w, g, m0, v0, w1, m1, v1] = [value, gradient, m, v, ...outs].map((t) => view(backend, t));
      // Math.fround where tfjs rounds a constant to float32 before using it.
      const b1 = Math.fround(a.beta1);
      const b2 = Math.fround(a.beta2);
      const k1 = Math.fround(1 - a.beta1);
      const k2 = Math.fround(1 - a.beta2);
      const c1 = Math.fround(a.correction1);
      const c2 = Math.fround(a.correction2);
      const eps = Math.fround(a.epsilon);
      const lr = Math.fround(-a.learningRate);
      for (let i = 0; i < w.length; i++) {
        const gi = g[i];
        const mi = b1 * m0[i] + k1 * gi;
        const vi = b2 * v0[i] + k2 * gi * gi;
        m1[i] = mi;
        v1[i] = vi;
        w1[i] = w[i] + lr * (mi / c1 / (Math.sqrt(vi / c2) + eps));
      }
      return outs;
    },
  };
}
