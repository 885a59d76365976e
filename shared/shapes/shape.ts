/** A tensor shape without the batch dimension; `null` marks a dimension unknown until run time. */
export type Dim = number | null;
export type Shape = readonly Dim[];

/** `[8,8,32]`, with `?` for unknown dimensions; the form every diagnostic uses. */
export function formatShape(shape: Shape): string {
  return `[${shape.map((d) => (d === null ? "?" : String(d))).join(",")}]`;
}

export function equalShapes(a: Shape, b: Shape): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

/** Equal where both are known: the check Keras applies to merge inputs with unknown dims. */
export function compatibleShapes(a: Shape, b: Shape): boolean {
  return a.length === b.length && a.every((d, i) => d === null || b[i] === null || d === b[i]);
}

/** Product of the dims, or null when any is unknown. */
export function shapeSize(shape: Shape): number | null {
  let n = 1;
  for (const d of shape) {
    if (d === null) return null;
    n *= d;
  }
  return n;
}

export function lastDim(shape: Shape): Dim {
  return shape.length === 0 ? null : (shape[shape.length - 1] as Dim);
}

/** Resolves a negative axis (Keras style, -1 = last) against a rank; returns -1 when out of range. */
export function normalizeAxis(axis: number, rank: number): number {
  const a = axis < 0 ? rank + axis : axis;
  return a >= 0 && a < rank ? a : -1;
}
