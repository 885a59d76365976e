import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { describeZodIssues, preview } from "./errors";
import { jsonTextDepth, valueDepth } from "./limits";

/** The preview as it was: stringify everything, keep 57 characters. The oracle for JSON values. */
function stringifyPreview(value: unknown): string {
  const text = typeof value === "string" ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

const numbers = fc.oneof(
  fc.double(),
  fc.constantFrom(0, -0, Number.MIN_VALUE, -Number.MIN_VALUE, Number.MAX_VALUE, 1e21, 1e-7, 2 ** 53, 2 ** 53 + 2),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY),
);

describe("preview", () => {
  it("equals the stringify-everything preview on any JSON value, numbers included", () => {
    const value = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: "small" },
        fc.string({ unit: "binary", maxLength: 80 }),
        numbers,
        fc.boolean(),
        fc.constant(null),
        fc.array(tie("node"), { maxLength: 5 }),
        fc.dictionary(fc.string({ unit: "binary", maxLength: 8 }), tie("node"), { maxKeys: 5 }),
      ),
    })).node;
    fc.assert(
      fc.property(value, (v) => {
        expect(preview(v)).toBe(stringifyPreview(v));
      }),
      { numRuns: 500 },
    );
  });

  it("keeps at most 60 characters of a 90 MB string and of an array nested 100,000 levels deep", () => {
    const huge = "x".repeat(90_000_000);
    expect(preview(huge)).toBe(`"${"x".repeat(56)}...`);
    expect(preview({ big: [huge] })).toBe(`{"big":["${"x".repeat(48)}...`);
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(preview(deep)).toBe(`${"[".repeat(57)}...`);
    const long = Array.from({ length: 1_000_000 }, (_, i) => i);
    expect(preview(long)).toHaveLength(60);
  });

  it("survives values JSON cannot write: cycles, undefined, functions, symbols, bigints, toJSON", () => {
    const cycle: Record<string, unknown> = { a: 1 };
    cycle.self = cycle;
    expect(preview(cycle)).toMatch(/^\{"a":1,"self":\{"a":1,"self":/);
    expect(preview(cycle).length).toBeLessThanOrEqual(60);
    expect(preview(undefined)).toBe("undefined");
    expect(preview([undefined, () => 1, Symbol("s")])).toBe("[null,null,null]");
    expect(preview({ a: undefined, f: () => 1, n: 10n })).toBe('{"n":null}');
    expect(preview(new Date(0))).toBe('"1970-01-01T00:00:00.000Z"');
    const selfJson = { toJSON: () => selfJson };
    expect(preview(selfJson)).toBe("");
  });

  it("is what describeZodIssues shows as the received value", () => {
    const r = z.object({ path: z.string() }).safeParse({ path: ["x".repeat(1000)] }, { reportInput: true });
    expect(r.success).toBe(false);
    if (!r.success) expect(describeZodIssues(r.error)).toMatch(/^path: .*; received \["x{55}\.\.\.$/);
  });
});

describe("nesting depth", () => {
  it("the text's depth equals the value's for any JSON value, and strings never count", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const text = JSON.stringify(v);
        expect(jsonTextDepth(text, 1000)).toBe(valueDepth(v, 1000));
      }),
      { numRuns: 300 },
    );
    expect(jsonTextDepth(JSON.stringify({ s: '[[[\\"{{' }))).toBe(1);
    expect(jsonTextDepth('"\\\\"[[')).toBe(2);
  });

  it("stops counting just past the limit, on text and on values", () => {
    expect(jsonTextDepth("[".repeat(1_000_000), 64)).toBe(65);
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = { a: deep };
    expect(valueDepth(deep, 64)).toBe(65);
    expect(valueDepth([[1], [[2]]], 64)).toBe(3);
    expect(valueDepth("[[[", 64)).toBe(0);
  });
});
