import { describe, expect, it } from "vitest";
import { regressionScores, residuals } from "./regression";

// Expected values are scikit-learn's documented examples (r2_score, mean_squared_error, ...).
describe("regression scores", () => {
  it("match sklearn's single-output examples", () => {
    const s = regressionScores([3, -0.5, 2, 7], [2.5, 0, 2, 8]);
    expect(s.mae).toBe(0.5);
    expect(s.mse).toBe(0.375);
    expect(s.rmse).toBeCloseTo(Math.sqrt(0.375), 12);
    expect(s.r2).toBeCloseTo(0.9486081370449679, 12);
    expect(s.adjustedR2).toBeNull();
  });

  it("average the outputs uniformly, as sklearn's multioutput default", () => {
    const actual = [0.5, 1, -1, 1, 7, -6];
    const predicted = [0, 2, -1, 2, 8, -5];
    const s = regressionScores(actual, predicted, 2);
    expect(s.mae).toBe(0.75);
    expect(s.mse).toBeCloseTo(0.7083333333333334, 12);
    expect(s.rmse).toBeCloseTo(0.8227486121839513, 12);
    expect(s.r2).toBeCloseTo(0.9368005266622779, 12);
  });

  it("adjust R² for the number of features: 1 - (1 - R²)(n - 1)/(n - p - 1)", () => {
    const actual = [1, 2, 3, 4, 5, 6];
    const predicted = [1.1, 1.9, 3.2, 3.8, 5.1, 6.3];
    const { r2, adjustedR2 } = regressionScores(actual, predicted, 1, 2);
    expect(adjustedR2).toBeCloseTo(1 - ((1 - r2) * 5) / 3, 12);
    expect(regressionScores(actual, predicted, 1, 5).adjustedR2).toBeNull();
  });

  it("score a constant target 1 when fitted exactly and 0 otherwise (sklearn's force_finite)", () => {
    expect(regressionScores([2, 2], [2, 2]).r2).toBe(1);
    expect(regressionScores([2, 2], [2, 3]).r2).toBe(0);
  });

  it("refuse mismatched lengths with both counts", () => {
    expect(() => regressionScores([1, 2], [1])).toThrow("received 2 targets and 1 predictions");
    expect(() => regressionScores([1, 2, 3], [1, 2, 3], 2)).toThrow("samples of 2 output(s)");
  });

  it("give residuals as actual minus predicted", () => {
    expect(residuals([3, -0.5], [2.5, 0])).toEqual([0.5, -0.5]);
  });
});
