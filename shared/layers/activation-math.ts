import type { ActivationName } from "./activations";

/**
 * Pure-TS reference implementations of the activation functions and their derivatives, used by
 * the inspector's plot, the docs and the tests. Definitions follow tfjs 4.22
 * (tfjs-layers/src/activations.ts) where tfjs has the function; at a kink `df` returns the value
 * tfjs' gradient uses there (e.g. relu'(0) = 0, leakyRelu'(0) = alpha).
 */

/** Tunable constants of the parametric activations; absent ones take ACTIVATION_DEFAULTS. */
export interface ActivationOpts {
  /** Negative-side slope (leakyRelu) or saturation level (elu). */
  alpha?: number;
  /** Steepness of sigmoid and bipolarSigmoid. */
  lambda?: number;
  /** Where the step function switches from 0 to 1. */
  threshold?: number;
}

/** A tunable constant of a parametric activation (plain data, shown in the inspector). */
export interface ActivationParam {
  name: keyof ActivationOpts;
  default: number;
  doc: string;
}

export interface ActivationDoc {
  title: string;
  /** Plain-text maths, textbook form (not the notes' errors). */
  formula: string;
  derivative: string;
  range: string;
  params: readonly ActivationParam[];
  /** The tfjs activation identifier, or null where tfjs has none (the exporter must emulate it). */
  tfjs: string | null;
  whenToUse: string;
  /** Other names users type into search. */
  aliases: readonly string[];
  /** Corrections of the lecture notes' mistakes, and other caveats. */
  notes: readonly string[];
}

export interface ElementwiseActivationInfo extends ActivationDoc {
  vectorValued: false;
  f: (x: number, opts?: ActivationOpts) => number;
  /** Derivative; at a kink, the value tfjs' gradient uses there. */
  df: (x: number, opts?: ActivationOpts) => number;
  /** Inputs where f is not differentiable. */
  kinks: (opts?: ActivationOpts) => number[];
}

/** Softmax: each output depends on the whole vector, so df is the Jacobian diagonal. */
export interface VectorActivationInfo extends ActivationDoc {
  vectorValued: true;
  f: (v: readonly number[]) => number[];
  df: (v: readonly number[]) => number[];
  jacobian: (v: readonly number[]) => number[][];
}

export type ActivationInfo = ElementwiseActivationInfo | VectorActivationInfo;

/** Defaults: leaky slope 0.01 as in the notes (001:L624; tfjs' leakyReLU layer defaults to 0.3). */
export const ACTIVATION_DEFAULTS = {
  leakyRelu: { alpha: 0.01 },
  elu: { alpha: 1 },
  sigmoid: { lambda: 1 },
  bipolarSigmoid: { lambda: 1 },
  step: { threshold: 0 },
} as const;

/** SELU constants (Klambauer et al. 2017), as in tfjs-core selu_util.ts. */
export const SELU_ALPHA = 1.6732632423543772;
export const SELU_SCALE = 1.0507009873554805;

/** Logistic sigmoid 1 / (1 + e^(-x)), evaluated without overflow for large |x|. */
export function sigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

/** ln(1 + e^x) without overflow: max(x, 0) + ln(1 + e^-|x|). */
export function softplus(x: number): number {
  return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
}

/**
 * Error function to ~1e-15, from the all-positive series
 * erf(x) = 2/sqrt(pi) * e^(-x^2) * sum_n x (2x^2)^n / (1*3*...*(2n+1)) (Abramowitz & Stegun 7.1.6).
 * A cruder approximation would break the finite-difference check of gelu's derivative.
 */
export function erf(x: number): number {
  if (Math.abs(x) >= 6) return Math.sign(x);
  let term = x;
  let sum = x;
  for (let n = 1; Math.abs(term) > 1e-17 * Math.abs(sum); n++) {
    term *= (2 * x * x) / (2 * n + 1);
    sum += term;
  }
  return (2 / Math.sqrt(Math.PI)) * Math.exp(-x * x) * sum;
}

/** Standard normal CDF Phi(x) and density phi(x), for GELU. */
const normalCdf = (x: number) => 0.5 * (1 + erf(x / Math.SQRT2));
const normalPdf = (x: number) => Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);

/** softmax(v)_i = e^(v_i) / sum_j e^(v_j); the max is subtracted first so large logits do not overflow. */
export function softmax(v: readonly number[]): number[] {
  if (v.length === 0) return [];
  const m = Math.max(...v);
  const e = v.map((x) => Math.exp(x - m));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / s);
}

/** Full Jacobian d s_i / d v_j = s_i (delta_ij - s_j). */
export function softmaxJacobian(v: readonly number[]): number[][] {
  const s = softmax(v);
  return s.map((si, i) => s.map((sj, j) => si * ((i === j ? 1 : 0) - sj)));
}

/** Jacobian diagonal d s_i / d v_i = s_i (1 - s_i): what the inspector plots as softmax's "derivative". */
export function softmaxJacobianDiagonal(v: readonly number[]): number[] {
  return softmax(v).map((s) => s * (1 - s));
}

export interface ElementwiseMath {
  f: (x: number, opts?: ActivationOpts) => number;
  df: (x: number, opts?: ActivationOpts) => number;
  /** Inputs where f is not differentiable (df there is only tfjs' convention). */
  kinks: (opts?: ActivationOpts) => number[];
}

const none = () => [];
const at0 = () => [0];
const leakyAlpha = (o?: ActivationOpts) => o?.alpha ?? ACTIVATION_DEFAULTS.leakyRelu.alpha;
const eluAlpha = (o?: ActivationOpts) => o?.alpha ?? ACTIVATION_DEFAULTS.elu.alpha;
const steepness = (o?: ActivationOpts) => o?.lambda ?? 1;

export const ELEMENTWISE: Record<Exclude<ActivationName, "softmax">, ElementwiseMath> = {
  linear: { f: (x) => x, df: () => 1, kinks: none },
  step: {
    f: (x, o) => (x >= (o?.threshold ?? ACTIVATION_DEFAULTS.step.threshold) ? 1 : 0),
    df: () => 0,
    kinks: (o) => [o?.threshold ?? ACTIVATION_DEFAULTS.step.threshold],
  },
  sigmoid: {
    f: (x, o) => sigmoid(steepness(o) * x),
    df: (x, o) => {
      const s = sigmoid(steepness(o) * x);
      return steepness(o) * s * (1 - s);
    },
    kinks: none,
  },
  bipolarSigmoid: {
    f: (x, o) => 2 * sigmoid(steepness(o) * x) - 1,
    df: (x, o) => {
      const s = sigmoid(steepness(o) * x);
      return 2 * steepness(o) * s * (1 - s);
    },
    kinks: none,
  },
  tanh: { f: Math.tanh, df: (x) => 1 - Math.tanh(x) ** 2, kinks: none },
  relu: { f: (x) => Math.max(0, x), df: (x) => (x > 0 ? 1 : 0), kinks: at0 },
  relu6: {
    f: (x) => Math.min(Math.max(0, x), 6),
    df: (x) => (x > 0 && x < 6 ? 1 : 0),
    kinks: () => [0, 6],
  },
  leakyRelu: {
    f: (x, o) => (x > 0 ? x : leakyAlpha(o) * x),
    df: (x, o) => (x > 0 ? 1 : leakyAlpha(o)),
    kinks: (o) => (leakyAlpha(o) === 1 ? [] : [0]),
  },
  elu: {
    f: (x, o) => (x > 0 ? x : eluAlpha(o) * Math.expm1(x)),
    df: (x, o) => (x > 0 ? 1 : eluAlpha(o) * Math.exp(x)),
    kinks: (o) => (eluAlpha(o) === 1 ? [] : [0]),
  },
  selu: {
    f: (x) => SELU_SCALE * (x > 0 ? x : SELU_ALPHA * Math.expm1(x)),
    df: (x) => SELU_SCALE * (x > 0 ? 1 : SELU_ALPHA * Math.exp(x)),
    kinks: at0,
  },
  softplus: { f: softplus, df: sigmoid, kinks: none },
  softsign: {
    f: (x) => x / (1 + Math.abs(x)),
    df: (x) => 1 / (1 + Math.abs(x)) ** 2,
    kinks: none,
  },
  hardSigmoid: {
    f: (x) => Math.min(1, Math.max(0, 0.2 * x + 0.5)),
    df: (x) => (x >= -2.5 && x <= 2.5 ? 0.2 : 0),
    kinks: () => [-2.5, 2.5],
  },
  swish: {
    f: (x) => x * sigmoid(x),
    df: (x) => {
      const s = sigmoid(x);
      return s + x * s * (1 - s);
    },
    kinks: none,
  },
  mish: {
    f: (x) => x * Math.tanh(softplus(x)),
    df: (x) => {
      const t = Math.tanh(softplus(x));
      return t + x * (1 - t * t) * sigmoid(x);
    },
    kinks: none,
  },
  gelu: {
    f: (x) => x * normalCdf(x),
    df: (x) => normalCdf(x) + x * normalPdf(x),
    kinks: none,
  },
};

/** GELU's tanh approximation (tfjs 'gelu_new', used by GPT-2/BERT code), for comparison in docs. */
export function geluTanh(x: number): number {
  return 0.5 * x * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (x + 0.044715 * x ** 3)));
}

export interface CurveOpts extends ActivationOpts {
  /** Softmax only: the other logits held fixed while the first one sweeps the x range (default [0]). */
  others?: readonly number[];
}

export interface Curve {
  x: number[];
  f: number[];
  df: number[];
  /** Kinks inside [from, to]; a plot should not join df across them. */
  kinks: number[];
}

/**
 * n evenly spaced samples of f and df on [from, to] (both ends included) for the inspector's plot.
 * Softmax is vector-valued, so its curve is component 0 of softmax([x, ...others]) with the
 * Jacobian diagonal as df; with others = [0] that is exactly sigmoid(x).
 */
export function sampleCurve(name: ActivationName, from: number, to: number, n: number, opts?: CurveOpts): Curve {
  const count = Math.max(1, Math.floor(n));
  const x = Array.from({ length: count }, (_, i) => (count === 1 ? from : from + ((to - from) * i) / (count - 1)));
  const [lo, hi] = from <= to ? [from, to] : [to, from];
  if (name === "softmax") {
    const others = opts?.others ?? [0];
    return {
      x,
      f: x.map((xi) => softmax([xi, ...others])[0]),
      df: x.map((xi) => softmaxJacobianDiagonal([xi, ...others])[0]),
      kinks: [],
    };
  }
  const m = ELEMENTWISE[name];
  return {
    x,
    f: x.map((xi) => m.f(xi, opts)),
    df: x.map((xi) => m.df(xi, opts)),
    kinks: m.kinks(opts).filter((k) => k >= lo && k <= hi),
  };
}
