import { describe, expect, it } from "vitest";
import { layerShapeError } from "./__fixtures__/run-layer";
import { BatchNormalization, batchNormalize, LayerNormalization } from "./normalization";
import { evaluateLayer, resolveParams } from "./resolve";
import type { AnyLayerSpec } from "./spec";

describe("batchNormalize (G-26)", () => {
  const close = (got: number[], want: number[]) => {
    for (const [i, v] of got.entries()) expect(v).toBeCloseTo(want[i] as number, 6);
  };

  it("standardizes (1, 2, 3) with the population variance", () => {
    close(batchNormalize([1, 2, 3]), [-1.224745, 0, 1.224745]);
  });
  it("epsilon = 1e-3 shrinks the result slightly, as tfjs does", () => {
    close(batchNormalize([1, 2, 3], 1e-3), [-1.223827, 0, 1.223827]);
  });
  it("applies gamma and beta after normalizing", () => {
    close(batchNormalize([1, 2, 3], 0, 2, 1), [-1.44949, 1, 3.44949]);
  });
});

describe.each([BatchNormalization, LayerNormalization].map((s) => [s.kind, s as AnyLayerSpec] as const))(
  "%s",
  (_kind, spec) => {
    it("needs a known size on its axis", () => {
      const e = layerShapeError(spec, { axis: 1 }, [[null, 4]]);
      expect(e.code).toBe("E_UNDEFINED_DIM");
      expect(e.message).toContain("size along axis 1");
    });

    it("refuses an axis outside the input", () => {
      const e = layerShapeError(spec, { axis: 3 }, [[4]]);
      expect(e.code).toBe("E_RANK");
      expect(e.message).toContain("axis 3 is out of range for input [4] of rank 1");
      expect(layerShapeError(spec, {}, [[]]).code).toBe("E_RANK");
    });

    it("refuses the batch axis and a non-positive epsilon", () => {
      expect(resolveParams(spec, { axis: 0 }).issues.map((i) => i.message)).toEqual([
        "axis must not be 0, the batch axis; use -1 for the last axis. Received: axis=0",
      ]);
      expect(resolveParams(spec, { epsilon: 0 }).issues.map((i) => i.param)).toEqual(["epsilon"]);
    });
  },
);

describe("weights", () => {
  it("BatchNormalization: gamma and beta trainable, moving statistics not", () => {
    const r = evaluateLayer(BatchNormalization, resolveParams(BatchNormalization, {}).params, [[8, 8, 3]]);
    expect(r.weights).toEqual([
      { name: "gamma", shape: [3], trainable: true },
      { name: "beta", shape: [3], trainable: true },
      { name: "moving_mean", shape: [3], trainable: false },
      { name: "moving_variance", shape: [3], trainable: false },
    ]);
  });
  it("scale=false drops gamma only", () => {
    const r = evaluateLayer(LayerNormalization, resolveParams(LayerNormalization, { scale: false }).params, [[4, 6]]);
    expect(r.weights.map((w) => w.name)).toEqual(["beta"]);
  });
  it("documents the notes' missing epsilon, gamma and beta", () => {
    expect(BatchNormalization.doc.notes?.[0]).toContain("omits epsilon and the learned gamma and beta");
    expect(BatchNormalization.doc.formula).toContain("moving_variance + epsilon");
  });
});
