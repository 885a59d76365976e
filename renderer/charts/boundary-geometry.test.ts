import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { anyNumber, anyRange } from "../__fixtures__/numbers";
import { clipLine, toPixel, valueColor } from "./boundary-geometry";

const range = anyRange.map(([a, b]) => ({ min: Math.min(a, b), max: Math.max(a, b) }));

describe("boundary plot helpers over adversarial numbers", () => {
  it("toPixel is always a finite pixel near the canvas, and exact on ordinary ranges", () => {
    fc.assert(
      fc.property(anyNumber, range, (v, r) => {
        const p = toPixel(v, r, 300);
        expect(Number.isFinite(p)).toBe(true);
        expect(p).toBeGreaterThanOrEqual(-300);
        expect(p).toBeLessThanOrEqual(600);
      }),
    );
    expect(toPixel(5, { min: 0, max: 10 }, 300)).toBe(150);
    expect(toPixel(0, { min: 0, max: 10 }, 300)).toBe(0);
    expect(toPixel(10, { min: 0, max: 10 }, 300)).toBe(300);
  });

  it("valueColor is always a valid hsl colour from blue to orange, ordered by value", () => {
    fc.assert(
      fc.property(anyNumber, anyNumber, anyNumber, (v, lo, hi) => {
        const m = /^hsl\((-?\d+) 70% 55%\)$|^hsl\(0 0% 60%\)$/.exec(valueColor(v, lo, hi));
        expect(m).not.toBeNull();
        if (m?.[1]) {
          expect(Number(m[1])).toBeGreaterThanOrEqual(20);
          expect(Number(m[1])).toBeLessThanOrEqual(220);
        }
      }),
    );
    expect(valueColor(0, 0, 1)).toBe("hsl(220 70% 55%)");
    expect(valueColor(1, 0, 1)).toBe("hsl(20 70% 55%)");
  });

  it("clipLine ends lie in the box, or there is no line; never throws", () => {
    fc.assert(
      fc.property(anyNumber, anyNumber, anyNumber, range, range, (a, c, b, x, y) => {
        const seg = clipLine({ w: [a, c], b }, { x, y });
        if (!seg) return;
        for (const [px, py] of seg) {
          expect(px).toBeGreaterThanOrEqual(x.min);
          expect(px).toBeLessThanOrEqual(x.max);
          expect(py).toBeGreaterThanOrEqual(y.min);
          expect(py).toBeLessThanOrEqual(y.max);
        }
      }),
    );
    // x + y - 1 = 0 across the unit square: from (0, 1) to (1, 0).
    const seg = clipLine({ w: [1, 1], b: -1 }, { x: { min: 0, max: 1 }, y: { min: 0, max: 1 } });
    expect(seg?.map((p) => p.map((v) => v + 0))).toEqual(
      expect.arrayContaining([
        [0, 1],
        [1, 0],
      ]),
    );
    // A vertical line x = 2 in [0, 4] x [0, 1], a line missing the box, and zero weights.
    expect(clipLine({ w: [1, 0], b: -2 }, { x: { min: 0, max: 4 }, y: { min: 0, max: 1 } })).toEqual([
      [2, 0],
      [2, 1],
    ]);
    expect(clipLine({ w: [1, 0], b: -9 }, { x: { min: 0, max: 4 }, y: { min: 0, max: 1 } })).toBeNull();
    expect(clipLine({ w: [0, 0], b: 1 }, { x: { min: 0, max: 4 }, y: { min: 0, max: 1 } })).toBeNull();
  });
});
