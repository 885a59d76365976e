import { describe, expect, it } from "vitest";
import { getSpec, LAYERS } from "../../../shared/layers/catalog";
import { float, type IntDef, type IntsDef, int, type ParamDefs } from "../../../shared/layers/params";
import type { AnyLayerSpec } from "../../../shared/layers/spec";
import {
  boundsHint,
  emptyNumberText,
  paramMessage,
  parseNumber,
  stepNumber,
  tupleCellText,
  tupleHint,
  visibleParams,
} from "./param-form";

const spec = (kind: string) => getSpec(kind) as AnyLayerSpec;

describe("visibleParams", () => {
  it("hides a param whose relevantIf condition is not met", () => {
    const names = (p: Record<string, unknown>) => visibleParams(spec("Activation"), p).map(([n]) => n);
    expect(names({ activation: "relu" })).toEqual(["activation"]);
    expect(names({ activation: "sigmoid" })).toEqual(["activation", "steepness"]);
  });
});

describe("paramMessage", () => {
  it("returns the catalog's message, with what was received", () => {
    expect(paramMessage(spec("Dense"), {}, "units", 0)).toMatch(/units must be an integer >= 1.*Received: units=0/);
    expect(paramMessage(spec("Dense"), {}, "units", "abc")).toMatch(/Received: units="abc"/);
    expect(paramMessage(spec("Dense"), {}, "units", 16)).toBeNull();
  });

  it("checks tuple lengths and bounds", () => {
    expect(paramMessage(spec("Conv2D"), {}, "kernelSize", [3, 0])).toMatch(/kernelSize/);
    expect(paramMessage(spec("Conv2D"), {}, "kernelSize", [5, 5])).toBeNull();
  });
});

describe("parseNumber", () => {
  it("reads numbers, keeps unreadable text for the message and maps empty to null when allowed", () => {
    const units = int({ default: 1, min: 1, doc: "" });
    expect(parseNumber(" 12 ", units)).toBe(12);
    expect(parseNumber("1e3", units)).toBe(1000);
    expect(parseNumber("abc", units)).toBe("abc");
    expect(parseNumber("", units)).toBe("");
    expect(parseNumber("", int({ default: null, nullable: true, doc: "" }))).toBeNull();
  });
});

describe("stepNumber", () => {
  it("steps integers by one and stops at the bounds", () => {
    const units = int({ default: 1, min: 1, max: 3, doc: "" });
    expect(stepNumber(units, 2, 1)).toBe(3);
    expect(stepNumber(units, 3, 1)).toBe(3);
    expect(stepNumber(units, 1, -1)).toBe(1);
  });

  it("steps rates by 0.05 without float noise and never reaches an exclusive bound", () => {
    const rate = float({ default: 0.5, min: 0, max: 1, exclusiveMax: true, doc: "" });
    expect(stepNumber(rate, 0.1, 1)).toBe(0.15);
    expect(stepNumber(rate, 0.95, 1)).toBe(0.95);
  });

  it("steps a tiny epsilon by its own order of magnitude", () => {
    const eps = float({ default: 0.001, min: 0, exclusiveMin: true, doc: "" });
    expect(stepNumber(eps, 0.001, 1)).toBe(0.002);
  });
});

describe("boundsHint", () => {
  it("writes the bounds as an inequality", () => {
    expect(boundsHint(float({ default: 0, min: 0, max: 1, exclusiveMax: true, doc: "" }))).toBe("0 ≤ x < 1");
    expect(boundsHint(int({ default: 1, min: 1, doc: "" }))).toBe("1 ≤ x");
    expect(boundsHint(float({ default: 0, doc: "" }))).toBe("");
  });
});

describe("what an empty (null) param means", () => {
  const defs = LAYERS.flatMap((s) =>
    Object.entries(s.params as ParamDefs).map(([n, d]) => [`${s.kind}.${n}`, d] as const),
  );

  it("every param whose default holds null says what null stands for, so no field shows '?' or a bare 'auto'", () => {
    const nullByDefault = defs.filter(([, d]) => [d.default].flat().includes(null));
    const silent = nullByDefault.filter(([, d]) => d.type !== "regularizer" && !("nullMeans" in d && d.nullMeans));
    expect(silent.map(([n]) => n)).toEqual([]);
    expect(nullByDefault.map(([n]) => n)).toContain("MaxPooling2D.strides");
  });

  it("MaxPooling2D's default strides read 'auto = pool size', an Input's unknown length stays '?'", () => {
    const strides = spec("MaxPooling2D").params.strides as IntsDef;
    const cells = [null, null].map((v) => tupleCellText(strides, v));
    expect(cells).toEqual(["", ""]);
    expect(tupleHint(strides, cells)).toBe("auto = pool size");
    expect(tupleHint(strides, ["2", "2"])).toBeUndefined();
    const shape = spec("Input").params.shape as IntsDef;
    expect(tupleCellText(shape, null)).toBe("?");
    expect(tupleHint(shape, ["?"])).toBeUndefined();
  });

  it("an empty number field shows its meaning ('= keyDim'), or 'auto' without one, and nothing where empty is invalid", () => {
    expect(emptyNumberText(spec("MultiHeadAttention").params.valueDim as IntDef)).toBe("= keyDim");
    expect(emptyNumberText(int({ default: null, nullable: true, doc: "" }))).toBe("auto");
    expect(emptyNumberText(spec("Dense").params.units as IntDef)).toBeUndefined();
  });
});
