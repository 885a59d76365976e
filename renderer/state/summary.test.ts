import { describe, expect, it } from "vitest";
import { GraphBuilder, sequential } from "../../shared/ir/builder";
import { inferGraph } from "../../shared/shapes/infer";
import { cnn } from "./__fixtures__/projects";
import { summarize } from "./summary";

const row = (s: ReturnType<typeof summarize>, id: string) => s.layers.find((l) => l.id === id);

describe("model summary", () => {
  it("counts 2 x multiply-adds of Conv2D and Dense, and float32 activations per sample", () => {
    const s = summarize(inferGraph(cnn().graph));
    // Conv2D 3x3x1 -> 8 filters at 26x26 outputs; Dense 5408 -> 10.
    expect(row(s, "conv2d_1")?.flops).toBe(2 * 3 * 3 * 1 * 8 * 26 * 26);
    expect(row(s, "dense_1")?.flops).toBe(2 * 5408 * 10);
    expect(row(s, "flatten_1")?.flops).toBe(0);
    expect(s.flops).toBe(2 * (3 * 3 * 8 * 676 + 54080));
    expect(row(s, "conv2d_1")?.activationBytes).toBe(26 * 26 * 8 * 4);
    expect(s.activationBytes).toBe((784 + 5408 + 5408 + 10) * 4);
    expect(s.params.total).toBe(3 * 3 * 8 + 8 + 5408 * 10 + 10);
    expect(s.complete).toBe(true);
    expect(s.layers.map((l) => l.id)).toEqual(["input_1", "conv2d_1", "flatten_1", "dense_1"]);
  });

  it("runs recurrent kernels once per time step", () => {
    const s = summarize(inferGraph(sequential([20, 8], ["LSTM", { units: 16 }])));
    // Input kernel [8, 64] and recurrent kernel [16, 64], 20 steps.
    expect(row(s, "lstm_1")?.flops).toBe(2 * 20 * (8 * 64 + 16 * 64));
  });

  it("counts attention projections at their sequence lengths and the score products", () => {
    const b = new GraphBuilder();
    const q = b.add("Input", { shape: [5, 12] });
    const v = b.add("Input", { shape: [7, 12] });
    const mha = b.add("MultiHeadAttention", { numHeads: 2, keyDim: 4 });
    b.connect(q, mha, "query").connect(v, mha, "value");
    const s = summarize(inferGraph(b.build()));
    const proj = 5 * 12 * 8 + 7 * 12 * 8 + 7 * 12 * 8 + 5 * 8 * 12; // q, k, v at their lengths; output at Tq
    const scores = 2 * 5 * 7 * (4 + 4); // heads x Tq x Tk x (d_k + d_v)
    expect(row(s, mha)?.flops).toBe(2 * (proj + scores));
  });

  it("leaves a value unknown when a dimension is, and says the totals are partial", () => {
    const s = summarize(inferGraph(sequential([null, 8], ["LSTM", { units: 4 }])));
    expect(row(s, "lstm_1")?.flops).toBeNull();
    expect(row(s, "lstm_1")?.activationBytes).toBe(16);
    expect(row(s, "input_1")?.activationBytes).toBeNull();
    expect(s.complete).toBe(false);
  });

  it("reports layers that failed inference without estimates", () => {
    const s = summarize(inferGraph(sequential([4], ["Conv2D", { filters: 2 }])));
    expect(row(s, "conv2d_1")).toMatchObject({ flops: null, activationBytes: null, outputShapes: null });
  });
});
