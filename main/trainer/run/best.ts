import type * as tf from "@tensorflow/tfjs";
import { monitorMode } from "../../../shared/training/config";

/**
 * Tracks the best value of one monitored metric (val_loss by default; min or max by its name) and,
 * when asked, a copy of the weights at that epoch. Used by early stopping and best checkpoints.
 */
export class BestTracker {
  value = Number.NaN;
  epoch = -1;
  weights: tf.Tensor[] | null = null;
  private readonly mode: "min" | "max";

  constructor(
    readonly monitor: string,
    private readonly minDelta: number,
    private readonly keepWeights: boolean,
  ) {
    this.mode = monitorMode(monitor);
  }

  /** Returns true when this epoch is the new best. */
  update(metrics: Record<string, number | null>, epoch: number, model: tf.LayersModel): boolean {
    const v = metrics[this.monitor];
    if (typeof v !== "number" || !Number.isFinite(v)) return false;
    const improved =
      this.epoch < 0 || (this.mode === "min" ? v < this.value - this.minDelta : v > this.value + this.minDelta);
    if (!improved) return false;
    this.value = v;
    this.epoch = epoch;
    if (this.keepWeights) {
      for (const w of this.weights ?? []) w.dispose();
      this.weights = model.getWeights().map((w) => w.clone());
    }
    return true;
  }

  dispose(): void {
    for (const w of this.weights ?? []) w.dispose();
    this.weights = null;
  }
}

/** A monitor names val_ metrics; without validation data it falls back to the training metric. */
export function effectiveMonitor(monitor: string, hasValidation: boolean): string {
  return hasValidation ? monitor : monitor.replace(/^val_/, "");
}
