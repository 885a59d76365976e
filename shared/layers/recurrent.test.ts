import { describe, expect, it } from "vitest";
import { layerShapeError, runLayer } from "./__fixtures__/run-layer";
import { specContext } from "./catalog";
import { GRU, LSTM, SimpleRNN } from "./recurrent";
import { resolveParams } from "./resolve";
import { type AnyLayerSpec, outputsOf } from "./spec";

const kinds: readonly (readonly [AnyLayerSpec, number, readonly string[]])[] = [
  [SimpleRNN, 1, ["out", "h"]],
  [LSTM, 4, ["out", "h", "c"]],
  [GRU, 3, ["out", "h"]],
];

describe.each(kinds.map(([spec, blocks, ports]) => [spec.kind, spec, blocks, ports] as const))(
  "%s",
  (_kind, spec, blocks, statePorts) => {
    it("refuses rank-1 input (a single vector is not a sequence)", () => {
      const e = layerShapeError(spec, {}, [[32]]);
      expect(e.code).toBe("E_RANK");
      expect(e.message).toContain(`${spec.kind} expects input (T, F) of rank 2`);
      expect(e.message).toContain("received rank 1 [32]");
    });

    it("refuses rank-3 input (an image must be reshaped or convolved first)", () => {
      expect(layerShapeError(spec, {}, [[28, 28, 1]]).code).toBe("E_RANK");
    });

    it("needs a known feature size F but accepts an unknown length T", () => {
      const e = layerShapeError(spec, {}, [[10, null]]);
      expect(e.code).toBe("E_UNDEFINED_DIM");
      expect(e.message).toContain("feature dimension F");
      expect(runLayer(spec, { units: 3, returnSequences: true }, [[null, 2]]).outputs).toEqual([[null, 3]]);
    });

    it("counts blocks * (units (F + units) + units) parameters", () => {
      for (const [units, f] of [
        [1, 1],
        [7, 3],
        [64, 32],
        [128, 300],
      ] as const) {
        expect(runLayer(spec, { units }, [[5, f]]).trainable).toBe(blocks * (units * (f + units) + units));
        expect(runLayer(spec, { units, useBias: false }, [[5, f]]).trainable).toBe(blocks * units * (f + units));
      }
    });

    it("names its weights as Keras does", () => {
      const r = runLayer(spec, { units: 8 }, [[5, 3]]);
      expect(r.weights).toEqual([
        { name: "kernel", shape: [3, 8 * blocks], trainable: true },
        { name: "recurrent_kernel", shape: [8, 8 * blocks], trainable: true },
        { name: "bias", shape: [8 * blocks], trainable: true },
      ]);
    });

    it("adds one output port per state with returnState", () => {
      const { params } = resolveParams(spec, {
        units: 5,
        returnState: true,
        returnSequences: true,
      });
      expect(outputsOf(spec, params)).toEqual(statePorts);
      const r = spec.infer(params, [[9, 2]], specContext);
      expect(r).toEqual([[9, 5], ...statePorts.slice(1).map(() => [5])]);
      expect(outputsOf(spec, resolveParams(spec, {}).params)).toEqual(["out"]);
    });

    it("takes optional initial states on the ports its returnState gives out", () => {
      expect(spec.inputs.map((p) => [p.name, p.optional === true])).toEqual([
        ["in", false],
        ...statePorts.slice(1).map((name) => [name, true]),
      ]);
      const states = statePorts.slice(1).map(() => [8]);
      expect(runLayer(spec, { units: 8 }, [[5, 3], ...states]).outputs).toEqual([[8]]);
      // The weights do not depend on the states: the same count with and without them.
      expect(runLayer(spec, { units: 8 }, [[5, 3], ...states]).trainable).toBe(
        runLayer(spec, { units: 8 }, [[5, 3]]).trainable,
      );
    });

    it("refuses an initial state whose size is not units", () => {
      const states = statePorts.slice(1).map(() => [8]);
      states[0] = [7];
      const e = layerShapeError(spec, { units: 8 }, [[5, 3], ...states]);
      expect(e.code).toBe("E_SHAPE_MISMATCH");
      expect(e.message).toContain(`${spec.kind} expects initial state h of shape (8) = (units); received [7]`);
      expect(layerShapeError(spec, { units: 8 }, [[5, 3], ...states.map(() => [2, 8])]).code).toBe("E_SHAPE_MISMATCH");
    });

    it("bounds dropout rates to 0 <= rate < 1", () => {
      expect(resolveParams(spec, { dropout: 1 }).issues.map((i) => i.param)).toEqual(["dropout"]);
      expect(resolveParams(spec, { recurrentDropout: -0.1 }).issues.map((i) => i.param)).toEqual(["recurrentDropout"]);
      expect(resolveParams(spec, { dropout: 0.99, recurrentDropout: 0 }).issues).toEqual([]);
    });

    it("labels the size and the flags", () => {
      const { params } = resolveParams(spec, {
        units: 64,
        returnSequences: true,
      });
      expect(spec.label(params)).toBe("64 seq");
    });
  },
);

it("LSTM takes h and c together or not at all", () => {
  const e = layerShapeError(LSTM, { units: 8 }, [[5, 3], [8]]);
  expect(e.code).toBe("E_UNCONNECTED_INPUT");
  expect(e.message).toBe("LSTM takes its initial states h and c together or not at all; received 1 of 2");
});

describe("gated defaults follow the textbook, not tfjs", () => {
  it("uses sigmoid gates and says that tfjs defaults to hardSigmoid", () => {
    for (const spec of [LSTM, GRU] as AnyLayerSpec[]) {
      expect(resolveParams(spec, {}).params.recurrentActivation).toBe("sigmoid");
      expect(spec.doc.notes?.join(" ")).toContain("hardSigmoid");
    }
  });

  it("LSTM initialises the forget bias to 1 by default", () => {
    expect(resolveParams(LSTM, {}).params.unitForgetBias).toBe(true);
  });

  it("GRU offers no resetAfter and explains the count difference with Keras", () => {
    expect(resolveParams(GRU, { resetAfter: true }).issues.map((i) => i.param)).toEqual(["resetAfter"]);
    expect(GRU.doc.notes?.join(" ")).toContain("reset_after=True");
  });

  it("GRU formula is the reset-before form with h = z * h_prev + (1 - z) * h~", () => {
    expect(GRU.doc.formula).toContain("(r_t * h_(t-1)) U_h");
    expect(GRU.doc.formula).toContain("h_t = z_t * h_(t-1) + (1 - z_t) * h~_t");
    expect(GRU.doc.formula).toContain("0.174468");
  });
});
