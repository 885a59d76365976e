import fc from "fast-check";

/**
 * Numbers that break numeric helpers: equal values, neighbours one float step apart, the largest
 * and smallest doubles, negatives, NaN and the infinities, mixed with ordinary doubles. Property
 * tests of the renderer's numeric helpers draw from these.
 */
export const EDGE_VALUES = [
  0,
  -0,
  0.5,
  0.5000000000000001,
  0.30000000000000004,
  1,
  1 + Number.EPSILON,
  -1,
  1e308,
  Number.MAX_VALUE,
  -Number.MAX_VALUE,
  5e-324,
  -5e-324,
  2.2250738585072014e-308,
  1e-9,
  2 ** 53,
  2 ** 53 + 2,
  1e17,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
];

/** The next double above `v` (finite v). */
export function nextUp(v: number): number {
  if (Number.isNaN(v) || v === Number.POSITIVE_INFINITY) return v;
  if (v === 0) return Number.MIN_VALUE;
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, v);
  const bits = buf.getBigUint64(0);
  buf.setBigUint64(0, v > 0 ? bits + 1n : bits - 1n);
  return buf.getFloat64(0);
}

/** Any double, NaN and the infinities included, edge values often. */
export const anyNumber = fc.oneof(
  fc.constantFrom(...EDGE_VALUES),
  fc.double(),
  fc.integer().map((i) => i / 1000),
);

/** A pair of ends: equal, one or two float steps apart, or unrelated. */
export const anyRange = fc.oneof(
  anyNumber.map((v) => [v, v] as const),
  anyNumber.map((v) => [v, nextUp(v)] as const),
  anyNumber.map((v) => [v, nextUp(nextUp(v))] as const),
  fc.tuple(anyNumber, anyNumber),
);
