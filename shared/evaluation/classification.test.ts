import { describe, expect, it } from "vitest";
import {
  argmaxRows,
  classCounts,
  classificationScores,
  confusionMatrix,
  majorityBaseline,
  normalizeRows,
} from "./classification";

// Expected values are scikit-learn's documented examples (confusion_matrix, classification_report).
describe("confusion matrix", () => {
  it("counts true classes in rows and predictions in columns (sklearn's example)", () => {
    const counts = confusionMatrix([2, 0, 2, 2, 0, 1], [0, 0, 2, 2, 0, 2], 3);
    expect(counts).toEqual([
      [2, 0, 0],
      [0, 0, 1],
      [1, 0, 2],
    ]);
    expect(normalizeRows(counts)).toEqual([
      [1, 0, 0],
      [0, 0, 1],
      [1 / 3, 0, 2 / 3],
    ]);
  });

  it("keeps a class that never occurs as an empty row and column; its normalized row stays 0", () => {
    const counts = confusionMatrix([0, 0, 1], [0, 1, 1], 3);
    expect(counts[2]).toEqual([0, 0, 0]);
    expect(normalizeRows(counts)[2]).toEqual([0, 0, 0]);
    expect(counts.flat().reduce((a, b) => a + b, 0)).toBe(3);
  });

  it.each([
    [[0, 3], [0, 1], "label 3 at sample 1"],
    [[0, 1], [0, -1], "prediction -1 at sample 1"],
    [[0, 1.5], [0, 1], "label 1.5 at sample 1"],
  ])("refuses ids outside 0..k-1 (%j vs %j)", (t, p, what) => {
    expect(() => confusionMatrix(t, p, 2)).toThrow(`expected class ids 0..1; received ${what}`);
  });

  it("refuses predictions that do not match the labels one to one", () => {
    expect(() => confusionMatrix([0, 1], [0], 2)).toThrow("received 2 true labels and 1 predictions");
  });
});

describe("per-class scores", () => {
  it("match sklearn's classification_report example", () => {
    const s = classificationScores(confusionMatrix([0, 1, 2, 2, 2], [0, 0, 2, 2, 1], 3));
    expect(s.accuracy).toBeCloseTo(0.6, 12);
    const round = (v: number) => Math.round(v * 100) / 100;
    expect(s.perClass.map((c) => [c.precision, c.recall, c.f1, c.support].map(round))).toEqual([
      [0.5, 1, 0.67, 1],
      [0, 0, 0, 1],
      [1, 0.67, 0.8, 3],
    ]);
    expect([s.macro.precision, s.macro.recall, s.macro.f1, s.macro.support].map(round)).toEqual([0.5, 0.56, 0.49, 5]);
    expect([s.weighted.precision, s.weighted.recall, s.weighted.f1].map(round)).toEqual([0.7, 0.6, 0.61]);
  });

  it("scores 0 (not NaN) for a class that is never predicted and never present", () => {
    const s = classificationScores(confusionMatrix([0, 1], [0, 1], 3));
    expect(s.perClass[2]).toEqual({ precision: 0, recall: 0, f1: 0, support: 0 });
    expect(s.macro.f1).toBeCloseTo(2 / 3, 12);
    expect(s.weighted.f1).toBe(1);
  });

  it("is all zeros on an empty set", () => {
    const s = classificationScores(confusionMatrix([], [], 2));
    expect(s.accuracy).toBe(0);
    expect(s.macro).toEqual({ precision: 0, recall: 0, f1: 0, support: 0 });
  });
});

describe("majority-class baseline", () => {
  it("predicts the training part's most frequent class, scored on the evaluated labels", () => {
    expect(majorityBaseline([5, 9, 2], [1, 1, 0, 2])).toEqual({ classId: 1, accuracy: 0.5 });
  });

  it("takes the lowest class id on a tie", () => {
    expect(majorityBaseline([3, 3], [1, 1, 1])).toEqual({ classId: 0, accuracy: 0 });
  });

  it("counts classes and ignores ids outside the range", () => {
    expect(classCounts([0, 2, 2, 5, -1], 3)).toEqual([1, 0, 2]);
  });
});

describe("argmax", () => {
  it("picks the largest column per row, the lowest index on ties", () => {
    expect(Array.from(argmaxRows([0.1, 0.7, 0.2, 0.5, 0.5, 0, 0, 0, 1], 3))).toEqual([1, 0, 2]);
  });
});
