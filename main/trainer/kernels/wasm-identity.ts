import type * as tf from "@tensorflow/tfjs";
import { type Info, stockKernel } from "./kernel-util";

/**
 * Identity, and Cast to the same dtype, for wasm WITHOUT copying the data. tfjs-backend-wasm 4.22
 * copies the whole buffer in both, while the cpu and webgl backends share it (incRef): tensors
 * are immutable in tfjs (a variable's assign swaps its dataId, no kernel writes into an input).
 * The engine clones every tensor it saves for the backward pass (engine.saveTensorsForBackwardMode
 * runs Identity), and the Relu gradient casts float32 to float32, so on wasm every training step
 * copied each saved activation: ~1,400 copies per step of the benchmark LSTM, 50 of the CNN's
 * largest tensors.
 */

interface RefCounted {
  incRef(dataId: tf.DataId): void;
}

const share = (backend: unknown, x: Info): Info => {
  (backend as RefCounted).incRef(x.dataId);
  return { dataId: x.dataId, shape: x.shape, dtype: x.dtype };
};

export const wasmSharingKernels = (): tf.KernelConfig[] => [
  {
    kernelName: "Identity",
    backendName: "wasm",
    kernelFunc: ({ inputs, backend }) => {
      const x = inputs.x as Info;
      // Strings live in JS on wasm; keep the stock path for them.
      if (x.dtype === "string")
        return (stockKernel("Identity", "wasm") as tf.KernelConfig).kernelFunc({ inputs, backend, attrs: {} });
      return share(backend, x);
    },
  },
  {
    kernelName: "Cast",
    backendName: "wasm",
    kernelFunc: (args) => {
      const x = args.inputs.x as Info;
      if (x.dtype === (args.attrs as unknown as tf.CastAttrs).dtype && x.dtype !== "string")
        return share(args.backend, x);
      return (stockKernel("Cast", "wasm") as tf.KernelConfig).kernelFunc(args);
    },
  },
];
