import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { anyNumber, anyRange, nextUp } from "../../__fixtures__/numbers";
import { fitToBox, type Point } from "./preview-scale";

const BOX = { width: 232, height: 96, node: { width: 26, height: 13 }, pad: 12 };
const point = fc.record({ x: anyNumber, y: anyNumber });
/** Several points, often sharing or nearly sharing a coordinate (equal, one float step apart). */
const points = fc.oneof(
  fc.array(point, { minLength: 1, maxLength: 12 }),
  fc.tuple(anyRange, anyRange).map(([[x1, x2], [y1, y2]]) => [
    { x: x1, y: y1 },
    { x: x2, y: y2 },
  ]),
);

function inside(p: Point): boolean {
  const [hw, hh] = [BOX.node.width / 2, BOX.node.height / 2];
  return (
    Number.isFinite(p.x) &&
    Number.isFinite(p.y) &&
    p.x - hw >= BOX.pad - 1e-9 &&
    p.x + hw <= BOX.width - BOX.pad + 1e-9 &&
    p.y - hh >= BOX.pad - 1e-9 &&
    p.y + hh <= BOX.height - BOX.pad + 1e-9
  );
}

describe("fitToBox", () => {
  it("puts every block inside the box, finite, whatever the positions (NaN, ±Infinity, ±MAX_VALUE, 1 ulp apart)", () => {
    fc.assert(
      fc.property(points, (ps) => {
        const out = fitToBox(ps, BOX);
        expect(out).toHaveLength(ps.length);
        for (const p of out) expect(inside(p), JSON.stringify({ ps, p })).toBe(true);
      }),
    );
  });

  it("keeps the left-to-right and top-to-bottom order of finite positions", () => {
    fc.assert(
      fc.property(points, (ps) => {
        const out = fitToBox(ps, BOX);
        for (let i = 0; i < ps.length; i++) {
          for (let j = 0; j < ps.length; j++) {
            if (Number.isFinite(ps[i].x) && Number.isFinite(ps[j].x) && ps[i].x < ps[j].x) {
              expect(out[i].x).toBeLessThanOrEqual(out[j].x);
            }
            if (Number.isFinite(ps[i].y) && Number.isFinite(ps[j].y) && ps[i].y < ps[j].y) {
              expect(out[i].y).toBeLessThanOrEqual(out[j].y);
            }
          }
        }
      }),
    );
  });

  it("centres a single block, equal positions, and positions one float step apart", () => {
    const centre = { x: BOX.width / 2, y: BOX.height / 2 };
    expect(fitToBox([{ x: 1e300, y: -7 }], BOX)).toEqual([centre]);
    expect(
      fitToBox(
        [
          { x: 3, y: 3 },
          { x: 3, y: 3 },
        ],
        BOX,
      ),
    ).toEqual([centre, centre]);
    for (const p of fitToBox(
      [
        { x: 1, y: 0 },
        { x: nextUp(1), y: nextUp(0) },
      ],
      BOX,
    )) {
      expect(p.x).toBeCloseTo(centre.x, 6);
      expect(p.y).toBeCloseTo(centre.y, 6);
    }
    expect(fitToBox([], BOX)).toEqual([]);
  });

  it("spreads the most extreme doubles to the box's two sides, and keeps a graph's proportions", () => {
    const [a, b] = fitToBox(
      [
        { x: -Number.MAX_VALUE, y: 0 },
        { x: Number.MAX_VALUE, y: 0 },
      ],
      BOX,
    );
    expect(a.x).toBeCloseTo(BOX.pad + BOX.node.width / 2);
    expect(b.x).toBeCloseTo(BOX.width - BOX.pad - BOX.node.width / 2);
    // A 600 x 144 canvas layout: x and y shrink by the same factor.
    const [p, q] = fitToBox(
      [
        { x: 0, y: 0 },
        { x: 600, y: 144 },
      ],
      BOX,
    );
    expect((q.x - p.x) / 600).toBeCloseTo((q.y - p.y) / 144);
  });

  it("draws a block with a NaN coordinate at the middle of that axis", () => {
    const out = fitToBox(
      [
        { x: 0, y: 0 },
        { x: 400, y: Number.NaN },
        { x: Number.NaN, y: 100 },
      ],
      BOX,
    );
    expect(out[1].y).toBeCloseTo((out[0].y + out[2].y) / 2);
    expect(out[2].x).toBeCloseTo((out[0].x + out[1].x) / 2);
  });
});
