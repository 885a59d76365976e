import * as tf from "@tensorflow/tfjs";
import { type AnyBackend, type Info, output } from "./kernel-util";

/**
 * Kernels the wasm backend lacks in tfjs 4.22 (probe, section 2.2): without them no model using
 * them can train on wasm. Each runs the cpu backend's kernel on copied data: inputs are
 * read out of the wasm heap into the cpu backend, the cpu kernel runs, outputs are copied back.
 * Conv2DBackpropFilter, the two depthwise gradients and UnsortedSegmentSum (the gradient of
 * Gather, so of Embedding) are missing too; they have fast replacements on both backends instead
 * (conv2d-backprop-filter.ts, depthwise-grads.ts, segment-sum.ts).
 */
export const WASM_MISSING_KERNELS = ["Einsum"] as const;

/** The cpu backend, created on first use (its initialisation is synchronous). */
function cpuBackend(): AnyBackend {
  const cpu = tf.findBackend("cpu") as AnyBackend | null;
  if (!cpu) throw new Error("the cpu backend is not available for the wasm fallback kernels");
  return cpu;
}

/** A kernel for `backendName` that runs the cpu backend's kernel of the same name on copies. */
export function cpuFallback(kernelName: string, backendName: string): tf.KernelConfig {
  return {
    kernelName,
    backendName,
    kernelFunc: ({ inputs, attrs, backend }) => {
      const cpu = cpuBackend();
      const kernel = tf.getKernel(kernelName, "cpu");
      if (!kernel) throw new Error(`the cpu backend has no kernel ${kernelName}`);
      const src = backend as AnyBackend;
      const copies: Info[] = [];
      const copy = (t: Info): Info => {
        const c = { dataId: cpu.write(src.readSync(t.dataId), t.shape, t.dtype), shape: t.shape, dtype: t.dtype };
        copies.push(c);
        return c;
      };
      // Einsum passes its operands as an array; every other kernel as named inputs.
      const cpuInputs = (
        Array.isArray(inputs)
          ? (inputs as Info[]).map(copy)
          : Object.fromEntries(Object.entries(inputs).map(([k, t]) => [k, copy(t as Info)]))
      ) as tf.NamedTensorInfoMap;
      try {
        const out = kernel.kernelFunc({ inputs: cpuInputs, attrs, backend: cpu });
        const back = (t: Info): Info => {
          const result = output(backend, cpu.readSync(t.dataId), t.shape, t.dtype);
          cpu.disposeData(t.dataId);
          return result;
        };
        return Array.isArray(out) ? out.map(back) : back(out);
      } finally {
        for (const c of copies) cpu.disposeData(c.dataId);
      }
    },
  };
}
