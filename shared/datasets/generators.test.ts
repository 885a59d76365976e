import { describe, expect, it } from "vitest";
import { datePairs, MONTHS, numberWords, ordinalWords, yearWords } from "./date-words";
import { circles, type GeneratedDataset, seasonalSeries, spirals, twoMoons } from "./generators";
import { InlineDatasetSchema } from "./inline";

const counts = (y: number[]) => {
  const c: number[] = [];
  for (const k of y) c[k] = (c[k] ?? 0) + 1;
  return c;
};
const accuracy = (d: GeneratedDataset, rule: (p: number[]) => number) =>
  d.y.filter((k, i) => rule(d.x[i]) === k).length / d.y.length;

describe.each([
  ["twoMoons", twoMoons],
  ["circles", circles],
  ["spirals", spirals],
] as const)("%s", (_, generate) => {
  it("returns n 2-D points, balanced classes, as a valid inline dataset", () => {
    const d = generate({ n: 101, noise: 0.1, seed: 1 });
    expect(d.x).toHaveLength(101);
    expect(d.y).toHaveLength(101);
    expect(d.x.every((p) => p.length === 2 && p.every(Number.isFinite))).toBe(true);
    expect(counts(d.y)).toEqual([51, 50]);
    expect(d.classNames).toHaveLength(2);
    expect(InlineDatasetSchema.safeParse(d).success).toBe(true);
  });

  it("repeats for a seed, differs for another, and shuffles the classes", () => {
    const a = generate({ n: 60, noise: 0.1, seed: 7 });
    expect(generate({ n: 60, noise: 0.1, seed: 7 })).toEqual(a);
    expect(generate({ n: 60, noise: 0.1, seed: 8 }).x).not.toEqual(a.x);
    // Not all of class 0 first: a shuffle leaves many class changes along the sample order.
    expect(a.y.filter((k, i) => i > 0 && k !== a.y[i - 1]).length).toBeGreaterThan(10);
  });

  it("refuses impossible sizes and noise", () => {
    expect(() => generate({ n: 1 })).toThrow(/at least 2/);
    expect(() => generate({ n: 10.5 })).toThrow(RangeError);
    expect(() => generate({ n: 10, noise: -1 })).toThrow(/noise/);
  });
});

describe("twoMoons", () => {
  it("is not linearly separable: a lower-moon point lies inside a triangle of upper-moon points", () => {
    const d = twoMoons({ n: 200, noise: 0, seed: 3 });
    const near = (k: number, q: number[]) =>
      d.x
        .filter((_, i) => d.y[i] === k)
        .sort((a, b) => Math.hypot(a[0] - q[0], a[1] - q[1]) - Math.hypot(b[0] - q[0], b[1] - q[1]))[0];
    const [a, b, c, p] = [near(0, [-1, 0]), near(0, [1, 0]), near(0, [0, 1]), near(1, [0, 0.5])];
    // p is a convex combination of a, b, c (same side of each edge), so no line puts it apart.
    const side = (u: number[], v: number[], w: number[]) =>
      Math.sign((v[0] - u[0]) * (w[1] - u[1]) - (v[1] - u[1]) * (w[0] - u[0]));
    expect(new Set([side(a, b, p), side(b, c, p), side(c, a, p)]).size).toBe(1);
  });

  it("is separated by a curve: upper moon above y = 0.25 + 0.5 cos(pi x)", () => {
    const rule = ([x, y]: number[]) => (y > 0.25 + 0.5 * Math.cos(Math.PI * x) ? 0 : 1);
    expect(accuracy(twoMoons({ n: 400, noise: 0, seed: 1 }), rule)).toBe(1);
    expect(accuracy(twoMoons({ n: 400, noise: 0.05, seed: 1 }), rule)).toBeGreaterThan(0.97);
  });
});

describe("circles", () => {
  it("puts the classes on different radii (1 and factor)", () => {
    const radius = (p: number[]) => Math.hypot(p[0], p[1]);
    const d = circles({ n: 200, noise: 0, seed: 2, factor: 0.3 });
    expect(d.x.every((p, i) => Math.abs(radius(p) - (d.y[i] === 0 ? 1 : 0.3)) < 1e-12)).toBe(true);
    const noisy = circles({ n: 400, noise: 0.05, seed: 2 });
    expect(accuracy(noisy, (p) => (radius(p) > 0.75 ? 0 : 1))).toBeGreaterThan(0.99);
    expect(() => circles({ n: 10, factor: 1 })).toThrow(/factor/);
  });
});

describe("spirals", () => {
  // Unwinding the arm: at radius r, arm k sits at angle 2*pi*k/K + 2*pi*turns*(r - 0.1)/0.9.
  const armRule = (classes: number, turns: number) => (p: number[]) => {
    const r = Math.hypot(p[0], p[1]);
    const theta = Math.atan2(p[1], p[0]);
    const gap = (k: number) => {
      const d = theta - ((2 * Math.PI * k) / classes + (2 * Math.PI * turns * (r - 0.1)) / 0.9);
      return Math.abs(Math.atan2(Math.sin(d), Math.cos(d)));
    };
    return Array.from({ length: classes }, (_, k) => k).sort((a, b) => gap(a) - gap(b))[0];
  };

  it("winds each arm at its own phase: unwinding the angle classifies every point", () => {
    expect(accuracy(spirals({ n: 300, noise: 0, seed: 4 }), armRule(2, 1.5))).toBe(1);
    const three = spirals({ n: 300, noise: 0.02, seed: 4, classes: 3, turns: 1 });
    expect(counts(three.y)).toEqual([100, 100, 100]);
    expect(accuracy(three, armRule(3, 1))).toBeGreaterThan(0.95);
  });

  it("is far from linearly separable: both arms are centred on the origin", () => {
    const d = spirals({ n: 400, noise: 0, seed: 5 });
    for (const k of [0, 1]) {
      const pts = d.x.filter((_, i) => d.y[i] === k);
      const mean = [0, 1].map((j) => pts.reduce((s, p) => s + p[j], 0) / pts.length);
      expect(Math.hypot(mean[0], mean[1])).toBeLessThan(0.3);
    }
  });
});

describe("seasonalSeries", () => {
  it("is seeded, has the length asked for, and a yearly cycle (winter low, summer high)", () => {
    const s = seasonalSeries({ length: 730, seed: 1 });
    expect(s).toHaveLength(730);
    expect(seasonalSeries({ length: 730, seed: 1 })).toEqual(s);
    expect(seasonalSeries({ length: 730, seed: 2 })).not.toEqual(s);
    const mean = (a: number[]) => a.reduce((x, y) => x + y, 0) / a.length;
    expect(mean(s.slice(168, 198)) - mean(s.slice(0, 30))).toBeGreaterThan(12);
  });
});

describe("datePairs", () => {
  it("writes numbers, ordinals and years as they are read aloud", () => {
    expect([numberWords(7), numberWords(15), numberWords(40), numberWords(42)]).toEqual([
      "seven",
      "fifteen",
      "forty",
      "forty-two",
    ]);
    expect([1, 2, 3, 12, 20, 21, 30, 31].map(ordinalWords)).toEqual([
      "first",
      "second",
      "third",
      "twelfth",
      "twentieth",
      "twenty-first",
      "thirtieth",
      "thirty-first",
    ]);
    expect([yearWords(2005), yearWords(1905), yearWords(1900), yearWords(1987), yearWords(2000)]).toEqual([
      "two thousand and five",
      "nineteen oh five",
      "nineteen hundred",
      "nineteen eighty-seven",
      "two thousand",
    ]);
    expect([yearWords(2019, true), yearWords(2005, true)]).toEqual(["twenty nineteen", "two thousand and five"]);
  });

  it("gives distinct, seeded pairs whose source spells out the target's day, month and year", () => {
    const pairs = datePairs({ n: 2000, seed: 11 });
    expect(pairs).toHaveLength(2000);
    expect(new Set(pairs.map((p) => p.source)).size).toBe(2000);
    expect(datePairs({ n: 2000, seed: 11 })).toEqual(pairs);
    for (const { source, target } of pairs) {
      const [y, m, d] = target.split("-").map(Number);
      expect(target).toMatch(/^(19[5-9]\d|20[0-4]\d)-\d\d-\d\d$/);
      // A real calendar date: Date would roll 2001-02-29 over into March.
      expect(new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10)).toBe(target);
      const words = ` ${source} `;
      expect(words).toContain(` ${MONTHS[m - 1]} `);
      expect(words).toContain(` ${ordinalWords(d)} `);
      expect(source.endsWith(yearWords(y)) || source.endsWith(yearWords(y, true))).toBe(true);
    }
    expect(datePairs({ n: 5, seed: 12 })).not.toEqual(pairs.slice(0, 5));
  });
});
