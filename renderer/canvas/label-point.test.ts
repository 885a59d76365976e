import { Position } from "@xyflow/react";
import { getBezierPath } from "@xyflow/system";
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
