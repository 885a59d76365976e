import * as tf from "@tensorflow/tfjs";
import { mulberry32 } from "../../../shared/random";

/**
 * Gradient check against central finite differences, for any op or layer on the active backend.
 * The objective is L = sum(f(x, W) * R) with R a fixed random tensor, so every output element
 * counts with its own weight. The analytic gradient comes from tf.grads (inputs) and
 * tf.variableGrads (weights); the numeric one perturbs one element at a time:
 *   dL/dv ~ (L(v + eps) - L(v - eps)) / (2 eps),
 * with L summed in float64 from the float32 outputs, so rounding stays far below the tolerance.
 * An element passes when |analytic - numeric| <= atol + rtol * max(|analytic|, |numeric|).
 */

/** What gradCheck differentiates: f(inputs) reading the trainable `weights` it closes over. */
export interface OpUnderTest {
  fn: (inputs: tf.Tensor[]) => tf.Tensor;
  weights: tf.Variable[];
  dispose?: () => void;
}

export interface GradCase {
  name: string;
  /** Shapes (batch included) of the float inputs; each is checked. May be empty (weights only). */
  inputs: number[][];
  build: () => OpUnderTest;
  /** Input values; standard normal by default. Max pooling wants well-separated values. */
  values?: (shape: number[], rng: () => number) => Float32Array;
  eps?: number;
  atol?: number;
  rtol?: number;
  /** At most this many elements per tensor are perturbed (a seeded sample); all when fewer. */
  maxChecks?: number;
  seed?: number;
  /** R = 1 (L is the output itself, a loss say) instead of a random projection. */
  unweighted?: boolean;
}

export interface GradMismatch {
  tensor: string;
  index: number;
  analytic: number;
  numeric: number;
}

export interface GradReport {
  name: string;
  /** Elements compared, over all inputs and weights. */
  checked: number;
  /** The largest |analytic - numeric| / (atol + rtol * max(|a|, |n|)); <= 1 passes. */
  worstRatio: number;
  worst: GradMismatch | null;
  failures: GradMismatch[];
  /** Largest |numeric| seen: a check of an all-zero gradient proves little. */
  maxNumeric: number;
  /** Per element compared: |analytic - numeric| / max(|analytic|, |numeric|, atol). */
  relErrors: number[];
}

/** A small seeded generator, so cases are identical on every backend and run. */
export const seededRandom = mulberry32;

/** Standard normal values (Box-Muller). */
export function normalValues(shape: number[], rng: () => number): Float32Array {
  const n = shape.reduce((a, b) => a * b, 1);
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    out[i] = Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
  }
  return out;
}

/**
 * Distinct values `spacing` apart, shuffled, starting at `from`: finite differences with
 * eps < spacing / 2 never change which element of a window is the maximum.
 */
export const distinctValues =
  (from: number, spacing: number) =>
  (shape: number[], rng: () => number): Float32Array => {
    const n = shape.reduce((a, b) => a * b, 1);
    const order = Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    return Float32Array.from(order, (k) => from + k * spacing);
  };

/** An OpUnderTest from a tfjs layer: built on the input shapes, differentiated through its weights. */
export function layerOp(make: () => tf.layers.Layer, inputShapes: number[][]): () => OpUnderTest {
  return () => {
    const layer = make();
    // One eager call builds the weights exactly as a real first call would.
    tf.tidy(() => {
      const zeros = inputShapes.map((s) => tf.zeros(s));
      layer.apply(zeros.length === 1 ? zeros[0] : zeros);
    });
    return modelLike(layer);
  };
}

/** An OpUnderTest from anything with apply() and trainable weights (a layer or a LayersModel). */
export function modelLike(m: tf.layers.Layer | tf.LayersModel): OpUnderTest {
  return {
    fn: (xs) => m.apply(xs.length === 1 ? xs[0] : xs) as tf.Tensor,
    weights: m.trainableWeights.map((w) => w.read() as tf.Variable),
    dispose: () => m.dispose(),
  };
}

function pickIndices(n: number, max: number, rng: () => number): number[] {
  const all = Array.from({ length: n }, (_, i) => i);
  if (n <= max) return all;
  for (let i = 0; i < max; i++) {
    const j = i + Math.floor(rng() * (n - i));
    [all[i], all[j]] = [all[j], all[i]];
  }
  return all.slice(0, max).sort((a, b) => a - b);
}

export function gradCheck(c: GradCase): GradReport {
  const { eps = 1e-2, atol = 2e-3, rtol = 1e-2, maxChecks = 200, seed = 1 } = c;
  const rng = seededRandom(seed);
  const op = c.build();
  const values = c.inputs.map((s) => (c.values ?? normalValues)(s, rng));
  const xs = c.inputs.map((s, i) => tf.tensor(values[i], s));
  const outShape = tf.tidy(() => op.fn(xs).shape);
  const r = c.unweighted ? new Float32Array(outShape.reduce((a, b) => a * b, 1)).fill(1) : normalValues(outShape, rng);
  const rT = tf.tensor(r, outShape);
  // The objective in float64: the outputs' float32 rounding is the only error left.
  const objective = (ins: tf.Tensor[]): number => {
    const y = tf.tidy(() => op.fn(ins).dataSync());
    let s = 0;
    for (let i = 0; i < y.length; i++) s += y[i] * r[i];
    return s;
  };
  const loss = (ins: tf.Tensor[]) => tf.sum(tf.mul(op.fn(ins), rT)) as tf.Scalar;
  const analytic = new Map<string, Float32Array>();
  tf.tidy(() => {
    if (xs.length > 0) {
      const g = tf.grads((...ins: tf.Tensor[]) => loss(ins))(xs);
      g.forEach((t, i) => {
        analytic.set(`input${i}`, t.dataSync() as Float32Array);
      });
    }
    if (op.weights.length > 0) {
      const { grads } = tf.variableGrads(() => loss(xs), op.weights);
      for (const w of op.weights) analytic.set(w.name, grads[w.name].dataSync() as Float32Array);
    }
  });

  const report: GradReport = {
    name: c.name,
    checked: 0,
    worstRatio: 0,
    worst: null,
    failures: [],
    maxNumeric: 0,
    relErrors: [],
  };
  const compare = (tensor: string, index: number, numeric: number) => {
    const a = (analytic.get(tensor) as Float32Array)[index];
    const ratio = Math.abs(a - numeric) / (atol + rtol * Math.max(Math.abs(a), Math.abs(numeric)));
    const m = { tensor, index, analytic: a, numeric };
    report.checked++;
    report.relErrors.push(Math.abs(a - numeric) / Math.max(Math.abs(a), Math.abs(numeric), atol));
    report.maxNumeric = Math.max(report.maxNumeric, Math.abs(numeric));
    if (ratio > report.worstRatio) [report.worstRatio, report.worst] = [ratio, m];
    if (ratio > 1) report.failures.push(m);
  };

  xs.forEach((x, k) => {
    const v = values[k];
    for (const i of pickIndices(v.length, maxChecks, rng)) {
      const at = (delta: number) => {
        const p = v.slice();
        p[i] += delta;
        const t = tf.tensor(p, x.shape);
        const others = xs.map((o, j) => (j === k ? t : o));
        const f = objective(others);
        t.dispose();
        return f;
      };
      compare(`input${k}`, i, (at(eps) - at(-eps)) / (2 * eps));
    }
  });
  for (const w of op.weights) {
    const orig = w.dataSync().slice() as Float32Array;
    for (const i of pickIndices(orig.length, maxChecks, rng)) {
      const at = (delta: number) => {
        const p = orig.slice();
        p[i] += delta;
        tf.tidy(() => w.assign(tf.tensor(p, w.shape)));
        return objective(xs);
      };
      compare(w.name, i, (at(eps) - at(-eps)) / (2 * eps));
    }
    tf.tidy(() => w.assign(tf.tensor(orig, w.shape)));
  }
  tf.dispose([...xs, rT]);
  op.dispose?.();
  return report;
}

/** One line per failure (at most 5), for assertion messages. */
export function describeFailures(r: GradReport): string {
  const lines = r.failures
    .slice(0, 5)
    .map((f) => `${f.tensor}[${f.index}]: analytic ${f.analytic.toPrecision(6)}, numeric ${f.numeric.toPrecision(6)}`);
  return `${r.name}: ${r.failures.length} of ${r.checked} elements wrong${lines.length ? `\n${lines.join("\n")}` : ""}`;
}
