import type { Pixels } from "./pixels";

/**
 * Feature maps and filters as pixels: every map min-max scaled on its own (so a channel whose
 * activations span 0..0.01 is as readable as one spanning 0..100), whatever its range. A constant
 * map is drawn mid-grey (there is no contrast to show), a missing or non-finite value (a diverged
 * model's NaN) black.
 */

const MID = 128;

/** One channel of [h, w, c] row-major activations, as a grey image. */
export function mapPixels(values: ArrayLike<number | null>, shape: readonly number[], channel: number): Pixels {
  const [h, w, c] = dims(shape, 3, values.length);
  const at = (p: number) => (channel >= 0 && channel < c ? values[p * c + channel] : null);
  const { scale } = scaler(h * w, at);
  const rgba = new Uint8ClampedArray(new ArrayBuffer(h * w * 4));
  for (let p = 0; p < h * w; p++) {
    const g = scale(at(p));
    rgba.set([g, g, g, 255], p * 4);
  }
  return { width: w, height: h, rgba };
}

/**
 * One filter of a [kh, kw, in, out] kernel: RGB when it reads 3 channels (its colours scaled
 * together, so their balance shows), else its first input channel in grey.
 */
export function filterPixels(values: ArrayLike<number | null>, shape: readonly number[], filter: number): Pixels {
  const [kh, kw, inC, outC] = dims(shape, 4, values.length);
  const rgb = inC === 3;
  const ok = filter >= 0 && filter < outC;
  const at = (p: number, ch: number) => (ok ? values[(p * inC + ch) * outC + filter] : null);
  const { scale } = scaler(kh * kw * (rgb ? 3 : 1), (k) => (rgb ? at(Math.floor(k / 3), k % 3) : at(k, 0)));
  const rgba = new Uint8ClampedArray(new ArrayBuffer(kh * kw * 4));
  for (let p = 0; p < kh * kw; p++) {
    const r = scale(at(p, 0));
    rgba.set(rgb ? [r, scale(at(p, 1)), scale(at(p, 2)), 255] : [r, r, r, 255], p * 4);
  }
  return { width: kw, height: kh, rgba };
}

/**
 * Min-max scaling to 0..255 over n values, the ratio taken before the 255 so that a span as
 * wide as -MAX_VALUE..MAX_VALUE does not overflow to Infinity.
 */
function scaler(
  n: number,
  at: (k: number) => number | null | undefined,
): { scale(v: number | null | undefined): number } {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < n; k++) {
    const v = at(k);
    if (typeof v !== "number" || !Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  // Halves only when the span overflows: halving a tiny span (denormals) would round it to 0.
  const wide = !Number.isFinite(hi - lo);
  const span = wide ? hi / 2 - lo / 2 : hi - lo;
  return {
    scale(v) {
      if (typeof v !== "number" || !Number.isFinite(v)) return 0;
      if (!(span > 0)) return MID;
      return Math.round(255 * ((wide ? v / 2 - lo / 2 : v - lo) / span));
    },
  };
}

/**
 * The shape's first `rank` dimensions (the shown part: [h, w, shown channels], [kh, kw, in, shown
 * filters]), trusted only as whole numbers that fit the values there are: a bad shape gives an
 * empty image rather than a huge canvas or reads past the end.
 */
function dims(shape: readonly number[], rank: number, count: number): number[] {
  const d = Array.from({ length: rank }, (_, i) => shape[i]);
  // A map without channels or a kernel without inputs or filters has nothing to draw.
  const size = d.reduce((p, x) => p * x, 1);
  const ok = d.every((x) => Number.isInteger(x) && x >= 0) && size > 0 && size <= count;
  // + 0 turns a -0 (a valid integer) into 0, so widths and heights compare as plain zeros.
  return ok ? d.map((x) => x + 0) : rank === 3 ? [0, 0, 1] : [0, 0, 1, 1];
}
