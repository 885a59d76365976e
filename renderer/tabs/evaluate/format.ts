/** 0.9667 -> "96.7%"; a dash for what is not a number. */
export const pct = (v: number): string => (Number.isFinite(v * 100) ? `${(v * 100).toFixed(1)}%` : "–");

/** Metrics to 4 significant digits, small and large values in exponent form. */
export function num(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return "–";
  if (v === 0) return "0";
  const a = Math.abs(v);
  if (a >= 1e5 || a < 1e-3) return v.toExponential(2);
  return String(Number(v.toPrecision(4)));
}

/** Where the evaluated samples came from, as a sentence fragment. */
export function setText(set: string): string {
  return set === "data" ? "other data" : set === "train" ? "the training part" : `the ${set} part`;
}

/** Which weights a report used, with the epoch they are from when the checkpoint records it. */
export function weightsText(weights: string, epoch: number | null): string {
  if (weights === "memory") return "the weights after the last epoch (in the trainer's memory)";
  return epoch === null ? `the ${weights} checkpoint` : `the ${weights} checkpoint (epoch ${epoch})`;
}
