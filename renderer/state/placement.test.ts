import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Position } from "./edits";
import { boundsOf, intersects, nodeRect, panToReveal, pasteOffset, placeInView, type Rect } from "./placement";
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

  it("a second paste of the same blocks finds another free place, still on screen", () => {
    const first = moved(chain, pasteOffset(chain, rects(chain), { visible: VIEW, pointer: null }));
    const occupied = rects([...chain, ...first]);
    const second = moved(chain, pasteOffset(chain, occupied, { visible: VIEW, pointer: null }));
    expect(overlapsAny(second, occupied)).toBe(false);
    expect(rects(second).every((r) => intersects(r, VIEW) && r.y + r.height <= VIEW.y + VIEW.height)).toBe(true);
  });

  it("goes beside rather than below when below is off screen, and cascades below when nothing on screen is free", () => {
    // Below would reach into the bottom band, kept free for the Problems list to grow into.
    const low = [{ x: 0, y: 350 }];
    const [beside] = moved(low, pasteOffset(low, rects(low), { visible: VIEW, pointer: null }));
    expect(beside.y).toBe(350);
    expect(beside.x).toBeGreaterThan(NODE_WIDTH);
    const tiny: Rect = { x: 0, y: 350, width: NODE_WIDTH, height: NODE_HEIGHT };
    const [below] = moved(low, pasteOffset(low, rects(low), { visible: tiny, pointer: null }));
    expect(below).toEqual({ x: 0, y: 350 + NODE_HEIGHT + 24 });
  });

  it("finds free room elsewhere on screen when every side of the originals is taken (a panel, other blocks)", () => {
    const one = [{ x: 300, y: 200 }];
    const around = [
      { x: 300, y: 320 },
      { x: 550, y: 200 },
      { x: 300, y: 80 },
      { x: 50, y: 200 },
    ];
    const occupied = rects([...one, ...around]);
    const [copy] = moved(one, pasteOffset(one, occupied, { visible: VIEW, pointer: null }));
    expect(overlapsAny([copy], occupied)).toBe(false);
    const r = nodeRect(copy);
    expect(r.x >= VIEW.x && r.y >= VIEW.y && r.x + r.width <= VIEW.x + VIEW.width).toBe(true);
    expect(r.y + r.height).toBeLessThanOrEqual(VIEW.y + VIEW.height);
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

describe("panToReveal", () => {
  const view: Rect = { x: 0, y: 0, width: 1000, height: 600 };

  it("does not move for a box already in the safe part of the view", () => {
    expect(panToReveal(view, nodeRect({ x: 100, y: 100 }))).toEqual({ x: 0, y: 0 });
  });

  it("moves just enough to show a box below or left of the view, and shows the corner of a huge one", () => {
    const below = panToReveal(view, nodeRect({ x: 100, y: 700 }));
    expect(below.x).toBe(0);
    expect(below.y).toBe(700 + NODE_HEIGHT - (600 - NODE_HEIGHT));
    expect(panToReveal(view, nodeRect({ x: -500, y: 100 }))).toEqual({ x: -524, y: 0 });
    expect(panToReveal(view, { x: 50, y: 50, width: 5000, height: 10 })).toEqual({ x: 26, y: 0 });
  });

  it("never moves by a non-finite amount", () => {
    fc.assert(
      fc.property(rect, rect, (v, b) => {
        const d = panToReveal(v, b);
        expect(Number.isFinite(d.x) && Number.isFinite(d.y)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
