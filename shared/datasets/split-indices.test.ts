import { describe, expect, it } from "vitest";
import { SplitSchema } from "./split";
import { classBalance, kFoldIndices, splitIndices, stratifiedCounts } from "./split-indices";

const spec = (s: Record<string, unknown>) => SplitSchema.parse(s);
const labels = Array.from({ length: 100 }, (_, i) => (i < 90 ? 0 : 1)); // 90/10 imbalance

describe("splitIndices", () => {
  it("uses every sample exactly once and repeats for a seed", () => {
    const s = splitIndices(100, spec({ validation: 0.2, test: 0.1, seed: 7 }));
    expect([...s.train, ...s.validation, ...s.test].sort((a, b) => a - b)).toEqual(
      Array.from({ length: 100 }, (_, i) => i),
    );
    expect([s.train.length, s.validation.length, s.test.length]).toEqual([70, 20, 10]);
    expect(splitIndices(100, spec({ validation: 0.2, test: 0.1, seed: 7 }))).toEqual(s);
    expect(splitIndices(100, spec({ validation: 0.2, test: 0.1, seed: 8 }))).not.toEqual(s);
  });

  it("stratifies: a rare class keeps its share in every part", () => {
    const s = splitIndices(100, spec({ validation: 0.2, test: 0.2, stratify: true }), labels);
    const b = classBalance(s, labels, 2);
    expect(b).toEqual({ train: [54, 6], validation: [18, 2], test: [18, 2] });
  });

  it("predicts a stratified split's balance from the class counts alone", () => {
    const s = splitIndices(100, spec({ validation: 0.2, test: 0.2, stratify: true }), labels);
    expect(stratifiedCounts([90, 10], { validation: 0.2, test: 0.2 })).toEqual(classBalance(s, labels, 2));
  });

  it("without stratification, cuts one shuffle (the rare class may be missing from a part)", () => {
    const s = splitIndices(100, spec({ validation: 0.2, test: 0, stratify: false, seed: 3 }), labels);
    expect(s.validation).toHaveLength(20);
  });

  it("keeps the order when shuffle is off, holding out the end of the data as Keras' validationSplit does", () => {
    const s = splitIndices(10, spec({ validation: 0.2, test: 0.1, shuffle: false, stratify: false }));
    expect(s).toEqual({ train: [0, 1, 2, 3, 4, 5, 6], validation: [7, 8], test: [9] });
  });

  it("refuses a split that leaves nothing to train on", () => {
    expect(SplitSchema.safeParse({ validation: 0.6, test: 0.5 }).success).toBe(false);
  });
});

describe("kFoldIndices", () => {
  it("puts every sample in exactly one validation fold, stratified", () => {
    const folds = kFoldIndices(100, 5, 1, labels);
    expect(folds).toHaveLength(5);
    const all = folds.flatMap((f) => f.validation).sort((a, b) => a - b);
    expect(all).toEqual(Array.from({ length: 100 }, (_, i) => i));
    for (const f of folds) {
      expect(f.validation.filter((i) => labels[i] === 1)).toHaveLength(2);
      expect(f.train.length + f.validation.length).toBe(100);
    }
  });
  it("names the bounds of k", () => {
    expect(() => kFoldIndices(10, 1, 0)).toThrow(
      "k-fold needs an integer k from 2 to the number of samples (10); received k=1",
    );
  });
});
