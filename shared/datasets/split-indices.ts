import { mulberry32, permutation } from "../random";
import type { SplitSpec } from "./split";

export interface SplitIndices {
  train: number[];
  validation: number[];
  test: number[];
}

/**
 * Train / validation / test indices for n samples. With labels and `stratify`, every class is
 * split in the same proportions (each class's share rounded, the remainder to train), so a rare
 * class still appears in validation; otherwise one seeded shuffle is cut in order. Same spec and
 * seed, same split, on every machine.
 */
export function splitIndices(n: number, spec: SplitSpec, labels?: ArrayLike<number>): SplitIndices {
  const random = mulberry32(spec.seed);
  const order = (ids: number[]) => (spec.shuffle ? Array.from(permutation(ids.length, random), (i) => ids[i]) : ids);
  const groups = spec.stratify && labels ? byClass(n, labels) : [Array.from({ length: n }, (_, i) => i)];
  const out: SplitIndices = { train: [], validation: [], test: [] };
  for (const group of groups) {
    const ids = order(group);
    const nTest = Math.round(ids.length * spec.test);
    const nVal = Math.round(ids.length * spec.validation);
    // Train first, then validation, then test: unshuffled, the held-out parts are the end of the
    // data, as Keras' validationSplit takes the last fraction.
    const nTrain = ids.length - nVal - nTest;
    out.train.push(...ids.slice(0, nTrain));
    out.validation.push(...ids.slice(nTrain, nTrain + nVal));
    out.test.push(...ids.slice(nTrain + nVal));
  }
  // Classes were cut one after another: mix them so batches are not sorted by class.
  return { train: order(out.train), validation: order(out.validation), test: order(out.test) };
}

/**
 * k folds for cross-validation: each sample is in exactly one fold's validation part; stratified
 * by class when labels are given (samples dealt round-robin per class after a seeded shuffle).
 */
export function kFoldIndices(
  n: number,
  k: number,
  seed: number,
  labels?: ArrayLike<number>,
): { train: number[]; validation: number[] }[] {
  if (!Number.isInteger(k) || k < 2 || k > n) {
    throw new Error(`k-fold needs an integer k from 2 to the number of samples (${n}); received k=${k}`);
  }
  const random = mulberry32(seed);
  const groups = labels ? byClass(n, labels) : [Array.from({ length: n }, (_, i) => i)];
  const folds: number[][] = Array.from({ length: k }, () => []);
  let next = 0;
  for (const group of groups) {
    for (const i of permutation(group.length, random)) folds[next++ % k].push(group[i]);
  }
  return folds.map((validation, f) => ({ validation, train: folds.flatMap((fold, g) => (g === f ? [] : fold)) }));
}

/** Samples per class in each part, for the summary's class-balance table. */
export function classBalance(
  split: SplitIndices,
  labels: ArrayLike<number>,
  classes: number,
): Record<keyof SplitIndices, number[]> {
  const count = (ids: number[]) => {
    const c = new Array<number>(classes).fill(0);
    for (const i of ids) c[labels[i]]++;
    return c;
  };
  return { train: count(split.train), validation: count(split.validation), test: count(split.test) };
}

/**
 * Per-class counts of each part of a stratified split, from the class counts alone: the same
 * rounding splitIndices applies to each class. Lets a probe report the balance without labels.
 */
export function stratifiedCounts(
  counts: readonly number[],
  spec: Pick<SplitSpec, "validation" | "test">,
): Record<keyof SplitIndices, number[]> {
  const test = counts.map((c) => Math.round(c * spec.test));
  const validation = counts.map((c) => Math.round(c * spec.validation));
  return { train: counts.map((c, i) => c - test[i] - validation[i]), validation, test };
}

/**
 * Per-class counts when the last `fraction` of the samples, in file order, is held out (what the
 * trainer does with inline samples, as Keras' validationSplit): floor(n·fraction) rows, none when
 * that would leave no training sample.
 */
export function lastFractionCounts(
  labels: readonly number[],
  classes: number,
  fraction: number,
): Record<keyof SplitIndices, number[]> {
  const n = labels.length;
  let held = Math.floor(n * fraction);
  if (held >= n) held = 0;
  const count = (from: number, to: number) => {
    const c = new Array<number>(classes).fill(0);
    for (let i = from; i < to; i++) c[labels[i]]++;
    return c;
  };
  return { train: count(0, n - held), validation: count(n - held, n), test: new Array<number>(classes).fill(0) };
}

function byClass(n: number, labels: ArrayLike<number>): number[][] {
  const groups = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const g = groups.get(labels[i]);
    if (g) g.push(i);
    else groups.set(labels[i], [i]);
  }
  return [...groups.keys()].sort((a, b) => a - b).map((k) => groups.get(k) as number[]);
}
