/** The most confident wrong predictions: what the model is surest of and gets wrong. */
export interface Mistake {
  /** Position of the sample in the evaluated set. */
  index: number;
  trueClass: number;
  predictedClass: number;
  /** The probability (or score) the model gave its predicted class. */
  confidence: number;
}

/**
 * Up to `count` wrong predictions of an [n, k] row-major probability matrix, most confident
 * first (ties: lower index first). The prediction is the argmax (lowest class on ties).
 */
export function worstMistakes(
  probabilities: ArrayLike<number>,
  k: number,
  truth: ArrayLike<number>,
  count: number,
): Mistake[] {
  const wrong: Mistake[] = [];
  for (let i = 0; i < truth.length; i++) {
    let best = 0;
    for (let c = 1; c < k; c++) if (probabilities[i * k + c] > probabilities[i * k + best]) best = c;
    if (best !== truth[i]) {
      wrong.push({ index: i, trueClass: truth[i], predictedClass: best, confidence: probabilities[i * k + best] });
    }
  }
  // NaN confidences (a diverged model) sort last rather than poisoning the order.
  const key = (m: Mistake) => (Number.isFinite(m.confidence) ? m.confidence : Number.NEGATIVE_INFINITY);
  return wrong.sort((a, b) => key(b) - key(a) || a.index - b.index).slice(0, Math.max(0, count));
}

/** A single sigmoid column p as the two-class matrix [1 - p, p], so binary models share the code above. */
export function twoColumns(positive: ArrayLike<number>): number[] {
  const out = new Array<number>(positive.length * 2);
  for (let i = 0; i < positive.length; i++) {
    out[2 * i] = 1 - positive[i];
    out[2 * i + 1] = positive[i];
  }
  return out;
}
