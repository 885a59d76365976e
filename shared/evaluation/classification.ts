/**
 * Classification scores from class ids, with scikit-learn's definitions and layout so the numbers
 * can be checked against it: confusion_matrix (rows = true class), precision_recall_fscore_support
 * (zero_division = 0), classification_report's macro and weighted averages.
 */

export interface ClassScores {
  precision: number;
  recall: number;
  f1: number;
  /** Samples whose true class is this one (for an average: all samples). */
  support: number;
}

export interface ClassificationScores {
  accuracy: number;
  perClass: ClassScores[];
  /** Unweighted mean over the classes, absent classes included (scikit-learn with labels=range(k)). */
  macro: ClassScores;
  /** Mean weighted by support. */
  weighted: ClassScores;
}

/** counts[t][p]: samples of true class t predicted as class p, for classes 0..classes-1. */
export function confusionMatrix(truth: ArrayLike<number>, predicted: ArrayLike<number>, classes: number): number[][] {
  if (truth.length !== predicted.length) {
    throw new RangeError(
      `expected one prediction per sample; received ${truth.length} true labels and ${predicted.length} predictions`,
    );
  }
  const counts = Array.from({ length: classes }, () => new Array<number>(classes).fill(0));
  for (let i = 0; i < truth.length; i++) {
    const t = truth[i];
    const p = predicted[i];
    if (!isClass(t, classes) || !isClass(p, classes)) {
      const bad = isClass(t, classes) ? `prediction ${p}` : `label ${t}`;
      throw new RangeError(`expected class ids 0..${classes - 1}; received ${bad} at sample ${i}`);
    }
    counts[t][p]++;
  }
  return counts;
}

/** Each row divided by its sum (the share of a true class predicted as each class); an empty row stays 0. */
export function normalizeRows(counts: readonly (readonly number[])[]): number[][] {
  return counts.map((row) => {
    const sum = row.reduce((a, b) => a + b, 0);
    return row.map((c) => (sum > 0 ? c / sum : 0));
  });
}

/** Accuracy, per-class precision/recall/F1/support and their averages, from a confusion matrix. */
export function classificationScores(counts: readonly (readonly number[])[]): ClassificationScores {
  const k = counts.length;
  const total = counts.reduce((a, row) => a + row.reduce((b, c) => b + c, 0), 0);
  let correct = 0;
  const perClass: ClassScores[] = [];
  for (let c = 0; c < k; c++) {
    const tp = counts[c][c];
    correct += tp;
    const support = counts[c].reduce((a, b) => a + b, 0);
    let predictedAs = 0;
    for (let t = 0; t < k; t++) predictedAs += counts[t][c];
    const precision = ratio(tp, predictedAs);
    const recall = ratio(tp, support);
    // F1 = 2TP / (2TP + FP + FN), which is 0 (not NaN) when precision and recall are both 0.
    const f1 = ratio(2 * tp, predictedAs + support);
    perClass.push({ precision, recall, f1, support });
  }
  const mean = (pick: (s: ClassScores) => number, weight: (s: ClassScores) => number) => {
    const w = perClass.reduce((a, s) => a + weight(s), 0);
    return w > 0 ? perClass.reduce((a, s) => a + pick(s) * weight(s), 0) / w : 0;
  };
  const average = (weight: (s: ClassScores) => number): ClassScores => ({
    precision: mean((s) => s.precision, weight),
    recall: mean((s) => s.recall, weight),
    f1: mean((s) => s.f1, weight),
    support: total,
  });
  return {
    accuracy: ratio(correct, total),
    perClass,
    macro: average(() => 1),
    weighted: average((s) => s.support),
  };
}

export interface Baseline {
  /** The class a constant classifier predicts: the most frequent one in `counts` (lowest id on ties). */
  classId: number;
  /** Its accuracy on the evaluated labels. */
  accuracy: number;
}

/**
 * The majority-class baseline (scikit-learn's DummyClassifier "most_frequent"): fitted on the
 * class counts of the training part, scored on the evaluated labels. A model must beat it.
 */
export function majorityBaseline(trainCounts: readonly number[], truth: ArrayLike<number>): Baseline {
  let classId = 0;
  for (let c = 1; c < trainCounts.length; c++) if (trainCounts[c] > trainCounts[classId]) classId = c;
  let hits = 0;
  for (let i = 0; i < truth.length; i++) if (truth[i] === classId) hits++;
  return { classId, accuracy: ratio(hits, truth.length) };
}

/** Samples per class id. */
export function classCounts(labels: ArrayLike<number>, classes: number): number[] {
  const out = new Array<number>(classes).fill(0);
  for (let i = 0; i < labels.length; i++) if (isClass(labels[i], classes)) out[labels[i]]++;
  return out;
}

/** Row-wise argmax of an [n, k] row-major matrix (lowest index on ties, as numpy). */
export function argmaxRows(values: ArrayLike<number>, k: number): Int32Array {
  const n = Math.floor(values.length / k);
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let best = 0;
    for (let c = 1; c < k; c++) if (values[i * k + c] > values[i * k + best]) best = c;
    out[i] = best;
  }
  return out;
}

const isClass = (v: number, classes: number) => Number.isInteger(v) && v >= 0 && v < classes;
const ratio = (a: number, b: number) => (b > 0 ? a / b : 0);
