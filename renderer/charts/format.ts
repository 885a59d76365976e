/** A metric value to 4 significant digits, small and large ones in exponent form; a dash for NaN. */
export function formatValue(v: number): string {
  if (!Number.isFinite(v)) return "–";
  if (v === 0) return "0";
  const a = Math.abs(v);
  if (a >= 1000 || a < 1e-3) return v.toExponential(2);
  return v.toPrecision(4).replace(/\.?0+$/, "");
}

/**
 * An axis tick: 3 significant digits, or as many more (up to 12) as it takes for ticks `step`
 * apart to read differently (0.71478, 0.7148, 0.71482 on a loss that barely moves, rather than
 * 0.715 three times); exponent form outside [0.01, 10^4).
 */
export function formatTick(v: number, step?: number): string {
  if (!Number.isFinite(v)) return "";
  const a = Math.abs(v);
  const needed = step !== undefined && step > 0 && a > 0 ? Math.ceil(Math.log10(a / step)) + 1 : 3;
  const digits = Number.isFinite(needed) ? Math.min(12, Math.max(3, needed)) : 3;
  // In exponent form one digit fewer keeps neighbouring ticks apart (1.5e+10, 2e+10).
  if (a !== 0 && (a >= 1e4 || a < 1e-2)) return v.toExponential(digits - 2).replace(/\.?0+e/, "e");
  return String(Number(v.toPrecision(digits)));
}
