/**
 * TensorBoard's scalar smoothing: an exponential moving average with debiasing, so the first
 * points are not dragged towards zero (tensorboard/plugins/scalar/vz_line_chart2, `resmoothDataset`).
 * `weight` is in [0, 1): 0 returns the raw values, 0.99 a very smooth line. Non-finite values
 * (gaps, a diverged NaN) stay gaps and do not poison the average.
 */
export function emaSmooth(values: ArrayLike<number | null>, weight: number): (number | null)[] {
  if (!(weight >= 0 && weight < 1)) throw new RangeError(`smoothing weight must be in [0, 1); received ${weight}`);
  const out: (number | null)[] = new Array(values.length);
  let last = 0;
  let count = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v !== "number" || !Number.isFinite(v)) {
      out[i] = null;
      continue;
    }
    last = last * weight + (1 - weight) * v;
    count++;
    const debias = weight === 0 ? 1 : 1 - weight ** count;
    out[i] = last / debias;
  }
  return out;
}
