/**
 * Flat sample values as RGBA pixels for a canvas: [h, w, c] row-major with c = 1 (grey), 3 (RGB)
 * or 4; other shapes are drawn as a grey strip (a vector) or grid (a matrix). Values in [0, 1]
 * are drawn as they are; anything else (a tanh generator's [-1, 1], raw 0..255) is min-max scaled.
 */
export interface Pixels {
  width: number;
  height: number;
  rgba: Uint8ClampedArray<ArrayBuffer>;
}

export function toPixels(shape: readonly number[], values: ArrayLike<number>): Pixels {
  const [h, w, c] = imageGeometry(shape, values.length);
  const n = h * w * c;
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n && i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const unit = lo >= 0 && hi <= 1;
  const span = hi > lo ? hi - lo : 1;
  const scale = (v: number) => (Number.isFinite(v) ? Math.round(255 * (unit ? v : (v - lo) / span)) : 0);
  const rgba = new Uint8ClampedArray(new ArrayBuffer(h * w * 4));
  for (let p = 0; p < h * w; p++) {
    const base = p * c;
    const r = scale(values[base] ?? 0);
    rgba[p * 4] = r;
    rgba[p * 4 + 1] = c >= 3 ? scale(values[base + 1] ?? 0) : r;
    rgba[p * 4 + 2] = c >= 3 ? scale(values[base + 2] ?? 0) : r;
    rgba[p * 4 + 3] = 255;
  }
  return { width: w, height: h, rgba };
}

/**
 * [height, width, channels] to draw a sample of `shape` holding `count` values. A shape that
 * asks for more pixels than there are values (or that is not whole numbers) is not trusted: the
 * values are drawn as a vector, so a bad shape cannot allocate a huge canvas.
 */
export function imageGeometry(shape: readonly number[], count: number): [number, number, number] {
  const n = Number.isInteger(count) && count > 0 ? count : 0;
  const dims = shape.filter((d) => d > 0);
  const fits = (g: [number, number, number]) => g.every(Number.isInteger) && g[0] * g[1] * g[2] <= n;
  const image: [number, number, number] | null =
    dims.length >= 3 && [1, 3, 4].includes(dims[dims.length - 1])
      ? [dims[dims.length - 3], dims[dims.length - 2], dims[dims.length - 1]]
      : dims.length === 2
        ? [dims[0], dims[1], 1]
        : null;
  if (image && fits(image)) return image;
  // A flat vector: a square when it is one (784 -> 28x28), else one row.
  const length = dims.length === 1 && fits([1, dims[0], 1]) ? dims[0] : n;
  const side = Math.round(Math.sqrt(length));
  return side * side === length ? [side, side, 1] : [1, length, 1];
}
