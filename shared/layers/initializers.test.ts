import { describe, expect, it } from "vitest";
import { erf } from "./activation-math";
import {
  empiricalStd,
  fans,
  INITIALIZER_NAMES,
  INITIALIZERS,
  scaledVariance,
  TRUNCATED_STD_FACTOR,
} from "./initializers";

describe("G-17: fan_in = 3, fan_out = 2", () => {
  const at = (name: (typeof INITIALIZER_NAMES)[number]) => {
    const info = INITIALIZERS[name];
    return (info.limit ?? info.stddev)?.(3, 2);
  };
  it.each([
    ["fanInUniform", 0.57735],
    ["glorotNormal", 0.63246],
    ["glorotUniform", 1.09545],
    ["heNormal", 0.8165],
    // biome-ignore lint/suspicious/noApproximativeNumericConstant: the golden value as G-17 prints it
    ["heUniform", 1.41421],
    ["leCunUniform", 1],
    ["leCunNormal", 0.57735],
  ] as const)("%s -> %f", (name, expected) => {
    expect(at(name)).toBeCloseTo(expected, 5);
  });

  it("the notes' uniform is not leCunUniform", () => {
    expect(at("fanInUniform")).toBeCloseTo(1 / Math.sqrt(3), 12);
    expect(at("leCunUniform")).toBeCloseTo(Math.sqrt(3 / 3), 12);
  });
});

describe("fans", () => {
  it.each([
    [[784, 10], 784, 10],
    [[3, 3, 16, 32], 144, 288],
    [[5, 8, 4], 40, 20],
    [[2, 2, 2, 3, 4], 24, 32],
    [[16], 4, 4],
  ])("%j -> fanIn %i, fanOut %i", (shape, fanIn, fanOut) => {
    expect(fans(shape)).toEqual({ fanIn, fanOut });
  });

  it("a conv kernel's Glorot limit uses the receptive field", () => {
    const { fanIn, fanOut } = fans([3, 3, 16, 32]);
    expect(INITIALIZERS.glorotUniform.limit?.(fanIn, fanOut)).toBeCloseTo(Math.sqrt(6 / (144 + 288)), 12);
    expect(INITIALIZERS.heNormal.stddev?.(fanIn, fanOut)).toBeCloseTo(Math.sqrt(2 / 144), 12);
  });

  it("clamps an empty fan to 1 as tfjs does", () => {
    expect(scaledVariance(2, "fanIn", 0, 5)).toBe(2);
  });
});

describe("catalog consistency", () => {
  const tfjsNames = new Set([
    "zeros",
    "ones",
    "randomUniform",
    "randomNormal",
    "truncatedNormal",
    "glorotUniform",
    "glorotNormal",
    "heUniform",
    "heNormal",
    "leCunUniform",
    "leCunNormal",
    "orthogonal",
  ]);

  it.each(INITIALIZER_NAMES)("%s has the fields its distribution needs", (name) => {
    const info = INITIALIZERS[name];
    expect(info.limit !== undefined).toBe(info.distribution === "uniform");
    expect(info.stddev !== undefined).toBe(info.distribution === "normal" || info.distribution === "truncatedNormal");
    expect(info.value !== undefined).toBe(info.distribution === "constant");
    if (typeof info.tfjs === "string") expect(tfjsNames.has(info.tfjs)).toBe(true);
    else
      expect(info.tfjs.config).toEqual({
        ...info.varianceScaling,
        distribution: "uniform",
      });
  });

  it("tfjs samples every variance-scaling normal truncated", () => {
    for (const name of INITIALIZER_NAMES) {
      const info = INITIALIZERS[name];
      if (info.varianceScaling && info.stddev) expect(info.distribution).toBe("truncatedNormal");
    }
  });

  it("the truncation factor is the std of a normal cut at 2 sigma", () => {
    const phi2 = Math.exp(-2) / Math.sqrt(2 * Math.PI);
    expect(Math.sqrt(1 - (4 * phi2) / erf(Math.SQRT2))).toBeCloseTo(TRUNCATED_STD_FACTOR, 14);
  });

  it("empirical std: about 0.88 sigma when truncated, limit / sqrt(3) when uniform", () => {
    expect(empiricalStd("heNormal", [3, 2])).toBeCloseTo(0.8165 * 0.87963, 4);
    expect(empiricalStd("randomNormal", [3, 2])).toBe(0.05);
    expect(empiricalStd("glorotUniform", [3, 2])).toBeCloseTo(Math.sqrt(2 / 5), 12);
    expect(empiricalStd("orthogonal", [4, 2])).toBeCloseTo(0.5, 12);
    expect(empiricalStd("zeros", [4, 2])).toBe(0);
  });

  it("corrects 002's Glorot = N(0, 1/n_in) as LeCun", () => {
    expect(INITIALIZERS.glorotNormal.notes.join(" ")).toContain("LeCun");
    expect(INITIALIZERS.leCunNormal.stddev?.(4, 100)).toBeCloseTo(Math.sqrt(1 / 4), 12);
  });
});
