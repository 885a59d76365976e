import type * as tf from "@tensorflow/tfjs";
import { col2im, im2col, maxPoolGrad } from "./simd-gather";
import { tallGemm } from "./simd-gemm";
import { assemble, F32, Fn, I32, op, V128 } from "./wasm-asm";

/**
 * WebAssembly SIMD loops that work IN tfjs-backend-wasm's own memory (imported), on tensors'
 * heap addresses: no copies in or out. For the element-wise and gather work of NetForge's wasm
 * kernels: plain JS typed-array loops run at ~5-10 ns per value on our machines, ~10x slower than
 * these 4-lane loops (maxPoolGrad of conv1 in the benchmark CNN: 11 ms in JS).
 * Every function takes byte addresses (tensor memoryOffset) and element counts.
 */

/** Emits `body` for 4 lanes at a time over [0, n & ~3), then one lane at a time up to n. */
function elementwise(f: Fn, n: number, body: (vector: boolean, at: number) => void): void {
  const i = f.local(I32);
  const end = f.local(I32);
  f.emit(f.get(n), op.i32Const(-4), op.i32And, op.i32Const(2), op.i32Shl, f.set(end)); // (n & ~3) * 4
  f.loop(i, op.i32Const(0), f.get(end), op.i32Const(16), () => body(true, i));
  f.loop(i, f.get(end), [...f.get(n), ...op.i32Const(2), ...op.i32Shl], op.i32Const(4), () => body(false, i));
}

/** Address of element-byte-offset `at` in array `ptr`. */
const addr = (f: Fn, ptr: number, at: number) => [...f.get(ptr), ...f.get(at), ...op.i32Add];
const load = (v: boolean) => (v ? op.v128Load : op.f32Load);
const store = (v: boolean) => (v ? op.v128Store : op.f32Store);

/** adam(w, g, m, v, w1, m1, v1, n, β1, β2, 1-β1, 1-β2, c1, c2, ε, -lr): kernels/adam.ts's update. */
function adam(): Fn {
  const f = new Fn("adam", [I32, I32, I32, I32, I32, I32, I32, I32, F32, F32, F32, F32, F32, F32, F32, F32]);
  const [w, g, m, v, w1, m1, v1, n] = [0, 1, 2, 3, 4, 5, 6, 7];
  const consts = [8, 9, 10, 11, 12, 13, 14, 15];
  const splat = consts.map((c) => {
    const s = f.local(V128);
    f.emit(f.get(c), op.f32x4Splat, f.set(s));
    return s;
  });
  // Per-element temporaries: g, m', v' as vectors and as scalars.
  const vecT = [f.local(V128), f.local(V128), f.local(V128)];
  const sclT = [f.local(F32), f.local(F32), f.local(F32)];
  elementwise(f, n, (vec, at) => {
    const k = (j: number) => f.get(vec ? splat[j] : consts[j]);
    const [mul, add, div, sqrt] = vec
      ? [op.f32x4Mul, op.f32x4Add, op.f32x4Div, op.f32x4Sqrt]
      : [op.f32Mul, op.f32Add, op.f32Div, op.f32Sqrt];
    const [G, M, V] = vec ? vecT : sclT;
    f.emit(addr(f, g, at), load(vec), f.set(G));
    // m' = m·β1 + g·(1-β1); v' = v·β2 + g²·(1-β2), in the order of tfjs' ops.
    f.emit(addr(f, m1, at), addr(f, m, at), load(vec), k(0), mul, f.get(G), k(2), mul, add, f.tee(M), store(vec));
    f.emit(addr(f, v1, at), addr(f, v, at), load(vec), k(1), mul, f.get(G), f.get(G), mul, k(3), mul, add);
    f.emit(f.tee(V), store(vec));
    // w' = (m'/c1) / (sqrt(v'/c2) + ε) · (-lr) + w
    f.emit(addr(f, w1, at), f.get(M), k(4), div, f.get(V), k(5), div, sqrt, k(6), add, div, k(7), mul);
    f.emit(addr(f, w, at), load(vec), add, store(vec));
  });
  return f;
}

/**
 * reluGrad(x, dy, dx, n): dx = dy · step(x), step(x) = 1 for x > 0, NaN for NaN, else 0: tfjs'
 * mul(dy, step(x)) value for value, NaN and ∞ included.
 */
function reluGrad(): Fn {
  const f = new Fn("reluGrad", [I32, I32, I32, I32]);
  const [x, dy, dx, n] = [0, 1, 2, 3];
  const [xv, xs] = [f.local(V128), f.local(F32)];
  elementwise(f, n, (vec, at) => {
    f.emit(addr(f, dx, at), addr(f, dy, at), load(vec), addr(f, x, at), load(vec), f.set(vec ? xv : xs));
    const X = f.get(vec ? xv : xs);
    if (vec) {
      // bitselect(a, b, mask) takes a where mask bits are set
      f.emit(X, op.f32Const(1), op.f32x4Splat, op.f32Const(0), op.f32x4Splat, X, op.f32Const(0));
      f.emit(op.f32x4Splat, op.f32x4Gt, op.v128Bitselect, X, X, op.f32x4Ne, op.v128Bitselect, op.f32x4Mul);
    } else {
      f.emit(X, op.f32Const(1), op.f32Const(0), X, op.f32Const(0), op.f32Gt, op.select, X, X, op.f32Ne, op.select);
      f.emit(op.f32Mul);
    }
    f.emit(store(vec));
  });
  return f;
}

/** The exported helpers, bound to one tfjs wasm memory. */
export interface Simd {
  adam(ptrs: number[], n: number, consts: number[]): void;
  reluGrad(x: number, dy: number, dx: number, n: number): void;
  /** simd-gather.ts's maxPoolGrad and im2col, arguments in their order. */
  maxPoolGrad(...args: number[]): void;
  im2col(...args: number[]): void;
  col2im(...args: number[]): void;
  /** simd-gemm.ts: out[k, n] += sum_m a[k, m] · b[m, n], n % 4 == 0. */
  tallGemm(a: number, b: number, out: number, k: number, m: number, n: number): void;
  /** Heap byte address of a tensor's data. */
  address(t: tf.TensorInfo): number;
}

interface WasmBackendLike {
  wasm?: { asm?: { memory?: unknown } };
  dataIdMap: { get(id: tf.DataId): { memoryOffset: number } };
}

/** The WebAssembly API (a global in Node and browsers; this project's TS libs do not declare it). */
interface WasmApi {
  Memory: abstract new (...args: never[]) => object;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
}
const WA = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

let bytes: Uint8Array | null = null;
const bound = new WeakMap<object, Simd>();

/** The SIMD helpers for a wasm backend, or null where its memory is not reachable (then JS paths). */
export function simdFor(backend: unknown): Simd | null {
  const b = backend as WasmBackendLike;
  const memory = b.wasm?.asm?.memory;
  if (!(memory instanceof WA.Memory)) return null;
  const known = bound.get(memory);
  if (known) return known;
  bytes ??= assemble([adam(), reluGrad(), maxPoolGrad(), im2col(), col2im(), tallGemm()]);
  const instance = new WA.Instance(new WA.Module(bytes), { env: { memory } });
  const e = instance.exports as Record<string, (...args: number[]) => void>;
  const simd: Simd = {
    adam: (ptrs, n, consts) => e.adam(...ptrs, n, ...consts),
    reluGrad: (x, dy, dx, n) => e.reluGrad(x, dy, dx, n),
    maxPoolGrad: (...args) => e.maxPoolGrad(...args),
    im2col: (...args) => e.im2col(...args),
    col2im: (...args) => e.col2im(...args),
    tallGemm: (...args) => e.tallGemm(...args),
    address: (t) => b.dataIdMap.get(t.dataId).memoryOffset,
  };
  bound.set(memory, simd);
  return simd;
}
