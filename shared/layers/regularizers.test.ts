import { describe, expect, it } from "vitest";
import {
  penalty,
  penaltyGradient,
  REGULARIZER_NAMES,
  REGULARIZERS,
  regularizerName,
  weightDecayFactor,
} from "./regularizers";

describe("penalty", () => {
  it("G-19: L = 0.5, W = (1, -2), lambda = 0.01 -> L_reg = 0.55 (no 1/2 factor)", () => {
    expect(0.5 + penalty([1, -2], { l2: 0.01 })).toBeCloseTo(0.55, 12);
  });

  it("L1: 0.1 * (0.5 + 1.5 + 2) = 0.4", () => {
    expect(penalty([0.5, -1.5, 2], { l1: 0.1 })).toBeCloseTo(0.4, 12);
  });

  it("L1 + L2 adds both terms (the value tfjs' l1l2 gives)", () => {
    expect(penalty([1, -2, 0.5], { l1: 0.1, l2: 0.01 })).toBeCloseTo(0.35 + 0.0525, 12);
    expect(penalty([], { l1: 1, l2: 1 })).toBe(0);
  });
});

describe("penaltyGradient", () => {
  it("matches a central finite difference away from 0", () => {
    const w = [0.7, -1.3, 2.1];
    const factors = { l1: 0.05, l2: 0.02 };
    const grad = penaltyGradient(w, factors);
    const h = 1e-6;
    w.forEach((_, i) => {
      const plus = w.map((v, j) => (j === i ? v + h : v));
      const minus = w.map((v, j) => (j === i ? v - h : v));
      expect(grad[i]).toBeCloseTo((penalty(plus, factors) - penalty(minus, factors)) / (2 * h), 8);
    });
  });

  it("takes the L1 subgradient at 0 as 0", () => {
    expect(penaltyGradient([0], { l1: 0.1 })).toEqual([0]);
  });
});

describe("L2 as weight decay", () => {
  it("one SGD step on L + l2 sum w^2 shrinks w by (1 - 2 lr l2) then steps", () => {
    const w = [0.8, -1.5];
    const dataGrad = [0.3, -0.1];
    const lr = 0.1;
    const l2 = 0.05;
    const reg = penaltyGradient(w, { l2 });
    const sgd = w.map((v, i) => v - lr * (dataGrad[i] + reg[i]));
    const decayed = w.map((v, i) => weightDecayFactor(lr, l2) * v - lr * dataGrad[i]);
    for (const [i, v] of sgd.entries()) expect(v).toBeCloseTo(decayed[i], 12);
    expect(weightDecayFactor(lr, l2)).toBeCloseTo(0.99, 12);
  });
});

describe("catalog", () => {
  it("names a param value by its non-zero factors", () => {
    expect(regularizerName(null)).toBeNull();
    expect(regularizerName({ l1: 0, l2: 0 })).toBeNull();
    expect(regularizerName({ l1: 0.01, l2: 0 })).toBe("l1");
    expect(regularizerName({ l1: 0, l2: 0.01 })).toBe("l2");
    expect(regularizerName({ l1: 0.01, l2: 0.01 })).toBe("l1l2");
  });

  it("each entry's defaults are tfjs' and select that entry", () => {
    for (const name of REGULARIZER_NAMES) expect(regularizerName(REGULARIZERS[name].defaults)).toBe(name);
    expect(REGULARIZERS.l1l2.defaults).toEqual({ l1: 0.01, l2: 0.01 });
  });

  it("explains weight decay under L2", () => {
    expect(REGULARIZERS.l2.aliases).toContain("weight decay");
    expect(REGULARIZERS.l2.notes.join(" ")).toContain("1 - 2 lr l2");
  });
});
