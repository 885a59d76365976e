import type * as tf from "@tensorflow/tfjs";
import { callKernel, type Info, release, stockKernel } from "./kernel-util";

/**
 * BatchMatMul and _FusedMatMul for wasm without transpose flags. tfjs-backend-wasm 4.22 sends a
 * matmul to XNNPACK's SIMD fully-connected operator only when neither operand is transposed and
 * both have batch 1 (batch_mat_mul_impl.cc); anything else runs `slow_batch_matmul`, a scalar
 * triple loop. Every backward pass of Dense/LSTM multiplies by a transpose (dX = dY·Wᵀ,
 * dW = Xᵀ·dY), so training spent most of its time there (profile: 116 of 146 ms per MLP step).
 * Materialising the transposed operand with the Transpose kernel costs O(size) and puts the
 * product on the fast path (a [128,784]x[784,256] product: ~30 ms -> ~2 ms).
 */

const withShape = (t: Info, shape: number[]): Info => ({ ...t, shape });

/** The [batch, rows, cols] view of a matmul operand (tfjs allows rank >= 2). */
function as3d(t: Info): number[] {
  const r = t.shape.length;
  const batch = t.shape.slice(0, -2).reduce((a, b) => a * b, 1);
  return [batch, t.shape[r - 2], t.shape[r - 1]];
}

/** For A·Bᵀ (A [M,K], B [N,K]): whether (B·Aᵀ)ᵀ moves fewer values (costs in transpose units). */
function swapCheaper(a: Info, b: Info): boolean {
  const [, m, k] = as3d(a);
  const [, n] = as3d(b);
  return 2.7 * m * k + m * n < 2.7 * n * k;
}

function untransposed(kernelName: "BatchMatMul" | "_FusedMatMul"): tf.KernelConfig {
  return {
    kernelName,
    backendName: "wasm",
    kernelFunc: (args) => {
      const { inputs, backend } = args;
      const attrs = args.attrs as unknown as tf.BatchMatMulAttrs & tf.NamedAttrMap;
      const stock = stockKernel(kernelName, "wasm");
      if (!stock) throw new Error(`wasm has no ${kernelName} kernel`);
      const a = inputs.a as Info;
      const b = inputs.b as Info;
      const [batchA] = as3d(a);
      const [batchB] = as3d(b);
      // Batched products never reach XNNPACK in 4.22, so transposing would only add a copy.
      if ((!attrs.transposeA && !attrs.transposeB) || batchA !== 1 || batchB !== 1) return stock.kernelFunc(args);
      // The transposed copy keeps the operand's (all-1) outer dims, so the output shape is unchanged.
      const flip = (t: Info): Info => {
        const [, rows, cols] = as3d(t);
        const out = callKernel("wasm", backend, "Transpose", { x: withShape(t, [rows, cols]) }, { perm: [1, 0] });
        return withShape(out, [...t.shape.slice(0, -2), cols, rows]);
      };
      if (kernelName === "BatchMatMul" && !attrs.transposeA && swapCheaper(a, b)) {
        // A·Bᵀ as (B·Aᵀ)ᵀ: XNNPACK packs its right operand on every call (~4.5 ns per value,
        // a transpose ~2.7), so the smaller operand goes there. Dense dX = dy·Wᵀ with a wide W
        // (the CNN's 1600 -> 128): 2 x 205k values moved -> 2 x 8k plus a 102k result transpose.
        const aT = flip(a);
        try {
          const ct = stock.kernelFunc({
            ...args,
            inputs: { a: b, b: aT },
            attrs: { ...attrs, transposeB: false },
          }) as Info;
          const out = flip(ct);
          release(backend, ct);
          return out;
        } finally {
          release(backend, aT);
        }
      }
      const a2 = attrs.transposeA ? flip(a) : a;
      const b2 = attrs.transposeB ? flip(b) : b;
      try {
        return stock.kernelFunc({
          ...args,
          inputs: { ...inputs, a: a2, b: b2 },
          attrs: { ...attrs, transposeA: false, transposeB: false },
        });
      } finally {
        if (a2 !== a) release(backend, a2);
        if (b2 !== b) release(backend, b2);
      }
    },
  };
}

export const wasmMatMulKernels = (): tf.KernelConfig[] => [untransposed("BatchMatMul"), untransposed("_FusedMatMul")];
