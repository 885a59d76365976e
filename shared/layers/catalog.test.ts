import { describe, expect, it } from "vitest";
import { ShapeError } from "../diagnostics";
import { LAYER_CASES } from "./__fixtures__/cases";
import { getSpec, LAYER_KINDS, LAYERS } from "./catalog";
import { defaultParams, type ParamDefs, validateParams } from "./params";
import { evaluateLayer, resolveParams } from "./resolve";
import { type AnyLayerSpec, CATEGORIES, outputsOf } from "./spec";

/** Keras' run_layer_test, for every spec: defaults, docs, round trip, shapes and weights per case. */
describe.each(LAYERS.map((s) => [s.kind, s as AnyLayerSpec] as const))("%s", (kind, spec) => {
  it("has a unique kind, a known category and complete docs", () => {
    expect(LAYER_KINDS.filter((k) => k === kind)).toHaveLength(1);
    expect(CATEGORIES).toContain(spec.category);
    for (const field of ["summary", "formula", "inputShape", "outputShape", "whenToUse"] as const) {
      expect(spec.doc[field].trim().length, `${kind}.doc.${field}`).toBeGreaterThan(3);
    }
    for (const [name, def] of Object.entries(spec.params as ParamDefs)) {
      expect(def.doc.trim().length, `${kind}.params.${name}.doc`).toBeGreaterThan(3);
    }
    for (const port of spec.inputs) expect(port.doc.length, `${kind} port ${port.name}`).toBeGreaterThan(3);
  });

  it("accepts its defaults, and parsing is idempotent (round trip)", () => {
    const first = resolveParams(spec, {});
    expect(first.issues).toEqual([]);
    const again = resolveParams(spec, JSON.parse(JSON.stringify(first.params)));
    expect(again.issues).toEqual([]);
    expect(again.params).toEqual(first.params);
    expect(validateParams(spec.params, undefined).params).toEqual(defaultParams(spec.params));
  });

  it("rejects an unknown parameter by name", () => {
    const r = resolveParams(spec, { definitelyNotAParam: 1 });
    expect(r.issues.map((i) => i.param)).toContain("definitelyNotAParam");
  });

  const cases = LAYER_CASES[kind as keyof typeof LAYER_CASES];
  it("has at least one example", () => expect(cases.length).toBeGreaterThan(0));

  it.each(cases.map((c) => [c.name ?? JSON.stringify(c.params), c] as const))("example %s", (_name, c) => {
    const { params, issues } = resolveParams(spec, c.params);
    expect(issues).toEqual([]);
    const r = evaluateLayer(spec, params, c.inputs);
    expect(r.outputs).toEqual(c.outputs);
    expect(r.outputs).toHaveLength(outputsOf(spec, params).length);
    expect(r.trainable).toBe(c.trainable);
    expect(r.nonTrainable).toBe(c.nonTrainable ?? 0);
    expect(typeof spec.label(params)).toBe("string");
    // Round trip of the case's params through JSON gives the same result.
    const again = resolveParams(spec, JSON.parse(JSON.stringify(params)));
    expect(again.params).toEqual(params);
  });
});

describe("catalog", () => {
  it("covers the curriculum's blocks (about 60 kinds)", () => {
    expect(LAYERS.length).toBeGreaterThanOrEqual(55);
  });
  it("looks kinds up and refuses unknown ones", () => {
    expect(getSpec("Dense")?.kind).toBe("Dense");
    expect(getSpec("Densee")).toBeUndefined();
  });
  it("spec errors are ShapeErrors with a code, not crashes", () => {
    const dense = getSpec("Dense");
    if (!dense) throw new Error("Dense missing");
    expect(() => evaluateLayer(dense, resolveParams(dense, {}).params, [[]])).toThrow(ShapeError);
  });
});
