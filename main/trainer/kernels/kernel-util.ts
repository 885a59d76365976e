import * as tf from "@tensorflow/tfjs";

/**
 * Plumbing shared by NetForge's kernel patches. Kernels work on TensorInfos (data ids owned by a
 * backend), not on tensors: calling tf ops inside a kernel would put them on the gradient tape, so
 * patches compose other kernels through `callKernel` and free their intermediates themselves.
 */
export type Info = tf.TensorInfo;
type Attrs = tf.NamedAttrMap;

/** The part of a backend every kernel patch needs; cpu and wasm both implement it. */
export type AnyBackend = Pick<tf.KernelBackend, "readSync" | "write" | "disposeData">;

/** The values of a tensor as a typed array (a copy on wasm; on cpu the stored array: never mutate). */
export function readValues(backend: unknown, t: Info): Float32Array | Int32Array | Uint8Array {
  return (backend as AnyBackend).readSync(t.dataId) as Float32Array | Int32Array | Uint8Array;
}

/** float32 values of a tensor, converting int inputs. */
export function readF32(backend: unknown, t: Info): Float32Array {
  const v = readValues(backend, t);
  return v instanceof Float32Array ? v : Float32Array.from(v);
}

/** A new output tensor holding `values` (the engine takes over its reference). */
export function output(
  backend: unknown,
  values: tf.BackendValues,
  shape: number[],
  dtype: tf.DataType = "float32",
): Info {
  return { dataId: (backend as AnyBackend).write(values, shape, dtype), shape, dtype };
}

/** Frees kernel intermediates (reference counted on both backends). */
export function release(backend: unknown, ...infos: Info[]): void {
  for (const t of infos) (backend as AnyBackend).disposeData(t.dataId);
}

/** Runs another kernel of the same backend directly, off the gradient tape. */
export function callKernel(
  backendName: string,
  backend: unknown,
  name: string,
  inputs: tf.NamedTensorInfoMap,
  attrs: Attrs = {},
): Info {
  const k = tf.getKernel(name, backendName);
  if (!k) throw new Error(`kernel ${name} is not registered for backend ${backendName}`);
  return k.kernelFunc({ inputs, attrs, backend: backend as object }) as Info;
}

const stock = new Map<string, tf.KernelConfig>();

/**
 * Registers `config`, replacing (and remembering) the backend's own kernel of that name.
 * tfjs' registerKernel overwrites with a warning; unregistering first keeps logs clean.
 */
export function replaceKernel(config: tf.KernelConfig): void {
  const key = `${config.backendName}_${config.kernelName}`;
  const old = tf.getKernel(config.kernelName, config.backendName);
  if (old) {
    if (!stock.has(key)) stock.set(key, old);
    tf.unregisterKernel(config.kernelName, config.backendName);
  }
  tf.registerKernel(config);
}

/** The kernel tfjs shipped for this backend, before any patch (undefined where it had none). */
export function stockKernel(name: string, backendName: string): tf.KernelConfig | undefined {
  return stock.get(`${backendName}_${name}`) ?? tf.getKernel(name, backendName);
}

/** [batch, height, width, channels] of a 4-D NHWC tensor. */
export function nhwc(t: Info): [number, number, number, number] {
  if (t.shape.length !== 4) throw new Error(`expected a 4-D NHWC tensor, got shape [${t.shape}]`);
  return t.shape as [number, number, number, number];
}

/** The parts of tfjs-backend-wasm's BackendWasm that give views into its heap without copying. */
interface WasmHeap {
  makeOutput(shape: number[], dtype: tf.DataType): Info;
  typedArrayFromHeap(t: Info): Float32Array | Int32Array | Uint8Array;
}

const isWasm = (backend: unknown): backend is WasmHeap =>
  typeof (backend as Partial<WasmHeap>).typedArrayFromHeap === "function";

/**
 * float32 values of a tensor WITHOUT a copy where possible (wasm: a view of its heap; cpu: the
 * stored array). Copying out of and back into the wasm heap cost more than some kernels' own
 * loops (a [64,26,26,32] tensor: ~4 ms each way here). Read-only. A wasm view is detached when
 * the heap grows, so take views only after the kernel's last allocation.
 */
export function view(backend: unknown, t: Info): Float32Array {
  if (t.dtype !== "float32") return readF32(backend, t);
  if (isWasm(backend)) return backend.typedArrayFromHeap(t) as Float32Array;
  return readValues(backend, t) as Float32Array;
}

/** A new float32 output tensor; fill it through `view(backend, info)` (its contents start undefined on wasm). */
export function allocate(backend: unknown, shape: number[]): Info {
  if (isWasm(backend)) return backend.makeOutput(shape, "float32");
  return output(backend, new Float32Array(shape.reduce((a, b) => a * b, 1)), shape);
}
