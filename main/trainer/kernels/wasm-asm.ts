/**
 * A minimal WebAssembly binary writer, enough for NetForge's SIMD helper kernels (simd.ts):
 * functions over an imported memory with i32/f32/v128 locals, counted loops, loads/stores and
 * the arithmetic they use. No toolchain is needed at build or run time: the module is assembled
 * in memory when the wasm backend first needs it. Encodings: WebAssembly Core Specification 2.0,
 * section 5 (binary format), and the fixed-width SIMD opcode table (0xFD prefix).
 */

export const I32 = 0x7f;
export const F32 = 0x7d;
export const V128 = 0x7b;
type ValType = typeof I32 | typeof F32 | typeof V128;

const uleb = (n: number): number[] => {
  const out: number[] = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n !== 0) byte |= 0x80;
    out.push(byte);
  } while (n !== 0);
  return out;
};

const sleb = (n: number): number[] => {
  const out: number[] = [];
  for (;;) {
    const byte = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (byte & 0x40) === 0) || (n === -1 && (byte & 0x40) !== 0)) return [...out, byte];
    out.push(byte | 0x80);
  }
};

const name = (s: string) => [...uleb(s.length), ...new TextEncoder().encode(s)];
const vec = (items: number[][]) => [...uleb(items.length), ...items.flat()];
const section = (id: number, body: number[]) => [id, ...uleb(body.length), ...body];

/** Opcodes used by simd.ts; SIMD ones are emitted as 0xFD + LEB128(opcode). */
export const op = {
  end: [0x0b],
  br: (depth: number) => [0x0c, ...uleb(depth)],
  brIf: (depth: number) => [0x0d, ...uleb(depth)],
  i32Const: (v: number) => [0x41, ...sleb(v | 0)],
  f32Const: (v: number) => [0x43, ...new Uint8Array(new Float32Array([v]).buffer)],
  i32Load: [0x28, 2, 0],
  f32Load: [0x2a, 2, 0],
  f32Store: [0x38, 2, 0],
  i32GeS: [0x4e],
  i32LtS: [0x48],
  i32Add: [0x6a],
  i32Sub: [0x6b],
  i32Mul: [0x6c],
  i32Shl: [0x74],
  i32And: [0x71],
  i32GtS: [0x4a],
  i32Ne: [0x47],
  i32LtU: [0x49],
  i32Eqz: [0x45],
  block: [0x02, 0x40],
  loop: [0x03, 0x40],
  f32Gt: [0x5e],
  f32Ne: [0x5c],
  f32Add: [0x92],
  f32Sub: [0x93],
  f32Mul: [0x94],
  f32Div: [0x95],
  f32Sqrt: [0x91],
  select: [0x1b],
  v128Load: [0xfd, 0x00, 0, 0],
  v128Store: [0xfd, 0x0b, 0, 0],
  v128Const: (lanes: number[]) => [0xfd, 0x0c, ...new Uint8Array(new Int32Array(lanes).buffer)],
  i32x4Splat: [0xfd, 0x11],
  f32x4Splat: [0xfd, 0x13],
  i32x4ExtractLane: (lane: number) => [0xfd, 0x1b, lane],
  f32x4ExtractLane: (lane: number) => [0xfd, 0x1f, lane],
  f32x4Gt: [0xfd, 0x44],
  f32x4Ne: [0xfd, 0x42],
  v128And: [0xfd, 0x4e],
  v128Bitselect: [0xfd, 0x52],
  i32x4Add: [0xfd, ...uleb(0xae)],
  f32x4Sqrt: [0xfd, ...uleb(0xe3)],
  f32x4Add: [0xfd, ...uleb(0xe4)],
  f32x4Sub: [0xfd, ...uleb(0xe5)],
  f32x4Mul: [0xfd, ...uleb(0xe6)],
  f32x4Div: [0xfd, ...uleb(0xe7)],
};

/** One function body under construction: params first, then locals added with `local()`. */
export class Fn {
  readonly code: number[] = [];
  private readonly locals: ValType[] = [];

  constructor(
    readonly exportName: string,
    readonly params: ValType[],
  ) {}

  /** A new local of `type`; returns its index. */
  local(type: ValType): number {
    this.locals.push(type);
    return this.params.length + this.locals.length - 1;
  }

  emit(...parts: (number[] | number)[]): this {
    for (const p of parts) {
      if (typeof p === "number") this.code.push(p);
      else this.code.push(...p);
    }
    return this;
  }

  get = (i: number): number[] => [0x20, ...uleb(i)];
  set = (i: number): number[] => [0x21, ...uleb(i)];
  tee = (i: number): number[] => [0x22, ...uleb(i)];

  /** for (i = from; i < to; i += step) body: `from`, `to` and `step` are emitted expressions. */
  loop(i: number, from: number[], to: number[], step: number[], body: () => void): this {
    this.emit(from, this.set(i), 0x02, 0x40, 0x03, 0x40);
    this.emit(this.get(i), to, op.i32GeS, op.brIf(1));
    body();
    this.emit(this.get(i), step, op.i32Add, this.set(i), op.br(0), op.end, op.end);
    return this;
  }

  encode(): number[] {
    const groups = this.locals.map((t) => [...uleb(1), t]);
    const body = [...vec(groups), ...this.code, ...op.end];
    return [...uleb(body.length), ...body];
  }
}

/** A module importing `env.memory` and exporting every function by its name. */
export function assemble(fns: Fn[]): Uint8Array {
  const types = fns.map((f) => [0x60, ...vec(f.params.map((p) => [p])), 0]);
  const bytes = [
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, vec(types)),
    ...section(2, vec([[...name("env"), ...name("memory"), 0x02, 0x00, 0x01]])),
    ...section(3, vec(fns.map((_, i) => uleb(i)))),
    ...section(7, vec(fns.map((f, i) => [...name(f.exportName), 0x00, ...uleb(i)]))),
    ...section(10, vec(fns.map((f) => f.encode()))),
  ];
  return new Uint8Array(bytes);
}
