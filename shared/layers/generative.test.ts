import { describe, expect, it } from "vitest";
import type { Shape } from "../shapes/shape";
import { runLayer, shapeErrorOf } from "./__fixtures__/run-layer";
import { GANDiscriminator, GANGenerator, VAESampling } from "./generative";
import { resolveParams } from "./resolve";

describe("VAESampling", () => {
  it("mean and logVar must have the same shape", () => {
    for (const inputs of [
      [[8], [16]],
      [[8], [2, 4]],
    ] as Shape[][]) {
      const e = shapeErrorOf(() => runLayer(VAESampling, {}, inputs));
      expect(e.code).toBe("E_SHAPE_MISMATCH");
      expect(e.message).toContain("mean [8]");
    }
  });
  it("needs rank >= 1", () => {
    expect(shapeErrorOf(() => runLayer(VAESampling, {}, [[], []])).code).toBe("E_RANK");
  });
  it("klWeight cannot be negative", () => {
    expect(resolveParams(VAESampling, { klWeight: -1 }).issues[0]?.message).toContain(
      "klWeight must be a finite number >= 0",
    );
  });
  it("the doc's KL example: μ = [1, 0], logVar = [0, 0] gives 0.5", () => {
    const kl = (mu: number[], lv: number[]) =>
      -0.5 * mu.reduce((a, m, j) => a + 1 + (lv[j] as number) - m * m - Math.exp(lv[j] as number), 0);
    expect(kl([1, 0], [0, 0])).toBeCloseTo(0.5, 12);
    expect(VAESampling.doc.formula).toContain("μ = [1, 0], logVar = [0, 0]: KL = 0.5");
  });
});

describe("GAN markers", () => {
  it("the discriminator marker takes exactly one score per sample", () => {
    for (const bad of [[2], [null], [1, 1], []] as Shape[]) {
      const e = shapeErrorOf(() => runLayer(GANDiscriminator, {}, [bad]));
      expect(e.code).toBe("E_SHAPE_MISMATCH");
      expect(e.message).toContain("shape [1]");
    }
  });
  it("the generator marker passes any sample shape through, with no weights", () => {
    expect(runLayer(GANGenerator, {}, [[7, 7, 128]])).toMatchObject({
      outputs: [[7, 7, 128]],
      weights: [],
    });
    expect(shapeErrorOf(() => runLayer(GANGenerator, {}, [[]])).code).toBe("E_RANK");
  });
  it("bounds the per-epoch sample grid", () => {
    expect(resolveParams(GANGenerator, { samplesPerEpoch: 300 }).issues.map((i) => i.param)).toEqual([
      "samplesPerEpoch",
    ]);
  });
});
