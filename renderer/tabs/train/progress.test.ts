import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { anyNumber } from "../../__fixtures__/numbers";
import { durationText, etaSeconds, runFraction } from "./progress";

const run = {
  epoch: 4,
  batch: 5,
  batchesPerEpoch: 10,
  epochsDone: 4,
  epochsPlanned: 10,
  status: "running" as const,
  startedAtMs: 0,
  pausedAtMs: null,
  pausedMs: 0,
};

describe("runFraction and etaSeconds", () => {
  it("counts finished epochs and the share of the current one", () => {
    expect(runFraction(run)).toBeCloseTo(0.45, 12);
    expect(runFraction({ ...run, status: "completed" })).toBe(1);
    expect(runFraction({ ...run, epochsPlanned: null })).toBe(0);
  });

  it("projects the average pace so far", () => {
    // 45% done in 9 s -> 11 s left.
    expect(etaSeconds(run, 9000)).toBeCloseTo(11, 9);
  });

  it("holds the estimate still while paused, and leaves paused time out of the pace", () => {
    // Paused at 9 s, 45% done: 11 s left, however long the pause lasts.
    const paused = { ...run, status: "paused" as const, pausedAtMs: 9000 };
    expect(etaSeconds(paused, 9000)).toBeCloseTo(11, 9);
    expect(etaSeconds(paused, 60_000)).toBeCloseTo(11, 9);
    // Resumed after a 50 s pause, and 45% done after 9 s of training: still 11 s left.
    expect(etaSeconds({ ...run, pausedMs: 50_000 }, 59_000)).toBeCloseTo(11, 9);
  });

  it("has no estimate before there is a pace, or once the run ended", () => {
    expect(etaSeconds({ ...run, epoch: 0, batch: 0, epochsDone: 0 }, 9000)).toBeNull();
    expect(etaSeconds({ ...run, status: "stopped" as never }, 9000)).toBeNull();
    expect(etaSeconds({ ...run, startedAtMs: null }, 9000)).toBeNull();
  });
});

describe("durationText", () => {
  it.each([
    [42.4, "42 s"],
    [187, "3:07"],
    [3729, "1:02:09"],
    [-3, "0 s"],
    [Number.NaN, "–"],
    [Number.POSITIVE_INFINITY, "–"],
  ])("%f s reads %s", (s, text) => {
    expect(durationText(s)).toBe(text);
  });
});

describe("progress on any counters", () => {
  const status = fc.constantFrom("running", "paused", "completed", "stopped") as fc.Arbitrary<"running">;
  const anyRun = fc.record({
    epoch: anyNumber,
    batch: anyNumber,
    batchesPerEpoch: anyNumber,
    epochsDone: anyNumber,
    epochsPlanned: fc.option(anyNumber),
    status,
    startedAtMs: fc.option(anyNumber),
    pausedAtMs: fc.option(anyNumber),
    pausedMs: anyNumber,
  });

  it("is a fraction in [0, 1], a time left that is null or finite, and a short duration text", () => {
    fc.assert(
      fc.property(anyRun, anyNumber, (r, now) => {
        const f = runFraction(r);
        expect(f >= 0 && f <= 1).toBe(true);
        const eta = etaSeconds(r, now);
        if (eta !== null) expect(Number.isFinite(eta) && eta >= 0).toBe(true);
        expect(durationText(eta ?? now).length).toBeLessThanOrEqual(40);
        expect(durationText(now)).not.toMatch(/NaN|Infinity/);
      }),
      { numRuns: 3000 },
    );
  });
});
