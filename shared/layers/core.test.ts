import { describe, expect, it } from "vitest";
import { layerShapeError, paramIssueNames, runLayer } from "./__fixtures__/run-layer";
import { Activation, Dense, Flatten, Perceptron } from "./core";
import { Permute, RepeatVector, Reshape } from "./reshaping";
import { resolveParams } from "./resolve";

/** Chains Dense layers from an input width, summing trainable params. */
function mlpParams(widths: number[]): number {
  let total = 0;
  for (let i = 1; i < widths.length; i++)
    total += runLayer(Dense, { units: widths[i] }, [[widths[i - 1] as number]]).trainable;
  return total;
}

describe("Dense", () => {
  it("gives the golden network totals", () => {
    expect(mlpParams([4, 3, 2, 1])).toBe(15 + 8 + 3);
    expect(mlpParams([784, 32, 784])).toBe(50_992); // D22
    expect(mlpParams([784, 64, 784])).toBe(101_200); // D23
  });
  it("needs a known feature axis", () => {
    const e = layerShapeError(Dense, { units: 4 }, [[8, null]]);
    expect(e.code).toBe("E_UNDEFINED_DIM");
    expect(e.message).toContain("last input dimension");
  });
});

describe("Flatten", () => {
  it("refuses a vector, as tfjs does", () => {
    const e = layerShapeError(Flatten, {}, [[784]]);
    expect(e.code).toBe("E_RANK");
    expect(e.message).toContain("rank >= 2");
    expect(e.message).toContain("[784]");
  });
  it("refuses unknown dimensions, as tfjs does", () => {
    const e = layerShapeError(Flatten, {}, [[null, 8]]);
    expect(e.code).toBe("E_UNDEFINED_DIM");
    expect(e.message).toContain("[?,8]");
  });
});

describe("Activation", () => {
  it("keeps the shape and rejects a non-positive steepness", () => {
    expect(runLayer(Activation, { activation: "sigmoid", steepness: 0.5 }, [[3, 4]]).outputs).toEqual([[3, 4]]);
    expect(paramIssueNames(Activation, { steepness: 0 })).toContain("steepness");
    expect(paramIssueNames(Activation, { activation: "heaviside" })).toContain("activation");
  });
  it("shows steepness only where it applies", () => {
    expect(Activation.params.steepness.relevantIf?.in).toEqual(["sigmoid", "bipolarSigmoid"]);
    const label = (raw: Record<string, unknown>) => Activation.label(resolveParams(Activation, raw).params as never);
    expect(label({ activation: "sigmoid", steepness: 2 })).toBe("sigmoid λ=2");
    expect(label({ activation: "relu", steepness: 2 })).toBe("relu");
    expect(label({})).toBe("relu");
  });
});

describe("Perceptron", () => {
  it("owns a kernel [n, units] and a bias [units]", () => {
    const r = runLayer(Perceptron, { units: 2 }, [[3]]);
    expect(r.weights.map((w) => [w.name, w.shape])).toEqual([
      ["kernel", [3, 2]],
      ["bias", [2]],
    ]);
  });
  it("takes a feature vector with a known size", () => {
    const e = layerShapeError(Perceptron, {}, [[28, 28, 1]]);
    expect(e.code).toBe("E_RANK");
    expect(e.message).toContain("Perceptron expects input of rank 1");
    expect(e.message).toContain("[28,28,1]");
    expect(layerShapeError(Perceptron, {}, [[null]]).code).toBe("E_UNDEFINED_DIM");
    expect(paramIssueNames(Perceptron, { outputCoding: "signed" })).toContain("outputCoding");
  });
  it("documents the firing rule and the perceptron learning rule", () => {
    expect(Perceptron.doc.formula).toContain("z >= threshold");
    expect(Perceptron.doc.formula).toContain("W <- W + η (y - ŷ) x");
    expect(Perceptron.doc.formula).toContain("only on mistakes");
    const notes = (Perceptron.doc.notes ?? []).join(" ");
    for (const id of ["G-1", "G-21", "D4/D5"]) expect(notes).toContain(id);
  });

  // The documented rule, y = [w·x + b >= θ], reproduces the curriculum's golden numbers.
  const fire = (w: number[], b: number, theta: number, x: number[]) =>
    w.reduce((s, wi, i) => s + wi * (x[i] as number), b) >= theta ? 1 : 0;
  const gates = [
    [0, 0],
    [0, 1],
    [1, 0],
    [1, 1],
  ];
  it("G-1 and G-21: one forward pass and one update", () => {
    expect(fire([0.5, -0.6], 0.2, 0, [1, 2])).toBe(0);
    const eta = 0.1;
    const err = 1 - fire([0.5, -0.6], 0.2, 0, [1, 2]);
    const w = [0.5 + eta * err * 1, -0.6 + eta * err * 2];
    const b = 0.2 + eta * err;
    expect(w[0]).toBeCloseTo(0.6, 12);
    expect(w[1]).toBeCloseTo(-0.4, 12);
    expect(b).toBeCloseTo(0.3, 12);
    expect(fire(w, b, 0, [1, 2])).toBe(1);
  });
  it("D4/D5: AND and OR gates with threshold 1", () => {
    expect(gates.map((x) => fire([0.7, 0.7], 0, 1, x))).toEqual([0, 0, 0, 1]);
    expect(gates.map((x) => fire([1.2, 1.2], 0, 1, x))).toEqual([0, 1, 1, 1]);
  });
});

describe("Reshape", () => {
  it("reports both shapes and counts when the sizes differ", () => {
    const e = layerShapeError(Reshape, { targetShape: [28, 27] }, [[784]]);
    expect(e.code).toBe("E_RESHAPE_SIZE");
    for (const part of ["[784]", "784 elements", "[28,27]", "756 elements"]) expect(e.message).toContain(part);
  });
  it("refuses a -1 that does not divide the input size", () => {
    const e = layerShapeError(Reshape, { targetShape: [-1, 5] }, [[784]]);
    expect(e.code).toBe("E_RESHAPE_SIZE");
    expect(e.message).toContain("not a multiple of 5");
  });
  it("needs -1 to absorb an unknown input dimension", () => {
    const e = layerShapeError(Reshape, { targetShape: [4, 2] }, [[null, 8]]);
    expect(e.code).toBe("E_UNDEFINED_DIM");
    expect(e.message).toContain("-1");
  });
  it("allows one -1 and positive sizes only", () => {
    expect(resolveParams(Reshape, { targetShape: [-1, -1] }).issues[0]?.message).toContain("only once");
    expect(paramIssueNames(Reshape, { targetShape: [0, 784] })).toContain("targetShape");
    expect(paramIssueNames(Reshape, { targetShape: [1, 2, 3, 4, 5] })).toContain("targetShape");
  });
});

describe("Permute", () => {
  it("accepts only a 1-indexed permutation", () => {
    expect(resolveParams(Permute, { dims: [1, 1] }).issues[0]?.message).toContain("permutation of 1..2");
    expect(paramIssueNames(Permute, { dims: [1, 3] })).toContain("dims");
    expect(paramIssueNames(Permute, { dims: [0, 1] })).toContain("dims");
  });
  it("needs one entry of dims per input axis", () => {
    const e = layerShapeError(Permute, { dims: [2, 1] }, [[10, 20, 3]]);
    expect(e.code).toBe("E_RANK");
    expect(e.message).toContain("rank 2");
    expect(e.message).toContain("[10,20,3]");
  });
});

describe("RepeatVector", () => {
  it("takes a vector only", () => {
    const e = layerShapeError(RepeatVector, { n: 3 }, [[3, 4]]);
    expect(e.code).toBe("E_RANK");
    expect(e.message).toContain("rank 1");
    expect(paramIssueNames(RepeatVector, { n: 0 })).toContain("n");
  });
});
