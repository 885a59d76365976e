import type { ScheduleConfig } from "../../../shared/training/config";

/**
 * The learning rate at a point of training. `epoch` counts completed epochs (0 in the first) and
 * `step` completed optimizer steps (batches) over the whole run. Pure arithmetic, no tfjs, so the UI
 * can plot the curve. Definitions:
 * - step: lr · factor^floor(epoch / dropEvery) (the classic "drop by half every 10 epochs");
 * - exponential: lr · decayRate^(step / decaySteps), the exponent floored when staircase
 *   (Keras' ExponentialDecay);
 * - cosine: lr · ((1 - alpha) · 0.5 (1 + cos(π · min(step, decaySteps) / decaySteps)) + alpha)
 *   (Keras' CosineDecay without warm-up; Loshchilov & Hutter's SGDR without restarts).
 */
export function learningRateAt(base: number, schedule: ScheduleConfig, at: { epoch: number; step: number }): number {
  switch (schedule.type) {
    case "none":
      return base;
    case "step":
      return base * schedule.factor ** Math.floor(at.epoch / schedule.dropEvery);
    case "exponential": {
      const p = at.step / schedule.decaySteps;
      return base * schedule.decayRate ** (schedule.staircase ? Math.floor(p) : p);
    }
    case "cosine": {
      const t = Math.min(at.step, schedule.decaySteps) / schedule.decaySteps;
      const cosine = 0.5 * (1 + Math.cos(Math.PI * t));
      return base * ((1 - schedule.alpha) * cosine + schedule.alpha);
    }
  }
}

/** Whether the rate can change between batches (else only at epoch boundaries). */
export function changesPerStep(schedule: ScheduleConfig): boolean {
  return schedule.type === "exponential" || schedule.type === "cosine";
}
