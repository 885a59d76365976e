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

/** 1.2K, 3.4M, 5.6G: counts in tight spots (node footers, the top bar). */
export function compactText(n: number): string {
  const abs = Math.abs(n);
  const units: [number, string][] = [
    [1e12, "T"],
    [1e9, "G"],
    [1e6, "M"],
    [1e3, "K"],
  ];
  for (const [size, suffix] of units) {
    if (abs >= size) {
      const v = n / size;
      return `${v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2)}${suffix}`;
    }
  }
  return String(n);
}

/** Bytes in binary units, as memory is sized: 3.1 MiB. */
export function bytesText(n: number): string {
  const units = ["B", "KiB", "MiB", "GiB", "TiB"];
  let v = n;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${i === 0 ? v : v >= 100 ? v.toFixed(0) : v.toFixed(1)} ${units[i]}`;
}
