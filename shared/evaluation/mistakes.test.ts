import { describe, expect, it } from "vitest";
import { twoColumns, worstMistakes } from "./mistakes";

describe("worst mistakes", () => {
  const probs = [
    [0.9, 0.1], // 0: right
    [0.2, 0.8], // 1: wrong, 0.8
    [0.05, 0.95], // 2: wrong, 0.95
    [0.4, 0.6], // 3: wrong, 0.6
    [0.2, 0.8], // 4: wrong, 0.8 (ties with 1)
  ].flat();
  const truth = [0, 0, 0, 0, 0];

  it("lists wrong predictions, most confident first, lower index first on ties", () => {
    expect(worstMistakes(probs, 2, truth, 10).map((m) => [m.index, m.confidence])).toEqual([
      [2, 0.95],
      [1, 0.8],
      [4, 0.8],
      [3, 0.6],
    ]);
  });

  it("keeps only the requested count and names true and predicted classes", () => {
    expect(worstMistakes(probs, 2, truth, 1)).toEqual([
      { index: 2, trueClass: 0, predictedClass: 1, confidence: 0.95 },
    ]);
    expect(worstMistakes(probs, 2, truth, 0)).toEqual([]);
  });

  it("puts NaN confidences (a diverged model) last", () => {
    const m = worstMistakes([Number.NaN, Number.NaN, 0.1, 0.9], 2, [1, 0], 5);
    expect(m.map((x) => x.index)).toEqual([1, 0]);
  });

  it("turns one sigmoid column into two class columns", () => {
    expect(twoColumns([0.25, 1])).toEqual([0.75, 0.25, 0, 1]);
  });
});
