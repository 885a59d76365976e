import { describe, expect, it } from "vitest";
import { runLayer, shapeErrorOf } from "./__fixtures__/run-layer";
import { specContext } from "./catalog";
import { resolveParams } from "./resolve";
import { Bidirectional, TimeDistributed } from "./wrappers";

const lstm = (params: Record<string, unknown>) => ({
  layer: { kind: "LSTM", params },
});

describe("Bidirectional", () => {
  it("owns two copies of the inner weights, prefixed forward_ and backward_", () => {
    const r = runLayer(Bidirectional, lstm({ units: 4 }), [[6, 3]]);
    expect(r.weights.map((w) => w.name)).toEqual([
      "forward_kernel",
      "forward_recurrent_kernel",
      "forward_bias",
      "backward_kernel",
      "backward_recurrent_kernel",
      "backward_bias",
    ]);
    expect(r.weights[0]?.shape).toEqual([3, 16]);
    expect(r.trainable).toBe(2 * 4 * (4 * (3 + 4) + 4));
  });

  it("doubles the last axis only for concat", () => {
    for (const [mergeMode, out] of [
      ["concat", [null, 16]],
      ["sum", [null, 8]],
      ["mul", [null, 8]],
      ["ave", [null, 8]],
    ] as const) {
      const r = runLayer(Bidirectional, { ...lstm({ units: 8, returnSequences: true }), mergeMode }, [[null, 2]]);
      expect(r.outputs).toEqual([out]);
    }
  });

  it("rejects an inner layer with returnState, in check and in infer", () => {
    const { params, issues } = resolveParams(Bidirectional, lstm({ units: 4, returnState: true }));
    expect(issues.map((i) => i.param)).toEqual(["layer.returnState"]);
    expect(issues[0]?.message).toContain("does not support an inner layer with returnState=true");
    expect(shapeErrorOf(() => Bidirectional.infer(params, [[5, 3]], specContext)).code).toBe("E_PARAM_INVALID");
  });

  it("validates the inner layer: its kind and its params", () => {
    const wrongKind = resolveParams(Bidirectional, {
      layer: { kind: "Dense", params: { units: 3 } },
    });
    expect(wrongKind.issues.map((i) => i.param)).toEqual(["layer.kind"]);
    expect(wrongKind.issues[0]?.message).toContain("SimpleRNN, LSTM, GRU");
    const badUnits = resolveParams(Bidirectional, lstm({ units: 0 }));
    expect(badUnits.issues.map((i) => i.param)).toEqual(["layer.units"]);
    expect(resolveParams(Bidirectional, { mergeMode: "max" }).issues.map((i) => i.param)).toEqual(["mergeMode"]);
  });

  it("reports the inner layer's shape errors under its own name", () => {
    const e = shapeErrorOf(() => runLayer(Bidirectional, {}, [[32]]));
    expect(e.code).toBe("E_RANK");
    expect(e.message).toContain("Bidirectional(LSTM): LSTM expects input (T, F) of rank 2");
  });

  it("labels the inner layer and the merge", () => {
    expect(Bidirectional.label(resolveParams(Bidirectional, lstm({ units: 64 })).params)).toBe("LSTM 64 concat");
  });
});

describe("TimeDistributed", () => {
  const dense = (params: Record<string, unknown>) => ({
    layer: { kind: "Dense", params },
  });

  it("needs a time axis: rank >= 2", () => {
    const e = shapeErrorOf(() => runLayer(TimeDistributed, {}, [[16]]));
    expect(e.code).toBe("E_RANK");
    expect(e.message).toContain("TimeDistributed expects input (T, ...) of rank >= 2");
  });

  it("shares one step's weights across time", () => {
    const short = runLayer(TimeDistributed, dense({ units: 5 }), [[2, 3]]);
    const long = runLayer(TimeDistributed, dense({ units: 5 }), [[200, 3]]);
    expect(short.weights).toEqual(long.weights);
    expect(long.trainable).toBe(3 * 5 + 5);
  });

  it("reports the inner layer's errors under its own name", () => {
    const e = shapeErrorOf(() => runLayer(TimeDistributed, dense({ units: 5 }), [[4, null]]));
    expect(e.code).toBe("E_UNDEFINED_DIM");
    expect(e.message).toContain("TimeDistributed(Dense): Dense needs a known");
  });

  it("refuses kinds that do not act on one step, and unknown kinds at inference", () => {
    expect(resolveParams(TimeDistributed, lstm({})).issues.map((i) => i.param)).toEqual(["layer.kind"]);
    const { params } = resolveParams(TimeDistributed, {});
    const e = shapeErrorOf(() => TimeDistributed.infer(params, [[3, 4]], { lookup: () => undefined }));
    expect(e.code).toBe("E_UNKNOWN_KIND");
  });
});
