import { Fn, I32, op, V128 } from "./wasm-asm";

/**
 * tallGemm(a, b, out, k, m, n): out[k, n] += sum_m a[k, m] · b[m, n], n % 4 == 0, for a SHORT
 * result from a LONG inner dimension: a first conv layer's filter gradient, a = im2col patches
 * [kh·kw·Cin = 9, N·oH·oW = 43,264], b = dy [43,264, 32]. XNNPACK repacks its right operand on
 * every call (its weights; dy is new each step): 1.4 M values, ~6 ms, for a 12.5 M-MAC product.
 * Here nothing is packed. The inner dimension runs in chunks of 256 so the chunk of b stays in
 * cache while every tile of the result (8 rows x 4 columns in 8 accumulators, then single rows)
 * streams it; the accumulators go back to `out` between chunks (out starts zeroed).
 */
const CHUNK = 256;

export function tallGemm(): Fn {
  const f = new Fn("tallGemm", Array(6).fill(I32));
  const [a, b, out, k, m, n] = f.params.map((_, i) => i);
  const [m0, m1, mm, k0, n0, rowBytes, dv, o] = [
    ...Array.from({ length: 6 }, () => f.local(I32)),
    f.local(V128),
    f.local(I32),
  ];
  const rows = Array.from({ length: 8 }, () => f.local(I32)); // a + (k0 + r)·m·4
  const acc = Array.from({ length: 8 }, () => f.local(V128));
  const get = f.get;
  const i32 = op.i32Const;

  /** One tile of `height` rows starting at k0, 4 columns starting at n0. */
  const tile = (height: number) => {
    // out address of (k0 + r, n0) is out + ((k0 + r)·n + n0)·4
    const outAt = (r: number) => [
      ...get(k0),
      ...i32(r),
      ...op.i32Add,
      ...get(n),
      ...op.i32Mul,
      ...get(n0),
      ...op.i32Add,
    ];
    for (let r = 0; r < height; r++) {
      f.emit(get(k0), i32(r), op.i32Add, get(rowBytes), op.i32Mul, get(a), op.i32Add, f.set(rows[r]));
      f.emit(outAt(r), i32(2), op.i32Shl, get(out), op.i32Add, op.v128Load, f.set(acc[r]));
    }
    f.loop(mm, get(m0), get(m1), i32(1), () => {
      // dv = b[mm, n0 .. n0+3]; o = mm·4 (the column offset inside each row of a)
      f.emit(get(mm), get(n), op.i32Mul, get(n0), op.i32Add, i32(2), op.i32Shl, get(b), op.i32Add, op.v128Load);
      f.emit(f.set(dv), get(mm), i32(2), op.i32Shl, f.set(o));
      for (let r = 0; r < height; r++) {
        f.emit(get(acc[r]), get(rows[r]), get(o), op.i32Add, op.f32Load, op.f32x4Splat, get(dv), op.f32x4Mul);
        f.emit(op.f32x4Add, f.set(acc[r]));
      }
    });
    for (let r = 0; r < height; r++) {
      f.emit(outAt(r), i32(2), op.i32Shl, get(out), op.i32Add, get(acc[r]), op.v128Store);
    }
  };

  f.emit(get(m), i32(2), op.i32Shl, f.set(rowBytes));
  f.loop(m0, i32(0), get(m), i32(CHUNK), () => {
    // m1 = min(m, m0 + CHUNK)
    f.emit(get(m0), i32(CHUNK), op.i32Add, get(m), get(m0), i32(CHUNK), op.i32Add, get(m), op.i32LtS, op.select);
    f.emit(f.set(m1));
    f.loop(n0, i32(0), get(n), i32(4), () => {
      // 8-row tiles while 8 rows remain, then single rows
      f.emit(i32(0), f.set(k0), op.block, op.loop);
      f.emit(get(k0), i32(8), op.i32Add, get(k), op.i32GtS, op.brIf(1));
      tile(8);
      f.emit(get(k0), i32(8), op.i32Add, f.set(k0), op.br(0), op.end, op.end);
      f.emit(op.block, op.loop, get(k0), get(k), op.i32GeS, op.brIf(1));
      tile(1);
      f.emit(get(k0), i32(1), op.i32Add, f.set(k0), op.br(0), op.end, op.end);
    });
  });
  return f;
}
