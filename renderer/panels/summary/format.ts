import type { Shape } from "../../../shared/shapes/shape";

/** A shape as learners read it in Keras and PyTorch printouts, batch excluded: (28, 28, 32); ? unknown. */
export function shapeText(shape: Shape | null | undefined): string {
  if (!shape) return "?";
  return `(${shape.map((d) => (d === null ? "?" : String(d))).join(", ")})`;
}

/** Several outputs (an LSTM with returnState) are joined; null means inference could not tell. */
export function shapesText(shapes: readonly Shape[] | null | undefined): string {
  if (!shapes || shapes.length === 0) return "?";
  return shapes.map(shapeText).join(" ");
}

// One formatter: toLocaleString builds a new Intl.NumberFormat per call, which a 500-row table feels.
const counts = new Intl.NumberFormat("en-US");

/** 1,234,567: exact counts in tables. */
export function countText(n: number): string {
  return counts.format(n);
}

/** What a count or size that is not a finite number reads as. */
const NOT_A_NUMBER = "–";

/** Three significant digits: 1.23, 12.3, 123. */
const threeDigits = (v: number) => {
  const a = Math.abs(v);
  return a >= 100 ? v.toFixed(0) : a >= 10 ? v.toFixed(1) : v.toFixed(2);
};

/** 1.2K, 3.4M, 5.6G: counts in tight spots (node footers, the top bar); beyond T, 1.2e+15. */
export function compactText(n: number): string {
  if (!Number.isFinite(n)) return NOT_A_NUMBER;
  const units: [number, string][] = [
    [1e12, "T"],
    [1e9, "G"],
    [1e6, "M"],
    [1e3, "K"],
  ];
  const abs = Math.abs(n);
  if (abs >= 1e15) return n.toExponential(1);
  // 999,950 rounds to 1000K at three digits: the next unit up says 1.00M.
  for (const [size, suffix] of units) if (abs >= size * 0.9995) return `${threeDigits(n / size)}${suffix}`;
  return Number.isInteger(n) ? String(n) : threeDigits(n);
}

/** Bytes in binary units, as memory is sized: 3.1 MiB. */
export function bytesText(n: number): string {
  if (!Number.isFinite(n)) return NOT_A_NUMBER;
  const units = ["B", "KiB", "MiB", "GiB", "TiB"];
  let v = n;
  let i = 0;
  while (Math.abs(v) >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  const a = Math.abs(v);
  // Past 10,000 TiB (or a fraction of a byte) in exponent form rather than 20 digits.
  if (a >= 1e4 || (a > 0 && a < 0.01)) return `${v.toExponential(1)} ${units[i]}`;
  return `${i === 0 ? Number(v.toPrecision(4)) : a >= 100 ? v.toFixed(0) : v.toFixed(1)} ${units[i]}`;
}
