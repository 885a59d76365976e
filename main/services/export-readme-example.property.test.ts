import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { firstSample, float32Literal } from "./export-readme-example";

describe("float32Literal", () => {
  it("reads back as the same float32, and is never longer than the float's own decimal", () => {
    fc.assert(
      fc.property(fc.float({ noNaN: true, noDefaultInfinity: true }), (v) => {
        const s = float32Literal(v);
        expect(Object.is(Math.fround(Number(s)), Math.fround(v))).toBe(true);
        // String(-0) is "0", which would read back as +0: "-0" keeps the sign.
        expect(s.length).toBeLessThanOrEqual(Object.is(v, -0) ? 2 : String(Math.fround(v)).length);
      }),
    );
  });

  it("writes what users typed", () => {
    expect(float32Literal(Math.fround(5.1))).toBe("5.1");
    expect(float32Literal(Math.fround(0.2))).toBe("0.2");
    expect(float32Literal(-1500)).toBe("-1500");
  });
});

describe("firstSample", () => {
  it("takes the first row of every tensor, batch 1, whatever the batch and row size", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.array(fc.integer({ min: 1, max: 4 }), { maxLength: 3 }),
        (n, dims) => {
          const per = dims.reduce((a, b) => a * b, 1);
          const data = Float32Array.from({ length: n * per }, (_, i) => i);
          const [feed] = firstSample([{ name: "x", dtype: "float32", shape: [n, ...dims], data }]) ?? [];
          expect(feed.shape).toEqual([1, ...dims]);
          expect(feed.values).toEqual(Array.from({ length: per }, (_, i) => i));
        },
      ),
    );
  });

  it("turns int64 into numbers and refuses an empty batch", () => {
    expect(
      firstSample([{ name: "t", dtype: "int64", shape: [2, 2], data: BigInt64Array.from([3n, 4n, 5n, 6n]) }]),
    ).toEqual([{ name: "t", dtype: "int64", shape: [1, 2], values: [3, 4] }]);
    expect(firstSample([{ name: "t", dtype: "string", shape: [0, 1], data: [] }])).toBeNull();
  });
});
