import { describe, expect, it } from "vitest";
import type { Shape } from "../shapes/shape";
import { layerShapeError } from "./__fixtures__/run-layer";
import { Add, Average, Concatenate, Dot, Maximum, Minimum, Multiply, Subtract } from "./merging";
import { evaluateLayer, resolveParams } from "./resolve";
import type { AnyLayerSpec } from "./spec";

describe.each([Add, Subtract, Multiply, Average, Maximum, Minimum].map((s) => [s.kind, s as AnyLayerSpec] as const))(
  "%s",
  (kind, spec) => {
    it("refuses unequal shapes with both shapes in the message", () => {
      const e = layerShapeError(spec, {}, [
        [8, 8, 32],
        [8, 8, 16],
      ]);
      expect(e.code).toBe("E_SHAPE_MISMATCH");
      expect(e.message).toContain(`${kind}: inputs must have equal shapes`);
      expect(e.message).toContain("received [8,8,32] and [8,8,16]");
    });

    it("needs two inputs", () => {
      expect(layerShapeError(spec, {}, [[4]]).code).toBe("E_TOO_FEW_INPUTS");
    });
  },
);

describe("element-wise merges", () => {
  it("check every input, not only the first two", () => {
    const e = layerShapeError(Add, {}, [[4], [4], [5]]);
    expect(e.message).toContain("received [4] and [5]");
  });
  it("broadcast as tfjs' Merge does: 1 stretches, unknown wins, ranks align right", () => {
    const out = (inputs: Shape[]) => evaluateLayer(Multiply, {}, inputs).outputs;
    expect(
      out([
        [5, 1],
        [1, 8],
      ]),
    ).toEqual([[5, 8]]);
    expect(
      out([
        [null, 8],
        [5, 8],
      ]),
    ).toEqual([[null, 8]]);
    expect(out([[2, 4, 3], [3]])).toEqual([[2, 4, 3]]);
    expect(out([[2, 4, 3], []])).toEqual([[2, 4, 3]]);
  });
  it("Subtract has two named ports, the others one variadic port", () => {
    expect(Subtract.inputs.map((p) => p.name)).toEqual(["a", "b"]);
    expect(Add.inputs[0]?.variadic).toEqual({ min: 2 });
  });
});

describe("Concatenate", () => {
  it("refuses inputs that differ off the concat axis", () => {
    const e = layerShapeError(Concatenate, {}, [
      [8, 8, 32],
      [4, 4, 16],
    ]);
    expect(e.code).toBe("E_SHAPE_MISMATCH");
    expect(e.message).toContain("equal shapes except on axis -1; received [8,8,32] and [4,4,16]");
    expect(layerShapeError(Concatenate, {}, [[3, 4], [4]]).code).toBe("E_SHAPE_MISMATCH");
  });

  it("like tfjs, an unknown dim off the axis matches only an unknown dim", () => {
    expect(
      layerShapeError(Concatenate, {}, [
        [null, 4],
        [5, 6],
      ]).code,
    ).toBe("E_SHAPE_MISMATCH");
  });

  it("refuses an axis outside the inputs, and the batch axis", () => {
    expect(layerShapeError(Concatenate, { axis: 3 }, [[4], [4]]).code).toBe("E_RANK");
    expect(resolveParams(Concatenate, { axis: 0 }).issues.map((i) => i.param)).toEqual(["axis"]);
  });
});

describe("Dot", () => {
  it("needs equal sizes on the summed axes", () => {
    const e = layerShapeError(Dot, {}, [[3], [4]]);
    expect(e.code).toBe("E_SHAPE_MISMATCH");
    expect(e.message).toContain("received [3] (axis -1) and [4] (axis -1)");
    expect(layerShapeError(Dot, { axes: [1] }, [[null], [5]]).code).toBe("E_SHAPE_MISMATCH");
  });

  it("supports rank 1 and 2 only, as tfjs", () => {
    const e = layerShapeError(Dot, {}, [
      [2, 3, 4],
      [2, 3, 4],
    ]);
    expect(e.code).toBe("E_RANK");
    expect(e.message).toContain("received rank 3 [2,3,4]");
  });

  it("takes one or two axes, never the batch axis", () => {
    expect(resolveParams(Dot, { axes: [1, 1, 1] }).issues.map((i) => i.param)).toEqual(["axes"]);
    expect(resolveParams(Dot, { axes: [0] }).issues.map((i) => i.message)).toEqual([
      "axes must not include 0, the batch axis. Received: axes=[0]",
    ]);
    expect(layerShapeError(Dot, { axes: [3] }, [[4], [4]]).code).toBe("E_RANK");
  });

  it("labels the axes and cosine mode", () => {
    expect(Dot.label(resolveParams(Dot, { axes: [2, 2], normalize: true }).params)).toBe("axes 2,2 cosine");
  });
});
