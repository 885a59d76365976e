import { describe, expect, it } from "vitest";
import { runLayer, shapeErrorOf } from "./__fixtures__/run-layer";
import { LuongAttention, MultiHeadAttention, ScaledDotProductAttention } from "./attention";
import { scaledDotProductAttention, softmax } from "./attention-math";
import { resolveParams } from "./resolve";

const close = (actual: readonly number[] | undefined, expected: number[]) => {
  expect(actual).toHaveLength(expected.length);
  for (const [i, x] of expected.entries()) expect(actual?.[i]).toBeCloseTo(x, 6);
};

describe("scaled dot-product attention maths", () => {
  it("G-30: Q = [[1,0]], K = [[1,0],[0,1]], V = [[1,2],[3,4]], d_k = 2", () => {
    const r = scaledDotProductAttention(
      [[1, 0]],
      [
        [1, 0],
        [0, 1],
      ],
      [
        [1, 2],
        [3, 4],
      ],
    );
    close(r.scores[0], [Math.SQRT1_2, 0]); // G-30 prints 0.707107
    close(r.weights[0], [0.669762, 0.330238]);
    close(r.output[0], [1.660477, 2.660477]);
    for (const n of ["0.707107", "0.669762, 0.330238", "1.660477, 2.660477"]) {
      expect(ScaledDotProductAttention.doc.formula).toContain(n);
    }
  });
  it("causal: query i ignores keys j > i", () => {
    const x = [
      [1, 0],
      [0, 1],
    ];
    const r = scaledDotProductAttention(
      x,
      x,
      [
        [1, 2],
        [3, 4],
      ],
      true,
    );
    close(r.weights[0], [1, 0]);
    close(r.output[0], [1, 2]);
    const w1 = Math.exp(0) / (Math.exp(0) + Math.exp(Math.SQRT1_2));
    close(r.weights[1], [w1, 1 - w1]);
  });
  it("softmax normalises over its own vector and survives large scores", () => {
    close(softmax([5, 4, -1]), [0.729736, 0.268455, 0.001809]); // G-3
    close(softmax([1000, 1000]), [0.5, 0.5]);
  });
});

describe("ScaledDotProductAttention", () => {
  it("query and key need the same d_k", () => {
    const e = shapeErrorOf(() =>
      runLayer(ScaledDotProductAttention, {}, [
        [5, 8],
        [7, 12],
        [7, 4],
      ]),
    );
    expect(e.code).toBe("E_SHAPE_MISMATCH");
    expect(e.message).toContain("d_k");
    expect(e.message).toContain("[5,8]");
    expect(e.message).toContain("[7,4]");
  });
  it("without a key, value serves as key and must match the query's d_k", () => {
    const e = shapeErrorOf(() =>
      runLayer(ScaledDotProductAttention, {}, [
        [5, 8],
        [7, 12],
      ]),
    );
    expect(e.message).toContain("key (= value, key not connected)");
  });
  it("key and value need the same Tv", () => {
    const e = shapeErrorOf(() =>
      runLayer(ScaledDotProductAttention, {}, [
        [5, 8],
        [7, 12],
        [6, 8],
      ]),
    );
    expect(e.code).toBe("E_SHAPE_MISMATCH");
    expect(e.message).toContain("same number of time steps");
  });
  it("needs (T, d) inputs", () => {
    const e = shapeErrorOf(() => runLayer(ScaledDotProductAttention, {}, [[16], [10, 16]]));
    expect(e.code).toBe("E_RANK");
    expect(e.message).toContain("query (Tq, d_q)");
  });
});

describe("MultiHeadAttention", () => {
  it("creates the Keras 3 / tfjs nlp weights, by name and shape", () => {
    const r = runLayer(MultiHeadAttention, { numHeads: 2, keyDim: 8, valueDim: 4, outputDim: 6 }, [
      [5, 12],
      [7, 20],
      [7, 10],
    ]);
    expect(r.weights.map((w) => `${w.name} ${w.shape.join("x")}`)).toEqual([
      "query/kernel 12x2x8",
      "query/bias 2x8",
      "key/kernel 10x2x8",
      "key/bias 2x8",
      "value/kernel 20x2x4",
      "value/bias 2x4",
      "attentionOutput/kernel 2x4x6",
      "attentionOutput/bias 6",
    ]);
  });
  it("self-attention with numHeads x keyDim = d has 4d^2 + 4d parameters", () => {
    for (const [h, k] of [
      [1, 4],
      [4, 16],
      [8, 64],
      [3, 5],
    ] as const) {
      const d = h * k;
      expect(
        runLayer(MultiHeadAttention, { numHeads: h, keyDim: k }, [
          [null, d],
          [null, d],
        ]).trainable,
      ).toBe(4 * d * d + 4 * d);
    }
  });
  it("weights need known feature sizes", () => {
    const e = shapeErrorOf(() =>
      runLayer(MultiHeadAttention, {}, [
        [5, 8],
        [7, null],
      ]),
    );
    expect(e.code).toBe("E_UNDEFINED_DIM");
    expect(e.message).toContain("key feature size");
  });
  it("key and value need the same Tv", () => {
    const e = shapeErrorOf(() =>
      runLayer(MultiHeadAttention, {}, [
        [5, 8],
        [7, 8],
        [3, 8],
      ]),
    );
    expect(e.code).toBe("E_SHAPE_MISMATCH");
  });
  it("rejects a dropout of 1 and zero heads", () => {
    const r = resolveParams(MultiHeadAttention, { dropout: 1, numHeads: 0 });
    expect(r.issues.map((i) => i.param).sort()).toEqual(["dropout", "numHeads"]);
  });
});

describe("LuongAttention", () => {
  it("dot needs equal decoder and encoder sizes and suggests general", () => {
    const e = shapeErrorOf(() =>
      runLayer(LuongAttention, { score: "dot" }, [
        [6, 16],
        [9, 32],
      ]),
    );
    expect(e.code).toBe("E_SHAPE_MISMATCH");
    expect(e.message).toContain("[6,16]");
    expect(e.message).toContain('"general"');
  });
  it("general has W_a [d_q, d_v]; concat has W_a [d_q + d_v, units] and v_a [units]; no biases", () => {
    expect(
      runLayer(LuongAttention, { score: "general" }, [
        [6, 16],
        [9, 32],
      ]).weights,
    ).toEqual([{ name: "W_a", shape: [16, 32], trainable: true }]);
    expect(
      runLayer(LuongAttention, { score: "concat", units: 10 }, [
        [6, 16],
        [9, 32],
      ]).weights,
    ).toEqual([
      { name: "W_a", shape: [48, 10], trainable: true },
      { name: "v_a", shape: [10], trainable: true },
    ]);
  });
  it("dot needs no known sizes; general does", () => {
    expect(
      runLayer(LuongAttention, { score: "dot" }, [
        [null, null],
        [null, 8],
      ]).outputs,
    ).toEqual([[null, 8]]);
    expect(
      shapeErrorOf(() =>
        runLayer(LuongAttention, {}, [
          [4, null],
          [9, 8],
        ]),
      ).code,
    ).toBe("E_UNDEFINED_DIM");
  });
  it("rejects an unknown score function", () => {
    expect(resolveParams(LuongAttention, { score: "bahdanau" }).issues[0]?.message).toContain(
      '"dot", "general", "concat"',
    );
  });
});
