/**
 * ROC and precision-recall curves of a score against binary truth, computed as scikit-learn 1.2
 * does (sklearn/metrics/_ranking.py: _binary_clf_curve, roc_curve, precision_recall_curve,
 * average_precision_score, auc), so tied scores make one step and the areas agree with it.
 */

export interface RocCurve {
  fpr: number[];
  tpr: number[];
  /** Positive when score >= threshold; the first is max score + 1 (the (0, 0) corner), as sklearn 1.2. */
  thresholds: number[];
  auc: number;
}

export interface PrCurve {
  /** Recall decreasing to 0; the last point (precision 1, recall 0) has no threshold. */
  precision: number[];
  recall: number[];
  thresholds: number[];
  averagePrecision: number;
}

interface Counts {
  /** False and true positives when every sample scoring >= thresholds[i] is called positive. */
  fps: number[];
  tps: number[];
  /** Distinct scores, decreasing. */
  thresholds: number[];
}

/** Cumulative counts at each distinct score, highest first; a group of tied scores is one step. */
function binaryCounts(positive: ArrayLike<boolean>, scores: ArrayLike<number>): Counts {
  const n = scores.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[b] - scores[a]);
  const out: Counts = { fps: [], tps: [], thresholds: [] };
  let tp = 0;
  for (let r = 0; r < n; r++) {
    const i = order[r];
    if (positive[i]) tp++;
    if (r === n - 1 || scores[order[r + 1]] !== scores[i]) {
      out.tps.push(tp);
      out.fps.push(r + 1 - tp);
      out.thresholds.push(scores[i]);
    }
  }
  return out;
}

/** Why a curve cannot be drawn, or null when it can. */
function undefinedReason(positive: ArrayLike<boolean>, scores: ArrayLike<number>, need: "both" | "positives") {
  if (positive.length !== scores.length)
    return `expected one score per sample; received ${positive.length} labels and ${scores.length} scores`;
  if (scores.length === 0) return "no samples";
  for (let i = 0; i < scores.length; i++) if (!Number.isFinite(scores[i])) return `a non-finite score at sample ${i}`;
  let pos = 0;
  for (let i = 0; i < positive.length; i++) if (positive[i]) pos++;
  if (pos === 0) return "no positive sample";
  if (need === "both" && pos === positive.length) return "no negative sample";
  return null;
}

/**
 * The ROC curve with collinear points dropped (sklearn's drop_intermediate, which changes neither
 * the plot nor the area) and its AUC; null, with nothing to plot, when a class is missing.
 */
export function rocCurve(positive: ArrayLike<boolean>, scores: ArrayLike<number>): RocCurve | null {
  if (undefinedReason(positive, scores, "both")) return null;
  let { fps, tps, thresholds } = binaryCounts(positive, scores);
  if (fps.length > 2) {
    const keep = fps.map(
      (_, i) =>
        i === 0 ||
        i === fps.length - 1 ||
        fps[i + 1] - 2 * fps[i] + fps[i - 1] !== 0 ||
        tps[i + 1] - 2 * tps[i] + tps[i - 1] !== 0,
    );
    fps = fps.filter((_, i) => keep[i]);
    tps = tps.filter((_, i) => keep[i]);
    thresholds = thresholds.filter((_, i) => keep[i]);
  }
  const negatives = fps[fps.length - 1];
  const positives = tps[tps.length - 1];
  const fpr = [0, ...fps.map((f) => f / negatives)];
  const tpr = [0, ...tps.map((t) => t / positives)];
  return { fpr, tpr, thresholds: [thresholds[0] + 1, ...thresholds], auc: trapezoid(fpr, tpr) };
}

/** Area under a curve whose x never decreases, by the trapezoidal rule (sklearn.metrics.auc). */
export function trapezoid(x: readonly number[], y: readonly number[]): number {
  let area = 0;
  for (let i = 1; i < x.length; i++) area += ((x[i] - x[i - 1]) * (y[i] + y[i - 1])) / 2;
  return area;
}

/**
 * The precision-recall curve and the average precision AP = sum_n (R_n - R_{n-1}) P_n (a step
 * function, no interpolation); null when there is no positive sample.
 */
export function precisionRecallCurve(positive: ArrayLike<boolean>, scores: ArrayLike<number>): PrCurve | null {
  if (undefinedReason(positive, scores, "positives")) return null;
  const { fps, tps, thresholds } = binaryCounts(positive, scores);
  const positives = tps[tps.length - 1];
  const precision = tps.map((t, i) => (t + fps[i] > 0 ? t / (t + fps[i]) : 0)).reverse();
  const recall = tps.map((t) => t / positives).reverse();
  precision.push(1);
  recall.push(0);
  let ap = 0;
  for (let i = 0; i < recall.length - 1; i++) ap += (recall[i] - recall[i + 1]) * precision[i];
  return { precision, recall, thresholds: [...thresholds].reverse(), averagePrecision: ap };
}

/** One-vs-rest inputs for class c of an [n, k] row-major probability matrix. */
export function oneVsRest(
  probabilities: ArrayLike<number>,
  k: number,
  truth: ArrayLike<number>,
  c: number,
): { positive: boolean[]; scores: number[] } {
  const n = truth.length;
  const positive = new Array<boolean>(n);
  const scores = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    positive[i] = truth[i] === c;
    scores[i] = probabilities[i * k + c];
  }
  return { positive, scores };
}
