import { describe, expect, it } from "vitest";
import { layerShapeError, paramIssueNames, paramIssues, runLayer } from "./__fixtures__/run-layer";
import { Dropout, GaussianNoise, regularizationLayers, SaltAndPepperNoise } from "./regularization";
import { resolveParams } from "./resolve";
import type { AnyLayerSpec } from "./spec";

describe("regularization layers", () => {
  it.each(regularizationLayers.map((s) => [s.kind, s as AnyLayerSpec] as const))(
    "%s keeps the shape, has no weights and refuses rank 0",
    (_k, spec) => {
      const r = runLayer(spec, {}, [[28, 28, 1]]);
      expect(r.outputs).toEqual([[28, 28, 1]]);
      expect(r.weights).toEqual([]);
      expect(layerShapeError(spec, {}, [[]]).code).toBe("E_RANK");
    },
  );
});

describe("Dropout", () => {
  it("takes a drop rate in [0, 1)", () => {
    expect(resolveParams(Dropout, {}).params.rate).toBe(0.5);
    expect(paramIssues(Dropout, { rate: 0.99 })).toEqual([]);
    expect(paramIssueNames(Dropout, { rate: 1 })).toContain("rate");
    expect(paramIssueNames(Dropout, { rate: -0.1 })).toContain("rate");
  });
  it("documents inverted dropout and the keep probability", () => {
    expect(Dropout.doc.formula).toContain("/ (1 - rate)");
    expect(Dropout.doc.formula).toContain("inference: y = x");
    expect((Dropout.doc.notes ?? []).join(" ")).toContain("KEEP probability 1 - rate");
  });
  it("needs one noiseShape entry per axis", () => {
    const e = layerShapeError(Dropout, { noiseShape: [1, 16] }, [[10, 16, 3]]);
    expect(e.code).toBe("E_RANK");
    expect(e.message).toContain("[1,16]");
    expect(e.message).toContain("[10,16,3]");
  });
  it("needs a noiseShape that broadcasts to the input", () => {
    const e = layerShapeError(Dropout, { noiseShape: [10, 8] }, [[10, 16]]);
    expect(e.code).toBe("E_SHAPE_MISMATCH");
    expect(e.message).toContain("entry 2 is 8");
    expect(e.message).toContain("16");
    expect(runLayer(Dropout, { noiseShape: [4, 16] }, [[null, 16]]).outputs).toEqual([[null, 16]]);
  });
});

describe("GaussianNoise", () => {
  it("needs a positive stddev", () => {
    expect(resolveParams(GaussianNoise, {}).params.stddev).toBe(0.1);
    expect(paramIssueNames(GaussianNoise, { stddev: 0 })).toContain("stddev");
  });
});

describe("SaltAndPepperNoise", () => {
  it("needs low < high and a rate in [0, 1]", () => {
    const [issue] = paramIssues(SaltAndPepperNoise, { low: 1, high: 1 });
    expect(issue?.param).toBe("low");
    expect(issue?.message).toContain("low=1 with high=1");
    expect(paramIssues(SaltAndPepperNoise, { rate: 1 })).toEqual([]);
    expect(paramIssueNames(SaltAndPepperNoise, { rate: 1.5 })).toContain("rate");
  });
  it("corrupts half of the chosen entries each way, in training only", () => {
    expect(SaltAndPepperNoise.doc.formula).toContain("rate/2");
    expect(SaltAndPepperNoise.doc.formula).toContain("inference: y = x");
  });
});
