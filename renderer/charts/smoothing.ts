/**
 * TensorBoard's scalar smoothing: an exponential moving average with debiasing, so the first
 * points are not dragged towards zero (tensorboard/plugins/scalar/vz_line_chart2, `resmoothDataset`).
 * `weight` is in [0, 1): 0 returns the raw values, 0.99 a very smooth line. Non-finite values
 * (gaps, a diverged NaN) stay gaps and do not poison the average.
 */
export function emaSmooth(values: ArrayLike<number | null>, weight: number): (number | null)[] {
  if (!(weight >= 0 && weight < 1)) throw new RangeError(`smoothing weight must be in [0, 1); received ${weight}`);
  const out: (number | null)[] = new Array(values.length);
  // The debiased average as a running weighted mean: `total` is the sum of the weights so far
  // (1 + w + w^2 + ...), and each value moves the mean by its share. Dividing TensorBoard's
  // biased average by 1 - w^n instead inflated rounding (a tiny value came out larger than
  // any value seen), and sums of large values overflowed.
  let mean = 0;
  let total = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v !== "number" || !Number.isFinite(v)) {
      out[i] = null;
      continue;
    }
    total = total * weight + 1;
    const share = 1 / total;
    const next = mean * (1 - share) + v * share;
    // A mean of two numbers lies between them; rounding must not take it out (or to Infinity).
    mean = Math.min(Math.max(next, Math.min(mean, v)), Math.max(mean, v));
    out[i] = mean;
  }
  return out;
}
