import { describe, expect, it } from "vitest";
import { defaultsOf, layerShapeError, paramIssueNames, paramIssues, runLayer } from "./__fixtures__/run-layer";
import { activationLayers, ELU, LeakyReLU, PReLU, RandomizedLeakyReLU, ReLU, Softmax } from "./activation-layers";
import { resolveParams } from "./resolve";
import type { AnyLayerSpec } from "./spec";

describe("activation layers", () => {
  it.each(activationLayers.map((s) => [s.kind, s as AnyLayerSpec] as const))(
    "%s refuses a rank-0 input",
    (_k, spec) => {
      expect(layerShapeError(spec, {}, [[]]).code).toBe("E_RANK");
    },
  );
});

describe("ReLU", () => {
  it("uses Keras' bounds: no negative cap, slope or threshold", () => {
    expect(paramIssueNames(ReLU, { maxValue: -1 })).toContain("maxValue");
    expect(paramIssueNames(ReLU, { negativeSlope: -0.1 })).toContain("negativeSlope");
    expect(paramIssueNames(ReLU, { threshold: -1 })).toContain("threshold");
  });
  it("needs the cap above the threshold", () => {
    const [issue] = paramIssues(ReLU, { maxValue: 1, threshold: 2 });
    expect(issue?.param).toBe("maxValue");
    expect(issue?.message).toContain("maxValue=1 with threshold=2");
    expect(paramIssues(ReLU, { maxValue: 6, threshold: 0.5 })).toEqual([]);
  });
  it("labels the cap", () => {
    expect(ReLU.label(resolveParams(ReLU, { maxValue: 6 }).params as never)).toBe("max 6");
  });
});

describe("LeakyReLU", () => {
  it("defaults to the notes' 0.01, not tfjs' 0.3, and says so", () => {
    expect(defaultsOf(LeakyReLU).alpha).toBe(0.01);
    expect((LeakyReLU.doc.notes ?? []).join(" ")).toContain("0.3");
    expect(paramIssueNames(LeakyReLU, { alpha: -0.01 })).toContain("alpha");
  });
});

describe("PReLU", () => {
  it("learns one slope per element, or per non-shared axis", () => {
    expect(runLayer(PReLU, { sharedAxes: [1, 2] }, [[32, 32, 16]]).weights[0]?.shape).toEqual([1, 1, 16]);
    expect(runLayer(PReLU, {}, [[5, 7]]).weights[0]?.shape).toEqual([5, 7]);
  });
  it("refuses a shared axis beyond the input rank", () => {
    const e = layerShapeError(PReLU, { sharedAxes: [3] }, [[5, 7]]);
    expect(e.code).toBe("E_RANK");
    expect(e.message).toContain("axis 3");
    expect(e.message).toContain("[5,7]");
  });
  it("needs the non-shared axes known", () => {
    const e = layerShapeError(PReLU, {}, [[null, 16]]);
    expect(e.code).toBe("E_UNDEFINED_DIM");
    expect(e.message).toContain("sharedAxes");
  });
  it("lists each shared axis once", () => {
    expect(paramIssues(PReLU, { sharedAxes: [1, 1] })[0]?.message).toContain("at most once");
    expect(paramIssueNames(PReLU, { sharedAxes: [0] })).toContain("sharedAxes");
  });
});

describe("ELU", () => {
  it("takes any positive alpha (tfjs' layer only takes 1)", () => {
    expect(paramIssues(ELU, { alpha: 2.5 })).toEqual([]);
    expect(paramIssueNames(ELU, { alpha: 0 })).toContain("alpha");
    expect((ELU.doc.notes ?? []).join(" ")).toContain("only α = 1");
  });
});

describe("Softmax", () => {
  it("refuses the batch axis", () => {
    expect(paramIssues(Softmax, { axis: 0 })[0]?.message).toContain("batch axis");
  });
  it("refuses an axis beyond the input rank, counted as in Keras", () => {
    expect(runLayer(Softmax, { axis: 2 }, [[10, 5]]).outputs).toEqual([[10, 5]]);
    const e = layerShapeError(Softmax, { axis: 3 }, [[10, 5]]);
    expect(e.code).toBe("E_RANK");
    expect(e.message).toContain("axis=3");
    expect(e.message).toContain("[10,5]");
    expect(layerShapeError(Softmax, { axis: -3 }, [[10, 5]]).code).toBe("E_RANK");
  });
  it("documents the sum over j", () => {
    expect(Softmax.doc.formula).toContain("Σ_j e^(x_j)");
  });
});

describe("RandomizedLeakyReLU", () => {
  it("defaults to U(1/8, 1/3) and uses the mean slope at inference", () => {
    expect(defaultsOf(RandomizedLeakyReLU)).toEqual({
      lower: 1 / 8,
      upper: 1 / 3,
    });
    expect(RandomizedLeakyReLU.doc.formula).toContain("(lower + upper) / 2");
    expect(RandomizedLeakyReLU.label(defaultsOf(RandomizedLeakyReLU) as never)).toBe("α~U(0.125,0.333)");
  });
  it("needs lower <= upper", () => {
    const [issue] = paramIssues(RandomizedLeakyReLU, { lower: 0.4, upper: 0.2 });
    expect(issue?.param).toBe("lower");
    expect(issue?.message).toContain("lower=0.4 with upper=0.2");
    expect(paramIssueNames(RandomizedLeakyReLU, { upper: 1.5 })).toContain("upper");
  });
});
