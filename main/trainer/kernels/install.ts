import type * as tf from "@tensorflow/tfjs";
import { adamUpdateKernel } from "./adam";
import { fastConv2DBackpropFilter } from "./conv2d-backprop-filter";
import { fastConv2DBackpropInput } from "./conv2d-backprop-input";
import { cpuFallback, WASM_MISSING_KERNELS } from "./cpu-fallback";
import { depthwiseGradKernels } from "./depthwise-grads";
import { replaceKernel } from "./kernel-util";
import { lstmSequenceKernels, registerLstmSequenceGradient } from "./lstm-sequence";
import { wasmMatMulKernels } from "./matmul";
import { outerSum } from "./outer-sum";
import { poolGradKernels } from "./pool-grads";
import { registerReluGradient, reluGradKernel } from "./relu-grad";
import { resizeNearestNeighborGrad } from "./resize-nearest-grad";
import { fastSliceKernels } from "./slice";
import { registerUnpackGradient } from "./unpack-grad";
import { fastUnsortedSegmentSum } from "./unsorted-segment-sum";
import { wasmSharingKernels } from "./wasm-identity";

/**
 * Kernel patches for the wasm and cpu backends (missing kernels, wrong gradients, slow kernels),
 * registered once per backend. See ../../../../shared/probes/tfjs-in-node.md, sections 2.2-4.1.
 * Kernels are looked up at every op, so registering after setBackend takes effect at once.
 */
const installed = new Set<string>();

/** The patches for a backend, by kernel name (empty for the native tfjs-node backends). */
export function kernelPatches(backend: string): tf.KernelConfig[] {
  if (backend === "wasm") {
    return [
      ...WASM_MISSING_KERNELS.map((k) => cpuFallback(k, "wasm")),
      fastConv2DBackpropFilter("wasm"),
      fastConv2DBackpropInput("wasm"),
      ...wasmMatMulKernels(),
      ...wasmSharingKernels(),
      outerSum("wasm"),
      ...depthwiseGradKernels("wasm"),
      ...poolGradKernels("wasm"),
      // wasm's ignores halfPixelCenters (found by gradients.test.ts); UpSampling2D does not use it.
      resizeNearestNeighborGrad("wasm"),
      ...lstmSequenceKernels("wasm"),
      adamUpdateKernel("wasm"),
      reluGradKernel("wasm"),
      ...fastSliceKernels("wasm"),
      fastUnsortedSegmentSum("wasm"),
    ];
  }
  if (backend === "cpu") {
    return [
      fastConv2DBackpropFilter("cpu"),
      ...depthwiseGradKernels("cpu"),
      ...poolGradKernels("cpu"),
      resizeNearestNeighborGrad("cpu"),
      outerSum("cpu"),
      ...lstmSequenceKernels("cpu"),
      adamUpdateKernel("cpu"),
      reluGradKernel("cpu"),
      ...fastSliceKernels("cpu"),
      fastUnsortedSegmentSum("cpu"),
    ];
  }
  return [];
}

export function installKernelPatches(backend: string): void {
  if (installed.has(backend)) return;
  installed.add(backend);
  registerUnpackGradient();
  registerLstmSequenceGradient();
  registerReluGradient();
  for (const config of kernelPatches(backend)) replaceKernel(config);
}

/** Whether NetForge's patches are installed for a backend (for the ready message and tests). */
export const kernelPatchesInstalled = (backend: string): boolean => installed.has(backend);
