import type { Dim } from "../../../shared/onnx/model";

/** "62 of 64 agree (96.9%)"; a check of no samples says so. */
export function agreementText(agree: number, count: number): string {
  if (count <= 0) return "no samples checked";
  const share = Math.min(100, Math.max(0, (agree / count) * 100));
  // 63 of 64 is not "100.0%": round down so only full agreement reads as 100%.
  const shown = agree < count ? Math.min(Math.floor(share * 10) / 10, 99.9) : 100;
  return `${agree} of ${count} agree (${shown.toFixed(1)}%)`;
}

/** [N, 28, 28, 1] as users read a shape. */
export function shapeText(shape: readonly Dim[]): string {
  return `[${shape.join(", ")}]`;
}
