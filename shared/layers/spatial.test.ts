import { describe, expect, it } from "vitest";
import { runLayer, shapeErrorOf } from "./__fixtures__/run-layer";
import { resolveParams } from "./resolve";
import { Cropping2D, UpSampling2D, ZeroPadding2D } from "./spatial";
import type { AnyLayerSpec } from "./spec";

describe.each([UpSampling2D, ZeroPadding2D, Cropping2D] as AnyLayerSpec[])("$kind", (spec) => {
  it("wants rank 3 (H, W, C)", () => {
    const e = shapeErrorOf(() => runLayer(spec, {}, [[10, 3]]));
    expect(e.code).toBe("E_RANK");
    expect(e.message).toContain(`${spec.kind} expects input of rank 3`);
    expect(e.message).toContain("received rank 2 [10,3]");
  });

  it("has no weights and keeps unknown dims unknown", () => {
    const r = runLayer(spec, {}, [[null, null, null]]);
    expect(r.outputs).toEqual([[null, null, null]]);
    expect(r.weights).toEqual([]);
  });
});

describe("margins are [top, bottom, left, right]", () => {
  it("a single integer broadcasts to all four sides", () => {
    expect(resolveParams(ZeroPadding2D, { padding: 2 }).params.padding).toEqual([2, 2, 2, 2]);
    expect(resolveParams(Cropping2D, { cropping: 1 }).params.cropping).toEqual([1, 1, 1, 1]);
  });

  it("rejects a pair (Keras' symmetric form), negative margins and Keras' nested form", () => {
    for (const padding of [
      [1, 2],
      [1, -1, 0, 0],
      [
        [1, 1],
        [2, 2],
      ],
    ]) {
      expect(resolveParams(ZeroPadding2D, { padding }).issues[0]?.param).toBe("padding");
    }
  });

  it("ZeroPadding2D adds top + bottom rows and left + right columns", () => {
    expect(runLayer(ZeroPadding2D, { padding: [0, 3, 1, 0] }, [[4, 4, 2]]).outputs).toEqual([[7, 5, 2]]);
  });

  it("an unknown height stays unknown when cropping (tfjs 4.22 would report a negative size)", () => {
    expect(runLayer(Cropping2D, { cropping: [1, 1, 2, 2] }, [[null, 10, 3]]).outputs).toEqual([[null, 6, 3]]);
  });

  it("cropping everything is E_NONPOSITIVE_SIZE, with the sizes in the message", () => {
    const e = shapeErrorOf(() => runLayer(Cropping2D, { cropping: [3, 3, 0, 0] }, [[6, 10, 3]]));
    expect(e.code).toBe("E_NONPOSITIVE_SIZE");
    for (const part of ["output size would be 0", "input height 6", "cropping 3 + 3", "[6,10,3]"]) {
      expect(e.message).toContain(part);
    }
    expect(shapeErrorOf(() => runLayer(Cropping2D, { cropping: [0, 0, 4, 5] }, [[6, 8, 3]])).message).toContain(
      "input width 8",
    );
  });
});

describe("UpSampling2D", () => {
  it("multiplies height and width by size", () => {
    expect(runLayer(UpSampling2D, { size: [3, 1] }, [[5, 7, 4]]).outputs).toEqual([[15, 7, 4]]);
  });

  it("rejects size 0 and unknown interpolation modes", () => {
    expect(resolveParams(UpSampling2D, { size: 0 }).issues[0]?.param).toBe("size");
    expect(resolveParams(UpSampling2D, { interpolation: "bicubic" }).issues[0]?.param).toBe("interpolation");
  });

  it("labels size and interpolation", () => {
    expect(UpSampling2D.label(resolveParams(UpSampling2D, {}).params as never)).toBe("2x2 nearest");
  });
});
