/** A metric value to 4 significant digits, small and large ones in exponent form; a dash for NaN. */
export function formatValue(v: number): string {
  if (!Number.isFinite(v)) return "–";
  if (v === 0) return "0";
  const a = Math.abs(v);
  if (a >= 1000 || a < 1e-3) return v.toExponential(2);
  return v.toPrecision(4).replace(/\.?0+$/, "");
}

/** An axis tick: 3 significant digits, exponent form outside [0.01, 10^4). */
export function formatTick(v: number): string {
  if (!Number.isFinite(v)) return "";
  const a = Math.abs(v);
  // Two significant digits in exponent form keep neighbouring ticks apart (1.5e+10, 2e+10).
  if (a !== 0 && (a >= 1e4 || a < 1e-2)) return v.toExponential(1).replace(/\.0e/, "e");
  return String(Number(v.toPrecision(3)));
}
