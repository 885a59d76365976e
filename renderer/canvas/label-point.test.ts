import { Position } from "@xyflow/react";
import { getBezierPath } from "@xyflow/system";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { labelPoint } from "./label-point";

describe("labelPoint", () => {
  it("is React Flow's own bezier centre at t = 0.5, forwards and backwards", () => {
    for (const [sx, sy, tx, ty] of [
      [0, 0, 300, 120],
      [400, 50, 20, 300],
    ]) {
      const [, cx, cy] = getBezierPath({
        sourceX: sx,
        sourceY: sy,
        targetX: tx,
        targetY: ty,
        sourcePosition: Position.Right,
        targetPosition: Position.Left,
      });
      const p = labelPoint(sx, sy, tx, ty, 0.5);
      expect(p.x).toBeCloseTo(cx, 6);
      expect(p.y).toBeCloseTo(cy, 6);
    }
  });

  it("moves towards the target as t grows, so wires into neighbouring ports keep their labels apart", () => {
    const a = labelPoint(0, 0, 300, 100, 0.7);
    const b = labelPoint(0, 0, 300, 120, 0.7);
    expect(a.x).toBeGreaterThan(150);
    expect(b.y - a.y).toBeGreaterThan(0.7 * 20);
    expect(labelPoint(0, 0, 300, 100, 1)).toEqual({ x: 300, y: 100 });
  });
});

describe("labelPoint on any ends", () => {
  it("is finite for ends within the canvas' reach and inside their bounding box widened by the bend", () => {
    const coord = fc.double({ min: -1e9, max: 1e9, noNaN: true });
    fc.assert(
      fc.property(coord, coord, coord, coord, fc.double({ min: 0, max: 1, noNaN: true }), (sx, sy, tx, ty, t) => {
        const p = labelPoint(sx, sy, tx, ty, t);
        expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true);
        const slack = 1e-6 * (1 + Math.abs(sy) + Math.abs(ty));
        expect(p.y >= Math.min(sy, ty) - slack && p.y <= Math.max(sy, ty) + slack).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
