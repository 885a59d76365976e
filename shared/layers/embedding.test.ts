import { describe, expect, it } from "vitest";
import { runLayer, shapeErrorOf } from "./__fixtures__/run-layer";
import { sinusoidalEncoding } from "./attention-math";
import { Embedding, PositionalEncoding } from "./embedding";
import { resolveParams } from "./resolve";

describe("Embedding", () => {
  it("creates one [inputDim, outputDim] table named embeddings, as tfjs does", () => {
    const r = runLayer(Embedding, { inputDim: 7, outputDim: 3 }, [[4]]);
    expect(r.weights).toEqual([{ name: "embeddings", shape: [7, 3], trainable: true }]);
  });
  it("appends outputDim to ids of any rank, even a bare batch of ids (tfjs gives [null, 2])", () => {
    expect(runLayer(Embedding, { inputDim: 5, outputDim: 2 }, [[]]).outputs).toEqual([[2]]);
  });
  it("rejects a zero vocabulary or width", () => {
    expect(resolveParams(Embedding, { inputDim: 0 }).issues[0]?.message).toContain("inputDim must be an integer >= 1");
    expect(resolveParams(Embedding, { outputDim: 2.5 }).issues.map((i) => i.param)).toEqual(["outputDim"]);
  });
});

describe("PositionalEncoding", () => {
  it("learned: a known T above maxLength is a shape mismatch pointing at maxLength", () => {
    const e = shapeErrorOf(() => runLayer(PositionalEncoding, { mode: "learned", maxLength: 512 }, [[600, 32]]));
    expect(e.code).toBe("E_SHAPE_MISMATCH");
    expect(e.param).toBe("maxLength");
    expect(e.message).toContain("512 positions");
    expect(e.message).toContain("[600,32]");
  });
  it("learned: T equal to maxLength fits", () => {
    expect(runLayer(PositionalEncoding, { mode: "learned", maxLength: 600 }, [[600, 32]]).trainable).toBe(600 * 32);
  });
  it("needs rank 2 (T, d)", () => {
    const e = shapeErrorOf(() => runLayer(PositionalEncoding, {}, [[32]]));
    expect(e.code).toBe("E_RANK");
    expect(e.message).toContain("rank 2");
  });
  it("learned: an unknown d cannot size the table", () => {
    const e = shapeErrorOf(() => runLayer(PositionalEncoding, { mode: "learned" }, [[10, null]]));
    expect(e.code).toBe("E_UNDEFINED_DIM");
    expect(e.message).toContain("feature size d");
  });
  it("learned table is [maxLength, d] named embeddings; sinusoidal has none", () => {
    expect(runLayer(PositionalEncoding, { mode: "learned", maxLength: 9 }, [[3, 4]]).weights).toEqual([
      { name: "embeddings", shape: [9, 4], trainable: true },
    ]);
    expect(runLayer(PositionalEncoding, {}, [[3, 4]]).weights).toEqual([]);
  });
  it("sinusoidal table matches Vaswani et al. and the doc's example", () => {
    const pe = sinusoidalEncoding(2, 4);
    expect(pe[0]).toEqual([0, 1, 0, 1]);
    const expected = [0.841471, 0.540302, 0.01, 0.99995];
    for (const [i, x] of (pe[1] ?? []).entries()) expect(x).toBeCloseTo(expected[i] as number, 6);
    expect(PositionalEncoding.doc.formula).toContain("[0.841471, 0.540302, 0.010000, 0.999950]");
    // Odd d: the last column is a sine.
    expect(sinusoidalEncoding(2, 3)[1]?.[2]).toBeCloseTo(Math.sin(1 / 10000 ** (2 / 3)), 12);
  });
});
