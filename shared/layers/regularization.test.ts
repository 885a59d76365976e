import { describe, expect, it } from "vitest";
import { ShapeError } from "../diagnostics";
import type { Shape } from "../shapes/shape";
import { Dropout, GaussianNoise, regularizationLayers, SaltAndPepperNoise } from "./regularization";
import { evaluateLayer, resolveParams } from "./resolve";
import type { AnyLayerSpec } from "./spec";

function run(spec: AnyLayerSpec, raw: Record<string, unknown>, inputs: Shape[]) {
  const { params, issues } = resolveParams(spec, raw);
  expect(issues).toEqual([]);
  return evaluateLayer(spec, params, inputs);
}

function shapeError(spec: AnyLayerSpec, raw: Record<string, unknown>, inputs: Shape[]): ShapeError {
  try {
    run(spec, raw, inputs);
  } catch (e) {
    if (e instanceof ShapeError) return e;
    throw e;
  }
  throw new Error(`${spec.kind} accepted ${JSON.stringify(inputs)}`);
}

const issues = (spec: AnyLayerSpec, raw: Record<string, unknown>) => resolveParams(spec, raw).issues;
const issueParams = (spec: AnyLayerSpec, raw: Record<string, unknown>) => issues(spec, raw).map((i) => i.param);

describe("regularization layers", () => {
  it.each(regularizationLayers.map((s) => [s.kind, s as AnyLayerSpec] as const))(
    "%s keeps the shape, has no weights and refuses rank 0",
    (_k, spec) => {
      const r = run(spec, {}, [[28, 28, 1]]);
      expect(r.outputs).toEqual([[28, 28, 1]]);
      expect(r.weights).toEqual([]);
      expect(shapeError(spec, {}, [[]]).code).toBe("E_RANK");
    },
  );
});

describe("Dropout", () => {
  it("takes a drop rate in [0, 1)", () => {
    expect(resolveParams(Dropout, {}).params.rate).toBe(0.5);
    expect(issues(Dropout, { rate: 0.99 })).toEqual([]);
    expect(issueParams(Dropout, { rate: 1 })).toContain("rate");
    expect(issueParams(Dropout, { rate: -0.1 })).toContain("rate");
  });
  it("documents inverted dropout and the keep probability", () => {
    expect(Dropout.doc.formula).toContain("/ (1 - rate)");
    expect(Dropout.doc.formula).toContain("inference: y = x");
    expect((Dropout.doc.notes ?? []).join(" ")).toContain("KEEP probability 1 - rate");
  });
  it("needs one noiseShape entry per axis", () => {
    const e = shapeError(Dropout, { noiseShape: [1, 16] }, [[10, 16, 3]]);
    expect(e.code).toBe("E_RANK");
    expect(e.message).toContain("[1,16]");
    expect(e.message).toContain("[10,16,3]");
  });
  it("needs a noiseShape that broadcasts to the input", () => {
    const e = shapeError(Dropout, { noiseShape: [10, 8] }, [[10, 16]]);
    expect(e.code).toBe("E_SHAPE_MISMATCH");
    expect(e.message).toContain("entry 2 is 8");
    expect(e.message).toContain("16");
    expect(run(Dropout, { noiseShape: [4, 16] }, [[null, 16]]).outputs).toEqual([[null, 16]]);
  });
});

describe("GaussianNoise", () => {
  it("needs a positive stddev", () => {
    expect(resolveParams(GaussianNoise, {}).params.stddev).toBe(0.1);
    expect(issueParams(GaussianNoise, { stddev: 0 })).toContain("stddev");
  });
});

describe("SaltAndPepperNoise", () => {
  it("needs low < high and a rate in [0, 1]", () => {
    const [issue] = issues(SaltAndPepperNoise, { low: 1, high: 1 });
    expect(issue?.param).toBe("low");
    expect(issue?.message).toContain("low=1 with high=1");
    expect(issues(SaltAndPepperNoise, { rate: 1 })).toEqual([]);
    expect(issueParams(SaltAndPepperNoise, { rate: 1.5 })).toContain("rate");
  });
  it("corrupts half of the chosen entries each way, in training only", () => {
    expect(SaltAndPepperNoise.doc.formula).toContain("rate/2");
    expect(SaltAndPepperNoise.doc.formula).toContain("inference: y = x");
  });
});
