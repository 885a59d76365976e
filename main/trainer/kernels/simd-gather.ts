import { Fn, I32, op, V128 } from "./wasm-asm";

/**
 * SIMD functions over NHWC windows, assembled by simd.ts. Element indices are in floats,
 * pointers in bytes.
 */

const max = (a: number[], b: number[]) => [...a, ...b, ...a, ...b, ...op.i32GtS, ...op.select];
const min = (a: number[], b: number[]) => [...a, ...b, ...a, ...b, ...op.i32LtS, ...op.select];
const mul = (...terms: number[][]) => terms.flatMap((t, i) => (i === 0 ? t : [...t, ...op.i32Mul]));

/**
 * maxPoolGrad(x, dy, dx, batch, inH, inW, C, outH, outW, fh, fw, sh, sw, top, left), C % 4 == 0,
 * dx zeroed by the caller: dx[argmax of each window] += dy, 4 channels at a time. The first
 * in-bounds pixel seeds each window's maxima and only a strictly greater value replaces them,
 * in row-major window order: the first maximum wins ties, as in tfjs' maxPoolPositions.
 */
export function maxPoolGrad(): Fn {
  const f = new Fn("maxPoolGrad", Array(15).fill(I32));
  const [x, dy, dx, batch, inH, inW, C, outH, outW, fh, fw, sh, sw, top, left] = f.params.map((_, i) => i);
  const [b, oh, ow, c, h, w, h0, h1, w0, w1, e, dyp, a, row] = Array.from({ length: 14 }, () => f.local(I32));
  const [best, idx, v, gt, lanes, g] = Array.from({ length: 6 }, () => f.local(V128));
  const get = f.get;
  f.emit(op.v128Const([0, 1, 2, 3]), f.set(lanes), get(dy), f.set(dyp));
  f.loop(b, op.i32Const(0), get(batch), op.i32Const(1), () => {
    f.loop(oh, op.i32Const(0), get(outH), op.i32Const(1), () => {
      // h0 = max(0, oh*sh - top), h1 = min(inH, oh*sh - top + fh)
      f.emit(get(oh), get(sh), op.i32Mul, get(top), op.i32Sub, f.set(row));
      f.emit(max(op.i32Const(0), get(row)), f.set(h0));
      f.emit(min(get(inH), [...get(row), ...get(fh), ...op.i32Add]), f.set(h1));
      f.loop(ow, op.i32Const(0), get(outW), op.i32Const(1), () => {
        f.emit(get(ow), get(sw), op.i32Mul, get(left), op.i32Sub, f.set(row));
        f.emit(max(op.i32Const(0), get(row)), f.set(w0));
        f.emit(min(get(inW), [...get(row), ...get(fw), ...op.i32Add]), f.set(w1));
        f.emit(op.block, get(h0), get(h1), op.i32GeS, op.brIf(0), get(w0), get(w1), op.i32GeS, op.brIf(0));
        f.loop(c, op.i32Const(0), get(C), op.i32Const(4), () => {
          // e = ((b*inH + h0)*inW + w0)*C + c: the window's first pixel seeds best and idx.
          const index = (hh: number, ww: number) =>
            f.emit(get(b), get(inH), op.i32Mul, get(hh), op.i32Add, get(inW), op.i32Mul, get(ww), op.i32Add);
          index(h0, w0);
          f.emit(get(C), op.i32Mul, get(c), op.i32Add, f.tee(e));
          f.emit(op.i32Const(2), op.i32Shl, get(x), op.i32Add, op.v128Load, f.set(best));
          f.emit(get(e), op.i32x4Splat, get(lanes), op.i32x4Add, f.set(idx));
          f.loop(h, get(h0), get(h1), op.i32Const(1), () => {
            f.loop(w, get(w0), get(w1), op.i32Const(1), () => {
              index(h, w);
              f.emit(get(C), op.i32Mul, get(c), op.i32Add, f.tee(e));
              f.emit(op.i32Const(2), op.i32Shl, get(x), op.i32Add, op.v128Load, f.tee(v));
              f.emit(get(best), op.f32x4Gt, f.set(gt));
              f.emit(get(v), get(best), get(gt), op.v128Bitselect, f.set(best));
              f.emit(get(e), op.i32x4Splat, get(lanes), op.i32x4Add, get(idx), get(gt), op.v128Bitselect, f.set(idx));
            });
          });
          f.emit(get(dyp), get(c), op.i32Const(2), op.i32Shl, op.i32Add, op.v128Load, f.set(g));
          for (let lane = 0; lane < 4; lane++) {
            f.emit(get(idx), op.i32x4ExtractLane(lane), op.i32Const(2), op.i32Shl, get(dx), op.i32Add, f.tee(a));
            f.emit(get(a), op.f32Load, get(g), op.f32x4ExtractLane(lane), op.f32Add, op.f32Store);
          }
        });
        f.emit(op.end, get(dyp), get(C), op.i32Const(2), op.i32Shl, op.i32Add, f.set(dyp));
      });
    });
  });
  return f;
}

/**
 * im2col(src, dst, kh, kw, cin, n, oh, ow, hp, wp, sh, sw): the patch matrix of conv2d-filter-
 * im2col.ts, dst[(i, j, ci), (b, r, q)] = src[ci, b, r*sh + i, q*sw + j] with src the padded
 * input transposed to [Cin, N, Hp, Wp]. Rows of stride-1 windows are contiguous: 4-lane copies
 * (memory.copy per 11-float row cost more than the copy itself).
 */
export function im2col(): Fn {
  const f = new Fn("im2col", Array(12).fill(I32));
  const [src, dst, kh, kw, cin, n, oh, ow, hp, wp, sh, sw] = f.params.map((_, i) => i);
  const [i, j, c, b, r, q, d, s, bytes] = Array.from({ length: 9 }, () => f.local(I32));
  const get = f.get;
  f.emit(get(dst), f.set(d), get(ow), op.i32Const(2), op.i32Shl, f.set(bytes));
  f.loop(i, op.i32Const(0), get(kh), op.i32Const(1), () => {
    f.loop(j, op.i32Const(0), get(kw), op.i32Const(1), () => {
      f.loop(c, op.i32Const(0), get(cin), op.i32Const(1), () => {
        f.loop(b, op.i32Const(0), get(n), op.i32Const(1), () => {
          f.loop(r, op.i32Const(0), get(oh), op.i32Const(1), () => {
            // s = src + (((c*n + b)*hp + r*sh + i)*wp + j) * 4
            f.emit(mul(get(c), get(n)), get(b), op.i32Add, get(hp), op.i32Mul);
            f.emit(get(r), get(sh), op.i32Mul, op.i32Add, get(i), op.i32Add, get(wp), op.i32Mul, get(j), op.i32Add);
            f.emit(op.i32Const(2), op.i32Shl, get(src), op.i32Add, f.set(s));
            // block { block { if sw != 1 or ow < 4: break; copy the row; break twice } strided copy }
            f.emit(op.block, op.block, get(sw), op.i32Const(1), op.i32Ne, op.brIf(0));
            f.emit(get(ow), op.i32Const(4), op.i32LtS, op.brIf(0));
            // 4 floats at a time, the last 4 overlapping the previous ones: no write past the row
            const copy4 = (at: number[]) => {
              f.emit(get(d), at, op.i32Add, get(s), at, op.i32Add, op.v128Load, op.v128Store);
            };
            f.loop(q, op.i32Const(0), [...get(bytes), ...op.i32Const(16), ...op.i32Sub], op.i32Const(16), () =>
              copy4(get(q)),
            );
            copy4([...get(bytes), ...op.i32Const(16), ...op.i32Sub]);
            f.emit(get(d), get(bytes), op.i32Add, f.set(d), op.br(1), op.end);
            f.loop(q, op.i32Const(0), get(ow), op.i32Const(1), () => {
              f.emit(get(d), get(s), get(q), get(sw), op.i32Mul, op.i32Const(2), op.i32Shl, op.i32Add, op.f32Load);
              f.emit(op.f32Store, get(d), op.i32Const(4), op.i32Add, f.set(d));
            });
            f.emit(op.end);
          });
        });
      });
    });
  });
  return f;
}

/**
 * col2im(dcol, dx, n, oh, ow, kh, kw, cin, inH, inW, sh, sw, top, left), dx zeroed by the caller:
 * dx[b, r*sh + i - top, q*sw + j - left, :] += dcol[(b, r, q), (i, j, :)] for in-bounds pixels,
 * the scatter half of Conv2DBackpropInput as a product plus col2im (conv2d-backprop-input.ts).
 */
export function col2im(): Fn {
  const f = new Fn("col2im", Array(14).fill(I32));
  const [dcol, dx, n, oh, ow, kh, kw, cin, inH, inW, sh, sw, top, left] = f.params.map((_, i) => i);
  const [b, r, q, i, j, h, w, c, p, dst, vecEnd] = Array.from({ length: 11 }, () => f.local(I32));
  const get = f.get;
  f.emit(get(dcol), f.set(p), get(cin), op.i32Const(-4), op.i32And, op.i32Const(2), op.i32Shl, f.set(vecEnd));
  f.loop(b, op.i32Const(0), get(n), op.i32Const(1), () => {
    f.loop(r, op.i32Const(0), get(oh), op.i32Const(1), () => {
      f.loop(q, op.i32Const(0), get(ow), op.i32Const(1), () => {
        f.loop(i, op.i32Const(0), get(kh), op.i32Const(1), () => {
          f.emit(get(r), get(sh), op.i32Mul, get(i), op.i32Add, get(top), op.i32Sub, f.set(h));
          f.loop(j, op.i32Const(0), get(kw), op.i32Const(1), () => {
            f.emit(get(q), get(sw), op.i32Mul, get(j), op.i32Add, get(left), op.i32Sub, f.set(w));
            // unsigned compares reject negatives too
            f.emit(op.block, get(h), get(inH), op.i32LtU, op.i32Eqz, op.brIf(0));
            f.emit(get(w), get(inW), op.i32LtU, op.i32Eqz, op.brIf(0));
            f.emit(get(b), get(inH), op.i32Mul, get(h), op.i32Add, get(inW), op.i32Mul, get(w), op.i32Add);
            f.emit(get(cin), op.i32Mul, op.i32Const(2), op.i32Shl, get(dx), op.i32Add, f.set(dst));
            const at = (base: number) => [...get(base), ...get(c), ...op.i32Add];
            f.loop(c, op.i32Const(0), get(vecEnd), op.i32Const(16), () => {
              f.emit(at(dst), at(dst), op.v128Load, at(p), op.v128Load, op.f32x4Add, op.v128Store);
            });
            f.loop(c, get(vecEnd), [...get(cin), ...op.i32Const(2), ...op.i32Shl], op.i32Const(4), () => {
              f.emit(at(dst), at(dst), op.f32Load, at(p), op.f32Load, op.f32Add, op.f32Store);
            });
            f.emit(op.end, get(p), get(cin), op.i32Const(2), op.i32Shl, op.i32Add, f.set(p));
          });
        });
      });
    });
  });
  return f;
}
