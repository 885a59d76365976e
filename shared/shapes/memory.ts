import type { GraphAnalysis } from "./infer";

/** float32 everywhere: weights, gradients, optimizer slots and activations. */
const BYTES_PER_VALUE = 4;

/** Per-weight state the optimizer keeps beside the weights (tfjs' optimizers). */
const OPTIMIZER_SLOTS: Record<string, number> = {
  sgd: 0,
  perceptron: 0,
  momentum: 1,
  nesterov: 1,
  adagrad: 1,
  adadelta: 2,
  rmsprop: 2,
  adam: 2,
  adamax: 2,
};

export interface MemoryEstimate {
  params: number;
  /** The weights alone (what inference and export hold). */
  paramBytes: number;
  /** Weights, their gradients and the optimizer's slots. */
  trainingStateBytes: number;
  /** Every layer's output for one batch, kept for the backward pass, and its gradient. */
  activationBytes: number;
  /** What one training step needs at least. */
  totalBytes: number;
  /** Some dimensions are known only at run time (counted as 1), so the true figure may be higher. */
  lowerBound: boolean;
}

/**
 * A lower bound on the memory one training step needs, from the shapes and parameter counts the
 * analysis already has. It ignores the backend's workspace and fragmentation, so a model it
 * rejects certainly cannot train; one it accepts may still be tight.
 */
export function estimateMemory(a: GraphAnalysis, batchSize: number, optimizer = "adam"): MemoryEstimate {
  const params = a.totals.total;
  const slots = OPTIMIZER_SLOTS[optimizer] ?? 2;
  let values = 0;
  let lowerBound = false;
  for (const node of Object.values(a.nodes)) {
    for (const shape of node.outputShapes ?? []) {
      let size = 1;
      for (const d of shape ?? []) {
        if (d === null) lowerBound = true;
        else size *= d;
      }
      values += size;
    }
  }
  const paramBytes = params * BYTES_PER_VALUE;
  // Only trainable weights have gradients and optimizer slots.
  const trainingStateBytes = paramBytes + a.totals.trainable * BYTES_PER_VALUE * (1 + slots);
  const activationBytes = values * Math.max(1, batchSize) * BYTES_PER_VALUE * 2;
  return {
    params,
    paramBytes,
    trainingStateBytes,
    activationBytes,
    totalBytes: trainingStateBytes + activationBytes,
    lowerBound,
  };
}

const UNITS = ["bytes", "KB", "MB", "GB", "TB", "PB", "EB"] as const;

/** 1,536 -> "1.5 KB" (powers of 1024, as `free -h`); never throws, whatever the number. */
export function formatBytes(bytes: number): string {
  if (Number.isNaN(bytes)) return "? bytes";
  if (!Number.isFinite(bytes)) return bytes > 0 ? "more than any machine has" : "? bytes";
  const sign = bytes < 0 ? "-" : "";
  let value = Math.abs(bytes);
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  // Round first, then move up a unit when the rounding reaches 1024 ("1024.0 KB" reads "1.0 MB").
  const round = (v: number, u: number) => (u === 0 ? Math.round(v) : Number(v.toFixed(1)));
  let shown = round(value, unit);
  if (shown >= 1024 && unit < UNITS.length - 1) {
    unit++;
    shown = round(value / 1024, unit);
  }
  if (unit === 0) return `${sign}${shown} bytes`;
  return `${sign}${shown.toLocaleString("en-US", { minimumFractionDigits: 1, maximumFractionDigits: 1 })} ${UNITS[unit]}`;
}
