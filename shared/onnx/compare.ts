/** A named output as two runtimes produced it: row-major values with the batch first. */
export interface OutputValues {
  name: string;
  shape: readonly number[];
  data: ArrayLike<number>;
}

/** Relative differences are taken against max(|expected|, REL_FLOOR), so values near 0 do not divide by 0. */
export const REL_FLOOR = 1e-3;

export interface Comparison {
  maxAbsDiff: number;
  maxRelDiff: number;
  /** Why the outputs cannot be compared value by value (a missing output, a shape mismatch). */
  problem: string | null;
}

/**
 * Largest absolute and relative difference between the exported file's outputs and the trained
 * model's, output by output. NaN on either side counts as an infinite difference, so it fails.
 */
export function compareOutputs(actual: readonly OutputValues[], expected: readonly OutputValues[]): Comparison {
  let maxAbsDiff = 0;
  let maxRelDiff = 0;
  for (const want of expected) {
    const got = actual.find((a) => a.name === want.name);
    if (!got) return { maxAbsDiff: Infinity, maxRelDiff: Infinity, problem: `the file has no output "${want.name}"` };
    if (got.shape.join() !== want.shape.join()) {
      return {
        maxAbsDiff: Infinity,
        maxRelDiff: Infinity,
        problem: `output "${want.name}" has shape [${got.shape.join(", ")}] in the file and [${want.shape.join(", ")}] in the model`,
      };
    }
    for (let i = 0; i < want.data.length; i++) {
      const b = Number(want.data[i]);
      const d = Math.abs(Number(got.data[i]) - b);
      if (Number.isNaN(d))
        return { maxAbsDiff: Infinity, maxRelDiff: Infinity, problem: `output "${want.name}" has NaN` };
      if (d > maxAbsDiff) maxAbsDiff = d;
      const r = d / Math.max(Math.abs(b), REL_FLOOR);
      if (r > maxRelDiff) maxRelDiff = r;
    }
  }
  return { maxAbsDiff, maxRelDiff, problem: null };
}
