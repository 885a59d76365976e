/**
 * Plain-number reference maths for the attention family: the docs' worked examples and the tests
 * check against these, and the tfjs custom layers of the next issue can be checked against them.
 */

/** softmax(z)_i = exp(z_i) / sum_j exp(z_j), shifted by max(z) for stability; -Infinity entries get 0. */
export function softmax(z: readonly number[]): number[] {
  const m = Math.max(...z);
  const e = z.map((x) => (x === Number.NEGATIVE_INFINITY ? 0 : Math.exp(x - m)));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / s);
}

/**
 * Attention(Q, K, V) = softmax(Q K^T / sqrt(d_k)) V (Vaswani et al. 2017, eq. 1). With `causal`,
 * query i sees keys j <= i only (score -Infinity above the diagonal), as Keras' use_causal_mask.
 */
export function scaledDotProductAttention(
  q: readonly (readonly number[])[],
  k: readonly (readonly number[])[],
  v: readonly (readonly number[])[],
  causal = false,
): { scores: number[][]; weights: number[][]; output: number[][] } {
  const dk = q[0]?.length ?? 0;
  const scale = 1 / Math.sqrt(dk);
  const scores = q.map((qi, i) =>
    k.map((kj, j) =>
      causal && j > i ? Number.NEGATIVE_INFINITY : qi.reduce((a, x, t) => a + x * (kj[t] as number), 0) * scale,
    ),
  );
  const weights = scores.map(softmax);
  const dv = v[0]?.length ?? 0;
  const output = weights.map((w) =>
    Array.from({ length: dv }, (_, c) => w.reduce((a, wj, j) => a + wj * (v[j]?.[c] as number), 0)),
  );
  return { scores, weights, output };
}

/** Sinusoidal table (Vaswani et al. 2017, sec. 3.5): PE[pos][2i] = sin(pos / 10000^(2i/d)), PE[pos][2i+1] = cos(...). */
export function sinusoidalEncoding(length: number, d: number): number[][] {
  return Array.from({ length }, (_, pos) =>
    Array.from({ length: d }, (_, c) => {
      const angle = pos / 10000 ** ((2 * Math.floor(c / 2)) / d);
      return c % 2 === 0 ? Math.sin(angle) : Math.cos(angle);
    }),
  );
}
