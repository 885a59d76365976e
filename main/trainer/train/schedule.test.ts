import { describe, expect, it } from "vitest";
import { ScheduleSchema } from "../../../shared/training/config";
import { changesPerStep, learningRateAt } from "./schedule";

const at = (raw: Record<string, unknown>, epoch: number, step = 0) =>
  learningRateAt(0.1, ScheduleSchema.parse(raw), { epoch, step });

describe("learning-rate schedules", () => {
  it("none keeps the rate", () => {
    expect(at({ type: "none" }, 50, 10_000)).toBe(0.1);
  });

  it("step drops by the factor every dropEvery epochs", () => {
    const s = { type: "step", dropEvery: 10, factor: 0.5 };
    expect([0, 9, 10, 19, 20, 25].map((e) => at(s, e))).toEqual([0.1, 0.1, 0.05, 0.05, 0.025, 0.025]);
  });

  it("exponential decays per step, continuously or in stairs (Keras' ExponentialDecay)", () => {
    const s = { type: "exponential", decayRate: 0.96, decaySteps: 100 };
    expect(at(s, 0, 0)).toBe(0.1);
    expect(at(s, 0, 100)).toBeCloseTo(0.096, 12);
    expect(at(s, 0, 50)).toBeCloseTo(0.1 * Math.sqrt(0.96), 12); // 0.0979796
    expect(at({ ...s, staircase: true }, 0, 150)).toBeCloseTo(0.096, 12);
    expect(at({ ...s, staircase: true }, 0, 99)).toBe(0.1);
  });

  it("cosine goes from lr to alpha·lr over decaySteps and stays there (Keras' CosineDecay)", () => {
    const s = { type: "cosine", decaySteps: 100, alpha: 0.1 };
    expect(at(s, 0, 0)).toBeCloseTo(0.1, 12);
    expect(at(s, 0, 50)).toBeCloseTo(0.1 * (0.9 * 0.5 + 0.1), 12); // 0.055
    expect(at(s, 0, 25)).toBeCloseTo(0.1 * (0.9 * 0.5 * (1 + Math.SQRT1_2) + 0.1), 12);
    expect(at(s, 0, 100)).toBeCloseTo(0.01, 12);
    expect(at(s, 0, 1000)).toBeCloseTo(0.01, 12);
    expect(at({ type: "cosine", decaySteps: 100 }, 0, 100)).toBeCloseTo(0, 12);
  });

  it("knows which schedules change between batches", () => {
    expect(changesPerStep(ScheduleSchema.parse({ type: "cosine" }))).toBe(true);
    expect(changesPerStep(ScheduleSchema.parse({ type: "exponential" }))).toBe(true);
    expect(changesPerStep(ScheduleSchema.parse({ type: "step" }))).toBe(false);
    expect(changesPerStep(ScheduleSchema.parse({ type: "none" }))).toBe(false);
  });
});
