import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { mulberry32 } from "../../../shared/random";
import { deadFraction, gradientWarnings, histogram, l2Norm } from "./telemetry-stats";

const PYTHON = "/usr/bin/python3";

/** numpy.histogram(values, 30) on each array: counts and the range's ends. */
function numpyHistograms(arrays: number[][]): { counts: number[]; min: number; max: number }[] | string {
  const script =
    "import sys, json, numpy as np\n" +
    "out = []\n" +
    "for a in json.load(sys.stdin):\n" +
    "    c, e = np.histogram(np.array(a, dtype=np.float32), bins=30)\n" +
    "    out.append({'counts': c.tolist(), 'min': float(e[0]), 'max': float(e[-1])})\n" +
    "print(json.dumps(out))\n";
  const r = spawnSync(PYTHON, ["-c", script], { input: JSON.stringify(arrays), encoding: "utf8" });
  if (r.status !== 0) return `numpy is not available (${r.error?.message ?? r.stderr.trim()})`;
  return JSON.parse(r.stdout);
}

describe("telemetry histograms", () => {
  const random = mulberry32(7);
  const f32 = (a: number[]) => Array.from(Float32Array.from(a));
  const known = [
    f32(Array.from({ length: 1000 }, () => random() * 4 - 2)),
    f32(Array.from({ length: 257 }, () => (random() - 0.5) ** 3 * 1e-3)),
    f32([0, 0, 0, 1, 1, 2, 3, 3, 3, 3]),
    [0.25, 0.25, 0.25],
    [-5],
    f32(Array.from({ length: 300 }, (_, i) => Math.max(0, Math.sin(i)))),
  ];

  it("equal numpy.histogram with 30 bins on known tensors", (ctx) => {
    const reference = numpyHistograms(known);
    if (typeof reference === "string") {
      console.log(`skipping the numpy comparison: ${reference}`);
      ctx.skip();
      return;
    }
    known.forEach((values, i) => {
      const h = histogram(Float32Array.from(values));
      expect(h?.counts, `array ${i}`).toEqual(reference[i].counts);
      expect(h?.min).toBeCloseTo(reference[i].min, 6);
      expect(h?.max).toBeCloseTo(reference[i].max, 6);
    });
  });

  it("counts every finite value once, and leaves out NaN and infinities", () => {
    const h = histogram([1, Number.NaN, 2, Number.POSITIVE_INFINITY, 3]);
    expect(h?.counts.reduce((a, b) => a + b)).toBe(3);
    expect(h).toMatchObject({ min: 1, max: 3 });
    expect(histogram([Number.NaN])).toBeNull();
  });

  it("computes the L2 norm over several weight tensors", () => {
    expect(l2Norm([[3], [4, 0]])).toBe(5);
  });
});

describe("dead ReLU units", () => {
  it("counts the units (last axis) never positive anywhere in the batch", () => {
    // 2 samples x 2 positions x 4 channels: channel 0 positive once, 1 never, 2 always, 3 only zeros.
    const values = [0.5, -1, 1, 0, -2, -1, 2, 0, -1, 0, 3, 0, -1, -3, 4, 0];
    expect(deadFraction(values, 4)).toBe(0.5);
    expect(deadFraction([1, 2, 3], 3)).toBe(0);
  });
});

describe("gradient warnings", () => {
  it("flag vanishing relative to the weights, exploding over the threshold and 10x growth per epoch", () => {
    const vanishing = gradientWarnings("d1", { epoch: 1, gradNorm: 1e-9, weightNorm: 2 }, undefined, 1000);
    expect(vanishing.map((w) => w.kind)).toEqual(["vanishing"]);
    expect(vanishing[0].message).toMatch(/d1: vanishing gradients.*expected at least 1e-7/);
    expect(gradientWarnings("d1", { epoch: 1, gradNorm: 2000, weightNorm: 2 }, undefined, 1000)[0].kind).toBe(
      "exploding",
    );
    const grown = gradientWarnings("d1", { epoch: 3, gradNorm: 500, weightNorm: 2 }, { epoch: 1, gradNorm: 4 }, 1000);
    expect(grown[0].message).toMatch(/grew from 4 \(epoch 1\) to 500 \(epoch 3\), 11.18x per epoch/);
    // Slower growth, and growth among tiny norms, are not warnings.
    expect(gradientWarnings("d1", { epoch: 3, gradNorm: 300, weightNorm: 2 }, { epoch: 1, gradNorm: 4 }, 1000)).toEqual(
      [],
    );
    expect(
      gradientWarnings("d1", { epoch: 2, gradNorm: 1e-4, weightNorm: 1 }, { epoch: 1, gradNorm: 1e-6 }, 1000),
    ).toEqual([]);
  });
});
