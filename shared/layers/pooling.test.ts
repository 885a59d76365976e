import { describe, expect, it } from "vitest";
import type { Shape } from "../shapes/shape";
import { runLayer, shapeErrorOf } from "./__fixtures__/run-layer";
import {
  AveragePooling1D,
  AveragePooling2D,
  GlobalAveragePooling1D,
  GlobalAveragePooling2D,
  GlobalMaxPooling1D,
  GlobalMaxPooling2D,
  MaxPooling1D,
  MaxPooling2D,
  resolvePoolStrides,
} from "./pooling";
import { resolveParams } from "./resolve";
import type { AnyLayerSpec } from "./spec";

describe("strides default to the pool size (Keras strides=None)", () => {
  it("is stored as null per axis and resolved against poolSize", () => {
    const { params } = resolveParams(MaxPooling2D, { poolSize: 3 });
    expect(params.strides).toEqual([null, null]);
    expect(resolvePoolStrides(params.poolSize as number[], params.strides as null[])).toEqual([3, 3]);
    expect(resolvePoolStrides([2, 3], [null, 1])).toEqual([2, 1]);
    expect(MaxPooling2D.label(params as never)).toBe("3x3 s3 valid");
  });

  it("follows poolSize when it changes: 9x9 with pool 3 -> 3x3, not 7x7", () => {
    expect(runLayer(MaxPooling2D, { poolSize: 3 }, [[9, 9, 1]]).outputs).toEqual([[3, 3, 1]]);
    expect(runLayer(MaxPooling1D, { poolSize: 3 }, [[9, 1]]).outputs).toEqual([[3, 1]]);
  });

  it("a scalar stride broadcasts; 0 is rejected", () => {
    expect(resolveParams(MaxPooling2D, { strides: 1 }).params.strides).toEqual([1, 1]);
    expect(resolveParams(MaxPooling2D, { strides: 0 }).issues[0]?.param).toBe("strides");
    expect(resolveParams(MaxPooling2D, { padding: "causal" }).issues[0]?.param).toBe("padding");
  });
});

describe("output size floor((n - f)/s) + 1 (D14)", () => {
  it("32 with f=2, s=2 is 16, not the notes' 15.5; MaxPooling2D's doc says so", () => {
    expect(runLayer(MaxPooling2D, { poolSize: 2, strides: 2 }, [[32, 32, 12]]).outputs).toEqual([[16, 16, 12]]);
    const notes = (MaxPooling2D.doc.notes ?? []).join(" ");
    expect(notes).toContain("floor((n - f)/s) + 1");
    expect(notes).toContain("15.5");
  });

  it("floors odd sizes with valid and rounds up with same", () => {
    expect(runLayer(AveragePooling2D, {}, [[29, 7, 4]]).outputs).toEqual([[14, 3, 4]]);
    expect(runLayer(AveragePooling2D, { padding: "same" }, [[29, 7, 4]]).outputs).toEqual([[15, 4, 4]]);
  });

  it("keeps unknown channels unknown (pooling has no weights)", () => {
    const r = runLayer(MaxPooling2D, {}, [[8, 8, null]]);
    expect(r.outputs).toEqual([[4, 4, null]]);
    expect(r.weights).toEqual([]);
  });
});

describe("shape errors", () => {
  it.each([
    [MaxPooling1D, [10], 2],
    [AveragePooling1D, [10, 4, 1], 2],
    [MaxPooling2D, [784], 3],
    [AveragePooling2D, [28, 28], 3],
    [GlobalMaxPooling1D, [10], 2],
    [GlobalAveragePooling1D, [10, 10, 3], 2],
    [GlobalMaxPooling2D, [10, 3], 3],
    [GlobalAveragePooling2D, [10, 10, 3, 1], 3],
  ] as [AnyLayerSpec, Shape, number][])("%# wrong rank is E_RANK", (spec, input, rank) => {
    const e = shapeErrorOf(() => runLayer(spec, {}, [input]));
    expect(e.code).toBe("E_RANK");
    expect(e.message).toContain(`${spec.kind} expects input of rank ${rank}`);
  });

  it("a window larger than a valid input is E_NONPOSITIVE_SIZE with the sizes in the message", () => {
    const e = shapeErrorOf(() => runLayer(MaxPooling2D, { poolSize: [2, 3] }, [[4, 2, 8]]));
    expect(e.code).toBe("E_NONPOSITIVE_SIZE");
    for (const part of ["input width 2", "pool 3", "stride 3", "padding valid", "[4,2,8]"]) {
      expect(e.message).toContain(part);
    }
    expect(shapeErrorOf(() => runLayer(AveragePooling1D, { poolSize: 5 }, [[4, 1]])).message).toContain(
      "input steps 4",
    );
  });

  it("same padding never shrinks below one", () => {
    expect(runLayer(MaxPooling2D, { poolSize: 5, padding: "same" }, [[2, 2, 1]]).outputs).toEqual([[1, 1, 1]]);
  });
});

describe("global pooling keeps one value per channel", () => {
  it.each([GlobalMaxPooling1D, GlobalAveragePooling1D] as AnyLayerSpec[])("$kind: (steps, C) -> (C)", (spec) => {
    expect(runLayer(spec, {}, [[null, 7]]).outputs).toEqual([[7]]);
  });
  it.each([GlobalMaxPooling2D, GlobalAveragePooling2D] as AnyLayerSpec[])("$kind: (H, W, C) -> (C)", (spec) => {
    expect(runLayer(spec, {}, [[5, 6, 7]]).outputs).toEqual([[7]]);
    expect(runLayer(spec, {}, [[5, 6, null]]).outputs).toEqual([[null]]);
  });
});
