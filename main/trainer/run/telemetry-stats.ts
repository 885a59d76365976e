import {
  EXPLODING_GROWTH,
  type Histogram,
  TELEMETRY_BINS,
  type TelemetryWarning,
  VANISHING_RELATIVE,
} from "../../../shared/training/telemetry";
import { formatNumber as fmt } from "../../../shared/training/telemetry-summary";

/**
 * The numbers of a telemetry record, computed on values already read back from tfjs: plain loops
 * over a Float32Array are cheaper than a dozen small kernels per layer on the wasm backend.
 */

/**
 * numpy.histogram(values, bins) on the finite values: equal-width bins over [min, max], the last
 * bin closed on the right; a constant tensor gets numpy's range [v - 0.5, v + 0.5]. Null when no
 * value is finite (the run is diverging; the loss check reports it).
 */
export function histogram(values: ArrayLike<number>, bins = TELEMETRY_BINS): Histogram | null {
  return histogramOfParts([values], bins);
}

/** One histogram over several tensors' values (a layer's kernel and bias), without copying them. */
export function histogramOfParts(parts: ArrayLike<number>[], bins = TELEMETRY_BINS): Histogram | null {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const values of parts)
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      // NaN fails both tests; infinities are left out by the finite check.
      if (v < min && v > Number.NEGATIVE_INFINITY) min = v;
      if (v > max && v < Number.POSITIVE_INFINITY) max = v;
    }
  if (min > max) return null; // no finite value: the run is diverging, and the loss check says so
  if (min === max) {
    min -= 0.5;
    max += 0.5;
  }
  const counts = new Array<number>(bins).fill(0);
  const scale = bins / (max - min);
  for (const values of parts)
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (!Number.isFinite(v)) continue;
      counts[Math.min(bins - 1, Math.max(0, Math.floor((v - min) * scale)))]++;
    }
  return { min, max, counts };
}

/** L2 norm, summed in float64. */
export function l2Norm(parts: ArrayLike<number>[]): number {
  let sum = 0;
  for (const values of parts) for (let i = 0; i < values.length; i++) sum += values[i] * values[i];
  return Math.sqrt(sum);
}

/**
 * Fraction of units (the last axis, channels-last as tfjs lays out Dense and Conv outputs) that
 * are never positive over the whole sampled batch: a ReLU unit in that state passes no gradient.
 */
export function deadFraction(values: ArrayLike<number>, units: number): number {
  if (units <= 0 || values.length === 0) return 0;
  const alive = new Uint8Array(units);
  for (let i = 0; i < values.length; i++) if (values[i] > 0) alive[i % units] = 1;
  let dead = 0;
  for (let u = 0; u < units; u++) if (!alive[u]) dead++;
  return dead / units;
}

export interface NormHistory {
  epoch: number;
  gradNorm: number;
}

/**
 * Vanishing: the gradient norm under VANISHING_RELATIVE times the weights' norm (absolute when
 * the weights are all zero). Exploding: above the stated threshold, or grown EXPLODING_GROWTH
 * times per epoch since the previous record while above 1 (so that noise among tiny norms, 1e-6
 * to 1e-5, does not count).
 */
export function gradientWarnings(
  layer: string,
  now: NormHistory & { weightNorm: number },
  previous: NormHistory | undefined,
  explodingNorm: number,
): TelemetryWarning[] {
  const warnings: TelemetryWarning[] = [];
  const relative = now.weightNorm > 0 ? now.gradNorm / now.weightNorm : now.gradNorm;
  if (relative < VANISHING_RELATIVE)
    warnings.push({
      kind: "vanishing",
      message: `${layer}: vanishing gradients, norm ${fmt(now.gradNorm)} is ${fmt(relative)} of the weights' norm ${fmt(now.weightNorm)} (expected at least ${VANISHING_RELATIVE})`,
    });
  if (now.gradNorm > explodingNorm)
    warnings.push({
      kind: "exploding",
      message: `${layer}: exploding gradients, norm ${fmt(now.gradNorm)} is above ${explodingNorm}`,
    });
  else if (previous && previous.gradNorm > 0 && now.gradNorm > 1 && now.epoch > previous.epoch) {
    const perEpoch = (now.gradNorm / previous.gradNorm) ** (1 / (now.epoch - previous.epoch));
    if (perEpoch >= EXPLODING_GROWTH)
      warnings.push({
        kind: "exploding",
        message: `${layer}: exploding gradients, norm grew from ${fmt(previous.gradNorm)} (epoch ${previous.epoch}) to ${fmt(now.gradNorm)} (epoch ${now.epoch}), ${fmt(perEpoch)}x per epoch`,
      });
  }
  return warnings;
}

export function deadWarning(layer: string, fraction: number): TelemetryWarning[] {
  // Half the units dead is where a layer has lost most of its capacity; a few dead units are normal.
  return fraction >= 0.5
    ? [
        {
          kind: "dead",
          message: `${layer}: ${Math.round(fraction * 100)}% of the ReLU units are never positive on the sampled batch`,
        },
      ]
    : [];
}
