import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Position } from "./edits";
import { boundsOf, intersects, nodeRect, pasteOffset, placeInView, type Rect } from "./placement";
import { NODE_HEIGHT, NODE_WIDTH } from "./project-ops";

const rects = (ps: Position[]) => ps.map(nodeRect);
const moved = (ps: Position[], d: Position) => ps.map((p) => ({ x: p.x + d.x, y: p.y + d.y }));
const overlapsAny = (ps: Position[], occupied: Rect[]) => rects(ps).some((r) => occupied.some((o) => intersects(r, o)));
const VIEW: Rect = { x: -100, y: -100, width: 1200, height: 700 };

describe("pasteOffset", () => {
  const chain = [
    { x: 0, y: 0 },
    { x: 300, y: 0 },
  ];

  it("puts copies of blocks on screen just below them, not on top", () => {
    const d = pasteOffset(chain, rects(chain), { visible: VIEW, pointer: null });
    expect(overlapsAny(moved(chain, d), rects(chain))).toBe(false);
    expect(d.y).toBeGreaterThanOrEqual(NODE_HEIGHT);
    expect(d.y).toBeLessThan(2 * NODE_HEIGHT);
  });

  it("cascades: a second paste of the same blocks finds the next free row", () => {
    const first = moved(chain, pasteOffset(chain, rects(chain), { visible: VIEW, pointer: null }));
    const occupied = rects([...chain, ...first]);
    const second = moved(chain, pasteOffset(chain, occupied, { visible: VIEW, pointer: null }));
    expect(overlapsAny(second, occupied)).toBe(false);
    expect(second[0].y).toBeGreaterThan(first[0].y);
  });

  it("brings copies of blocks scrolled away to the pointer, or the middle of the view without one", () => {
    const far = [{ x: 5000, y: 5000 }];
    expect(moved(far, pasteOffset(far, rects(far), { visible: VIEW, pointer: { x: 200, y: 150 } }))).toEqual([
      { x: 200, y: 150 },
    ]);
    const [centre] = moved(far, pasteOffset(far, rects(far), { visible: VIEW, pointer: null }));
    expect(centre.x + NODE_WIDTH / 2).toBeCloseTo(VIEW.x + VIEW.width / 2, 0);
    expect(centre.y + NODE_HEIGHT / 2).toBeCloseTo(VIEW.y + VIEW.height / 2, 0);
    // A pointer outside the view (over the palette) does not count.
    const [mid] = moved(far, pasteOffset(far, rects(far), { visible: VIEW, pointer: { x: -900, y: 0 } }));
    expect(mid).toEqual(centre);
  });
});

describe("placeInView", () => {
  it("keeps the spot after the last block when it is on screen and free", () => {
    expect(placeInView({ x: 300, y: 0 }, rects([{ x: 0, y: 0 }]), VIEW)).toEqual({ x: 300, y: 0 });
  });

  it("moves a block that would land off screen (under the inspector) into a free place in view", () => {
    const row = Array.from({ length: 4 }, (_, i) => ({ x: i * 300, y: 0 }));
    const p = placeInView({ x: 1200, y: 0 }, rects(row), VIEW);
    const r = nodeRect(p);
    expect(r.x).toBeGreaterThanOrEqual(VIEW.x);
    expect(r.x + r.width).toBeLessThanOrEqual(VIEW.x + VIEW.width);
    expect(r.y + r.height).toBeLessThanOrEqual(VIEW.y + VIEW.height);
    expect(overlapsAny([p], rects(row))).toBe(false);
  });

  it("without a canvas, keeps the spot after the last block", () => {
    expect(placeInView({ x: 900, y: 40 }, [], null)).toEqual({ x: 900, y: 40 });
  });
});

/** Adversarial numbers: equal, 1 ulp apart, huge, tiny, NaN and the infinities. */
const num = fc.oneof(
  fc.double({ noNaN: false }),
  fc.constantFrom(
    0,
    -0,
    5e-324,
    1e308,
    -1e308,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    1,
    1 + Number.EPSILON,
  ),
);
const pos = fc.record({ x: num, y: num });
const rect = fc.record({ x: num, y: num, width: num, height: num });
const finitePos = (p: Position) => Number.isFinite(p.x) && Number.isFinite(p.y);

describe("placement over adversarial numbers", () => {
  it("always returns, with a finite place whenever the inputs give one", () => {
    fc.assert(
      fc.property(pos, fc.array(pos, { maxLength: 30 }), fc.option(rect, { nil: null }), (after, taken, view) => {
        const p = placeInView(after, rects(taken), view);
        if (finitePos(after)) expect(finitePos(p)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("paste offsets are finite for finite blocks, whatever the view says", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ x: fc.integer({ min: -1e6, max: 1e6 }), y: fc.integer({ min: -1e6, max: 1e6 }) }), {
          minLength: 1,
          maxLength: 10,
        }),
        fc.option(rect, { nil: null }),
        fc.option(pos, { nil: null }),
        (blocks, visible, pointer) => {
          const d = pasteOffset(blocks, rects(blocks), { visible, pointer });
          expect(finitePos(d)).toBe(true);
          expect(boundsOf(blocks)).not.toBeNull();
        },
      ),
      { numRuns: 300 },
    );
  });
});
