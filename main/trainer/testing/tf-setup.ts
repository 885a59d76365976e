import * as tf from "@tensorflow/tfjs";
import "@tensorflow/tfjs-backend-wasm";
import { installKernelPatches } from "../kernels/install";

/** Puts tests on a named backend (cpu or wasm) with NetForge's kernel patches installed. */
export async function useBackend(name: "cpu" | "wasm"): Promise<void> {
  tf.enableProdMode();
  if (tf.getBackend() === name) return;
  if (!(await tf.setBackend(name))) throw new Error(`the ${name} backend did not initialise`);
  installKernelPatches(name);
  await tf.ready();
}
