/**
 * Where a wire's shape label sits: on React Flow's bezier (right-hand source, left-hand target, the
 * control offsets of @xyflow/system's getControlWithCurvature) at parameter `t`. Labels go past
 * the middle, towards the target: wires fanning out of one output into neighbouring inputs
 * (attention's query, key and value) meet at their midpoints, but not near their ports.
 */
export function labelPoint(
  sx: number,
  sy: number,
  tx: number,
  ty: number,
  t = 0.7,
  curvature = 0.25,
): { x: number; y: number } {
  const offset = (d: number) => (d >= 0 ? 0.5 * d : curvature * 25 * Math.sqrt(-d));
  const c1x = sx + offset(tx - sx);
  const c2x = tx - offset(tx - sx);
  const u = 1 - t;
  const [a, b, c, d] = [u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t];
  return { x: a * sx + b * c1x + c * c2x + d * tx, y: (a + b) * sy + (c + d) * ty };
}
