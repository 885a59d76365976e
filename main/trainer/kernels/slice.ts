import * as tf from "@tensorflow/tfjs";
import { allocate, type Info, stockKernel, view } from "./kernel-util";

/**
 * Slice and SplitV by contiguous runs (cpu and wasm). The cpu backend copies a non-contiguous
 * slice element by element through TensorBuffer.indexToLoc/get; splitting a GRU's gates along
 * the last axis took 1.5 s of a 3.2 s step (the brief's "GRU 10x slower than LSTM on cpu").
 * wasm's Slice first copies the WHOLE input out of its heap (readSync). Here each output row is
 * one typed-array copy straight from the input's storage (a heap view on wasm). SplitV is
 * replaced too because both backends' SplitV call their own slice function, not the registry.
 * Strings and non-float32/int32 data keep the stock kernels.
 */

/** Copies x[begin : begin + size] into `out` (both flat, row-major). */
function copySlice(
  x: Float32Array | Int32Array,
  shape: number[],
  begin: number[],
  size: number[],
  out: Float32Array | Int32Array,
) {
  const rank = shape.length;
  // Trailing axes taken whole merge into one run with the last partial axis.
  let k = rank - 1;
  while (k > 0 && begin[k] === 0 && size[k] === shape[k]) k--;
  const strides = tf.util.computeStrides(shape);
  const run = size[k] * (k + 1 < rank ? strides[k] : 1);
  const outer = size.slice(0, k);
  const count = tf.util.sizeFromShape(outer);
  const idx = new Array(k).fill(0);
  for (let o = 0; o < count; o++) {
    let from = begin[k] * (k + 1 < rank ? strides[k] : 1);
    for (let d = 0; d < k; d++) from += (begin[d] + idx[d]) * strides[d];
    out.set(x.subarray(from, from + run), o * run);
    for (let d = k - 1; d >= 0; d--) {
      if (++idx[d] < outer[d]) break;
      idx[d] = 0;
    }
  }
}

function sliceOne(backend: unknown, x: Info, begin: number[], size: number[]): Info {
  const out = allocate(backend, size);
  if (tf.util.sizeFromShape(size) > 0) copySlice(view(backend, x), x.shape, begin, size, view(backend, out));
  return out;
}

const sliceable = (x: Info) => x.dtype === "float32";

export function fastSliceKernels(backendName: string): tf.KernelConfig[] {
  const stock = (name: string) => stockKernel(name, backendName) as tf.KernelConfig;
  return [
    {
      kernelName: "Slice",
      backendName,
      kernelFunc: (args) => {
        const x = args.inputs.x as Info;
        if (!sliceable(x)) return stock("Slice").kernelFunc(args);
        const { begin, size } = args.attrs as unknown as tf.SliceAttrs;
        const [b, s] = tf.slice_util.parseSliceParams(x as tf.TensorInfo as tf.Tensor, begin, size);
        return sliceOne(args.backend, x, b, s);
      },
    },
    {
      kernelName: "SplitV",
      backendName,
      kernelFunc: (args) => {
        const x = args.inputs.x as Info;
        if (!sliceable(x)) return stock("SplitV").kernelFunc(args);
        const { numOrSizeSplits, axis } = args.attrs as unknown as tf.SplitVAttrs;
        const a = tf.util.parseAxisParam(axis, x.shape)[0];
        const sizes = tf.backend_util.prepareSplitSize(x as tf.TensorInfo as tf.Tensor, numOrSizeSplits, a);
        const begin = new Array(x.shape.length).fill(0);
        return sizes.map((s) => {
          const size = [...x.shape];
          size[a] = s;
          const out = sliceOne(args.backend, x, [...begin], size);
          begin[a] += s;
          return out;
        });
      },
    },
  ];
}
