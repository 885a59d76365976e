import { describe, expect, it } from "vitest";
import { runLayer, shapeErrorOf } from "./__fixtures__/run-layer";
import { specContext } from "./catalog";
import { evaluateLayer, resolveParams } from "./resolve";
import { TransformerDecoderBlock, TransformerEncoderBlock } from "./transformer";

const shapesOf = (r: { weights: { name: string; shape: number[] }[] }) =>
  Object.fromEntries(r.weights.map((w) => [w.name, w.shape]));

describe("TransformerEncoderBlock", () => {
  it("d must be divisible by numHeads when keyDim is null", () => {
    const e = shapeErrorOf(() => runLayer(TransformerEncoderBlock, { numHeads: 4 }, [[10, 30]]));
    expect(e.code).toBe("E_SHAPE_MISMATCH");
    expect(e.param).toBe("numHeads");
    expect(e.message).toContain("30 is not divisible by 4");
    expect(runLayer(TransformerEncoderBlock, { numHeads: 4, keyDim: 8 }, [[10, 30]]).outputs).toEqual([[10, 30]]);
  });
  it("parameters: 4d^2 + 4d + 2 d ffDim + ffDim + d + 4d when keyDim = d / numHeads", () => {
    for (const [d, h, ff] of [
      [32, 4, 128],
      [512, 8, 2048],
      [12, 3, 7],
    ] as const) {
      const expected = 4 * d * d + 4 * d + 2 * d * ff + ff + d + 4 * d;
      expect(runLayer(TransformerEncoderBlock, { numHeads: h, ffDim: ff }, [[null, d]]).trainable).toBe(expected);
    }
  });
  it("names its sub-layer weights (attention, two LayerNorms, FFN)", () => {
    const w = shapesOf(runLayer(TransformerEncoderBlock, {}, [[10, 32]]));
    expect(w["selfAttention/query/kernel"]).toEqual([32, 4, 8]);
    expect(w["selfAttention/attentionOutput/kernel"]).toEqual([4, 8, 32]);
    expect(w["selfAttentionLayerNorm/gamma"]).toEqual([32]);
    expect(w["feedforwardIntermediateDense/kernel"]).toEqual([32, 128]);
    expect(w["feedforwardOutputDense/kernel"]).toEqual([128, 32]);
    expect(w["feedforwardLayerNorm/beta"]).toEqual([32]);
    expect(Object.keys(w)).toHaveLength(16);
  });
  it("needs (T, d) and a known d", () => {
    expect(shapeErrorOf(() => runLayer(TransformerEncoderBlock, {}, [[32]])).code).toBe("E_RANK");
    const e = shapeErrorOf(() => runLayer(TransformerEncoderBlock, {}, [[10, null]]));
    expect(e.code).toBe("E_UNDEFINED_DIM");
    expect(e.message).toContain("model dimension d");
  });
  it("rejects epsilon 0, dropout 1 and other FFN activations", () => {
    const r = resolveParams(TransformerEncoderBlock, {
      layerNormEpsilon: 0,
      dropout: 1,
      activation: "tanh",
    });
    expect(r.issues.map((i) => i.param).sort()).toEqual(["activation", "dropout", "layerNormEpsilon"]);
  });
});

describe("TransformerDecoderBlock", () => {
  it("cross-attention key/value kernels take the memory's own size d_m", () => {
    const w = shapesOf(
      runLayer(TransformerDecoderBlock, {}, [
        [10, 32],
        [12, 64],
      ]),
    );
    expect(w["crossAttention/query/kernel"]).toEqual([32, 4, 8]);
    expect(w["crossAttention/key/kernel"]).toEqual([64, 4, 8]);
    expect(w["crossAttention/value/kernel"]).toEqual([64, 4, 8]);
    expect(w["crossAttention/attentionOutput/kernel"]).toEqual([4, 8, 32]);
    expect(w["crossAttentionLayerNorm/gamma"]).toEqual([32]);
  });
  it("without memory it is decoder-only: no cross-attention weights", () => {
    const r = runLayer(TransformerDecoderBlock, {}, [[10, 32]]);
    expect(r.weights.some((w) => w.name.startsWith("crossAttention"))).toBe(false);
    expect(r.trainable).toBe(runLayer(TransformerEncoderBlock, {}, [[10, 32]]).trainable);
  });
  it("memory must be (S, d_m) with a known d_m", () => {
    const rank = shapeErrorOf(() => runLayer(TransformerDecoderBlock, {}, [[10, 32], [32]]));
    expect(rank.code).toBe("E_RANK");
    expect(rank.message).toContain("memory (S, d_m)");
    const { params } = resolveParams(TransformerDecoderBlock, {});
    // Shapes infer with an unknown d_m; only the weights need it.
    expect(
      TransformerDecoderBlock.infer(
        params,
        [
          [10, 32],
          [12, null],
        ],
        specContext,
      ),
    ).toEqual([[10, 32]]);
    const e = shapeErrorOf(() =>
      evaluateLayer(TransformerDecoderBlock, params, [
        [10, 32],
        [12, null],
      ]),
    );
    expect(e.code).toBe("E_UNDEFINED_DIM");
    expect(e.message).toContain("d_m");
  });
  it("shares the divisibility rule on the target's d", () => {
    const e = shapeErrorOf(() =>
      runLayer(TransformerDecoderBlock, { numHeads: 5 }, [
        [10, 32],
        [12, 30],
      ]),
    );
    expect(e.message).toContain("32 is not divisible by 5");
  });
});
