import { describe, expect, it } from "vitest";
import { compareOutputs, REL_FLOOR } from "./compare";

const out = (data: number[], shape = [data.length], name = "y") => ({ name, shape, data });

describe("compareOutputs", () => {
  it("takes the largest absolute and relative difference over every output", () => {
    const c = compareOutputs([out([1, 2.5, -4]), out([10], [1], "z")], [out([1, 2, -4.1]), out([10.001], [1], "z")]);
    expect(c.problem).toBeNull();
    expect(c.maxAbsDiff).toBeCloseTo(0.5, 12);
    expect(c.maxRelDiff).toBeCloseTo(0.25, 12);
  });

  it("measures values near 0 against REL_FLOOR instead of dividing by 0", () => {
    const c = compareOutputs([out([1e-6])], [out([0])]);
    expect(c.maxRelDiff).toBeCloseTo(1e-6 / REL_FLOOR, 12);
  });

  it("fails NaN, a missing output and a shape mismatch", () => {
    expect(compareOutputs([out([Number.NaN])], [out([1])])).toMatchObject({
      maxAbsDiff: Infinity,
      problem: 'output "y" has NaN',
    });
    expect(compareOutputs([], [out([1])]).problem).toBe('the file has no output "y"');
    expect(compareOutputs([out([1, 2], [1, 2])], [out([1, 2], [2, 1])]).problem).toBe(
      'output "y" has shape [1, 2] in the file and [2, 1] in the model',
    );
  });
});
