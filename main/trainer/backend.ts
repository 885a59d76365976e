import * as tf from "@tensorflow/tfjs";
import { installKernelPatches } from "./kernels/install";

/**
 * Backend selection in the trainer: tfjs-node-gpu, then tfjs-node, then WebAssembly (SIMD), then
 * cpu. NETFORGE_BACKEND forces one. The result says which loaded and why the others did not, for
 * the `ready` message and the UI's backend indicator.
 */
export const BACKENDS = ["tensorflow-gpu", "tensorflow", "wasm", "cpu"] as const;
export type BackendName = (typeof BACKENDS)[number];

export interface BackendChoice {
  backend: string;
  tfjsVersion: string;
  /** One line per backend that was tried and not used, with the reason. */
  skipped: { backend: BackendName; reason: string }[];
}

const NATIVE_PACKAGE: Partial<Record<BackendName, string>> = {
  "tensorflow-gpu": "@tensorflow/tfjs-node-gpu",
  tensorflow: "@tensorflow/tfjs-node",
};

export async function selectBackend(forced: string | undefined = process.env.NETFORGE_BACKEND): Promise<BackendChoice> {
  tf.enableProdMode(); // also silences the cpu backend's "use tfjs-node" banner
  if (forced !== undefined && forced !== "" && !BACKENDS.includes(forced as BackendName)) {
    throw new Error(`NETFORGE_BACKEND must be one of ${BACKENDS.join(", ")}; received "${forced}"`);
  }
  const order: readonly BackendName[] = forced ? [forced as BackendName] : BACKENDS;
  const skipped: BackendChoice["skipped"] = [];
  for (const name of order) {
    const reason = await tryBackend(name);
    if (reason === null) return { backend: tf.getBackend(), tfjsVersion: tf.version.tfjs, skipped };
    skipped.push({ backend: name, reason });
  }
  throw new Error(
    `no TensorFlow.js backend could be loaded: ${skipped.map((s) => `${s.backend}: ${s.reason}`).join("; ")}`,
  );
}

/** Returns null when the backend is now active, else why it is not. */
async function tryBackend(name: BackendName): Promise<string | null> {
  try {
    const pkg = NATIVE_PACKAGE[name];
    if (pkg) {
      await import(pkg);
      return (await tf.setBackend(name)) ? null : `${pkg} loaded but its backend did not initialise`;
    }
    if (name === "wasm") await import("@tensorflow/tfjs-backend-wasm");
    // setBackend reports failure by returning false (getBackend may still name it): check the result.
    if (!(await tf.setBackend(name))) return `the ${name} backend did not initialise`;
    installKernelPatches(name);
    await tf.ready();
    return null;
  } catch (error) {
    const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
    return /Cannot find (module|package)/.test(message) ? "not installed" : message;
  }
}
