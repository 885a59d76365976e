import { mulberry32 } from "../random";

/**
 * The recurrent templates' task: a noisy sequence holds one marker A (+1) and one marker B (-1) at
 * random steps; the class is which came first (0: A before B, 1: B before A). Both classes hold
 * the same values, so a bag of values (any order-blind model: a sum, a histogram) is at chance;
 * the gap between the markers is up to the whole length, so the network must remember the first
 * marker across many noisy steps, which is where a SimpleRNN's gradients fade and gates help.
 */
export interface MarkerOrderOptions {
  n: number;
  steps: number;
  seed: number;
  /** Noise amplitude: every other step is uniform in [-noise, noise] (below the markers' 1). */
  noise?: number;
}

export const MARKER_ORDER_CLASSES = ["A before B", "B before A"];

export function markerOrder(opts: MarkerOrderOptions): { x: Float32Array; y: Int32Array } {
  const { n, steps, seed, noise = 0.5 } = opts;
  if (steps < 2) throw new Error(`markerOrder needs at least 2 steps; received ${steps}`);
  const random = mulberry32(seed);
  const x = new Float32Array(n * steps);
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    for (let t = 0; t < steps; t++) x[i * steps + t] = (random() * 2 - 1) * noise;
    const a = Math.floor(random() * steps);
    let b = Math.floor(random() * (steps - 1));
    if (b >= a) b++;
    x[i * steps + a] = 1;
    x[i * steps + b] = -1;
    y[i] = a < b ? 0 : 1;
  }
  return { x, y };
}
