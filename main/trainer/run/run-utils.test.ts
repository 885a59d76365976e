import { describe, expect, it } from "vitest";
import { mulberry32, permutation } from "../../../shared/random";
import { throttleLatest } from "./throttle";

describe("mulberry32 / permutation", () => {
  it("repeats for a seed and differs between seeds", () => {
    const a = Array.from(permutation(10, mulberry32(42)));
    expect(Array.from(permutation(10, mulberry32(42)))).toEqual(a);
    expect(Array.from(permutation(10, mulberry32(43)))).not.toEqual(a);
    expect([...a].sort((x, y) => x - y)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
  it("is roughly uniform", () => {
    const r = mulberry32(1);
    const bins = new Array(10).fill(0);
    for (let i = 0; i < 100_000; i++) bins[Math.floor(r() * 10)]++;
    for (const b of bins) expect(Math.abs(b - 10_000)).toBeLessThan(500);
  });
});

describe("throttleLatest", () => {
  it("sends at most one value per interval, keeps the latest and flushes it", () => {
    let now = 0;
    const sent: number[] = [];
    const t = throttleLatest<number>(
      (v) => sent.push(v),
      100,
      () => now,
    );
    for (let i = 1; i <= 10; i++) {
      t.push(i);
      now += 15;
    }
    expect(sent).toEqual([1, 8]);
    t.flush();
    expect(sent).toEqual([1, 8, 10]);
    t.flush();
    expect(sent).toEqual([1, 8, 10]);
  });
});
