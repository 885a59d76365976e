import { mulberry32, permutation } from "../random";

/**
 * Synthetic teaching sets, generated on demand rather than shipped as files: two moons, circles,
 * spirals (2-D, not linearly separable, the classic "a perceptron fails, an MLP succeeds" demos) and
 * a seasonal time series. Every generator is seeded with mulberry32, so a seed gives the same
 * samples on every machine. The point sets come back as inline datasets, ready for the trainer.
 */
export interface GeneratedDataset {
  kind: "inline";
  /** One [x1, x2] point per sample. */
  x: number[][];
  /** Class id per sample, 0-based. */
  y: number[];
  classNames: string[];
}

export interface PointOptions {
  /** Number of samples (split as evenly as possible between the classes). */
  n: number;
  /** Standard deviation of the Gaussian noise added to each coordinate. */
  noise?: number;
  seed?: number;
}

/** Standard normal draws from uniform ones (Box-Muller; 1 - u keeps the log's argument above 0). */
export function gaussian(random: () => number): () => number {
  return () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/** Sizes of `classes` groups summing to n; the first groups take the remainder. */
function classSizes(n: number, classes: number): number[] {
  if (!Number.isInteger(n) || n < classes) {
    throw new RangeError(`expected n to be an integer of at least ${classes} (one sample per class); received ${n}`);
  }
  return Array.from({ length: classes }, (_, k) => Math.floor(n / classes) + (k < n % classes ? 1 : 0));
}

/** Evenly spaced parameter in [0, 1] for sample i of m (sklearn's linspace, endpoints included). */
const spaced = (i: number, m: number) => (m === 1 ? 0 : i / (m - 1));

/**
 * Builds points class by class from `point(k, t)` (t evenly spaced in [0, 1]), adds Gaussian noise
 * and shuffles the samples so that batches mix the classes.
 */
function build(
  opts: PointOptions,
  classNames: string[],
  point: (k: number, t: number) => [number, number],
): GeneratedDataset {
  const { n, noise = 0, seed = 0 } = opts;
  if (!(noise >= 0)) throw new RangeError(`expected noise >= 0; received ${noise}`);
  const random = mulberry32(seed);
  const normal = gaussian(random);
  const xs: number[][] = [];
  const ys: number[] = [];
  classSizes(n, classNames.length).forEach((m, k) => {
    for (let i = 0; i < m; i++) {
      const [a, b] = point(k, spaced(i, m));
      xs.push([a + noise * normal(), b + noise * normal()]);
      ys.push(k);
    }
  });
  const order = permutation(n, random);
  return {
    kind: "inline",
    x: Array.from(order, (i) => xs[i]),
    y: Array.from(order, (i) => ys[i]),
    classNames,
  };
}

/**
 * Two interleaving half circles (as sklearn.datasets.make_moons): class 0 is the upper arc of the
 * unit circle, class 1 the lower arc shifted to (1, 0.5) so that each moon reaches into the other.
 */
export function twoMoons(opts: PointOptions): GeneratedDataset {
  return build(opts, ["upper", "lower"], (k, t) => {
    const a = Math.PI * t;
    return k === 0 ? [Math.cos(a), Math.sin(a)] : [1 - Math.cos(a), 0.5 - Math.sin(a)];
  });
}

/**
 * Two concentric circles (as sklearn.datasets.make_circles): class 0 on the unit circle, class 1
 * on a circle of radius `factor`. The start angle is left out so no two points coincide.
 */
export function circles(opts: PointOptions & { factor?: number }): GeneratedDataset {
  const factor = opts.factor ?? 0.5;
  if (!(factor > 0 && factor < 1)) throw new RangeError(`expected 0 < factor < 1; received ${factor}`);
  return build(opts, ["outer", "inner"], (k, t) => {
    const a = 2 * Math.PI * t * 0.999;
    const r = k === 0 ? 1 : factor;
    return [r * Math.cos(a), r * Math.sin(a)];
  });
}

/**
 * Interleaved spirals (the two-spirals benchmark of Lang and Witbrock, 1988, for any number of
 * arms): arm k starts near the origin at angle 2πk/classes and winds out to radius 1 over `turns`.
 */
export function spirals(opts: PointOptions & { classes?: number; turns?: number }): GeneratedDataset {
  const classes = opts.classes ?? 2;
  const turns = opts.turns ?? 1.5;
  if (!Number.isInteger(classes) || classes < 2) {
    throw new RangeError(`expected classes to be an integer >= 2; received ${classes}`);
  }
  const names = Array.from({ length: classes }, (_, k) => `arm ${k}`);
  return build(opts, names, (k, t) => {
    // Start a little away from the centre, where all arms meet and no rule can separate them.
    const r = 0.1 + 0.9 * t;
    const a = (2 * Math.PI * k) / classes + 2 * Math.PI * turns * t;
    return [r * Math.cos(a), r * Math.sin(a)];
  });
}

export interface SeriesOptions {
  /** Number of time steps. */
  length: number;
  /** Period of the main seasonal cycle, in steps (365.25 for a yearly cycle of daily data). */
  period?: number;
  /** Period of a second, smaller cycle (7 for a weekly cycle); 0 for none. */
  period2?: number;
  seed?: number;
}

/**
 * A univariate series: level + slow linear trend + a main seasonal cycle + a weekly cycle +
 * Gaussian noise, the textbook decomposition that forecasting models (and differencing) are
 * taught on. Values are rounded to two decimals so the CSV stays short and exact.
 */
export function seasonalSeries(opts: SeriesOptions): number[] {
  const { length, period = 365.25, period2 = 7, seed = 0 } = opts;
  const normal = gaussian(mulberry32(seed));
  return Array.from({ length }, (_, t) => {
    const v =
      15 +
      0.004 * t +
      8 * Math.sin((2 * Math.PI * t) / period - Math.PI / 2) +
      (period2 > 0 ? 1.5 * Math.sin((2 * Math.PI * t) / period2) : 0) +
      normal();
    return Math.round(v * 100) / 100;
  });
}
