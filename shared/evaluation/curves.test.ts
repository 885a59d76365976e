import { describe, expect, it } from "vitest";
import { oneVsRest, precisionRecallCurve, rocCurve, trapezoid } from "./curves";

const positives = (labels: number[], positive = 1) => labels.map((l) => l === positive);

// Expected values are scikit-learn 1.2's documented examples (roc_curve, precision_recall_curve).
describe("ROC curve", () => {
  it("matches sklearn's roc_curve example", () => {
    const roc = rocCurve(positives([1, 1, 2, 2], 2), [0.1, 0.4, 0.35, 0.8]);
    expect(roc?.fpr).toEqual([0, 0, 0.5, 0.5, 1]);
    expect(roc?.tpr).toEqual([0, 0.5, 0.5, 1, 1]);
    expect(roc?.thresholds).toEqual([1.8, 0.8, 0.4, 0.35, 0.1]);
    expect(roc?.auc).toBe(0.75);
  });

  it("makes one diagonal step of tied scores (AUC 0.5 for a constant score)", () => {
    const roc = rocCurve(positives([0, 1, 0, 1]), [0.3, 0.3, 0.3, 0.3]);
    expect(roc).toMatchObject({ fpr: [0, 1], tpr: [0, 1], auc: 0.5 });
  });

  it("counts a tie between a positive and a negative as half a correct ordering", () => {
    // pairs (pos, neg): (0.9 vs 0.5) right, (0.5 vs 0.5) tie, (0.9 vs 0.1) right, (0.5 vs 0.1) right
    const roc = rocCurve(positives([1, 1, 0, 0]), [0.9, 0.5, 0.5, 0.1]);
    expect(roc?.auc).toBe(3.5 / 4);
  });

  it("drops collinear points but keeps every corner", () => {
    const roc = rocCurve(positives([1, 1, 1, 0, 0, 0]), [0.9, 0.8, 0.7, 0.3, 0.2, 0.1]);
    expect(roc?.fpr).toEqual([0, 0, 0, 1]);
    expect(roc?.tpr).toEqual([0, 1 / 3, 1, 1]);
    expect(roc?.auc).toBe(1);
  });

  it.each([
    [[1, 1], [0.2, 0.4], "no negative"],
    [[0, 0], [0.2, 0.4], "no positive"],
    [[0, 1], [0.2, Number.NaN], "a NaN score"],
    [[], [], "no sample"],
  ])("is undefined (null) for %j / %j (%s)", (labels, scores) => {
    expect(rocCurve(positives(labels), scores)).toBeNull();
  });

  it("integrates by the trapezoidal rule", () => {
    expect(trapezoid([0, 0.5, 1], [0, 1, 1])).toBe(0.75);
  });
});

describe("precision-recall curve", () => {
  it("matches sklearn's precision_recall_curve and average_precision_score examples", () => {
    const pr = precisionRecallCurve(positives([0, 0, 1, 1]), [0.1, 0.4, 0.35, 0.8]);
    expect(pr?.precision.map((p) => Math.round(p * 1e8) / 1e8)).toEqual([0.5, 0.66666667, 0.5, 1, 1]);
    expect(pr?.recall).toEqual([1, 1, 0.5, 0.5, 0]);
    expect(pr?.thresholds).toEqual([0.1, 0.35, 0.4, 0.8]);
    expect(pr?.averagePrecision).toBeCloseTo(0.8333333333, 9);
  });

  it("is defined without negatives and undefined without positives", () => {
    expect(precisionRecallCurve(positives([1, 1]), [0.2, 0.9])?.averagePrecision).toBe(1);
    expect(precisionRecallCurve(positives([0, 0]), [0.2, 0.9])).toBeNull();
  });
});

describe("one-vs-rest", () => {
  it("scores class c by its probability column, positives where the label is c", () => {
    const probs = [0.7, 0.2, 0.1, 0.1, 0.8, 0.1, 0.2, 0.2, 0.6];
    expect(oneVsRest(probs, 3, [0, 1, 2], 1)).toEqual({ positive: [false, true, false], scores: [0.2, 0.8, 0.2] });
  });
});
