import {
  ACTIVATION_NAMES,
  type ActivationName,
  type ActivationOpts,
  sampleCurve,
} from "../../../shared/layers/activations";

export interface PlotGeometry {
  f: string;
  df: string;
  /** Pixel positions of the axes (null when 0 is outside the range). */
  zeroX: number | null;
  zeroY: number | null;
  yMin: number;
  yMax: number;
}

const isActivation = (s: unknown): s is ActivationName =>
  typeof s === "string" && (ACTIVATION_NAMES as readonly string[]).includes(s);

/**
 * Which activation a block applies, if any: the `activation` param of Dense/Conv/RNN layers and of
 * the Activation block (its steepness is the sigmoid's lambda), or the function an activation layer
 * is named after (LeakyReLU's alpha, ELU's alpha).
 */
export function activationOf(
  kind: string,
  params: Record<string, unknown> | null,
): { name: ActivationName; opts: ActivationOpts } | null {
  const p = params ?? {};
  const num = (k: string) => (typeof p[k] === "number" ? (p[k] as number) : undefined);
  switch (kind) {
    case "ReLU":
      return { name: num("maxValue") === 6 ? "relu6" : "relu", opts: {} };
    case "LeakyReLU":
      return { name: "leakyRelu", opts: { alpha: num("alpha") } };
    case "ELU":
      return { name: "elu", opts: { alpha: num("alpha") } };
    case "Softmax":
      return { name: "softmax", opts: {} };
    case "Activation":
      return isActivation(p.activation) ? { name: p.activation, opts: { lambda: num("steepness") } } : null;
    default:
      return isActivation(p.activation) && p.activation !== "linear" ? { name: p.activation, opts: {} } : null;
  }
}

/**
 * SVG paths of f and f' sampled on [from, to], scaled into a width x height box with a margin.
 * Paths break across kinks where the curve jumps (step, the derivative of ReLU), instead of drawing
 * a vertical line that is not part of the function.
 */
export function plotGeometry(
  name: ActivationName,
  opts: ActivationOpts,
  box: { width: number; height: number; pad: number },
  from = -4,
  to = 4,
  samples = 161,
): PlotGeometry {
  const curve = sampleCurve(name, from, to, samples, opts);
  const finite = [...curve.f, ...curve.df].filter(Number.isFinite);
  let yMin = Math.min(0, ...finite);
  let yMax = Math.max(1, ...finite);
  const margin = (yMax - yMin) * 0.08;
  yMin -= margin;
  yMax += margin;
  const sx = (x: number) => box.pad + ((x - from) / (to - from)) * (box.width - 2 * box.pad);
  const sy = (y: number) => box.pad + ((yMax - y) / (yMax - yMin)) * (box.height - 2 * box.pad);
  // A kink where the curve only bends (ReLU itself) keeps the pen down; a jump lifts it.
  const jumpSize = (yMax - yMin) * 0.05;
  const path = (ys: number[]) => {
    let d = "";
    let pen = false;
    ys.forEach((y, i) => {
      if (!Number.isFinite(y)) {
        pen = false;
        return;
      }
      const jump = i > 0 && crossesKink(curve.x[i - 1], curve.x[i], curve.kinks) && Math.abs(y - ys[i - 1]) > jumpSize;
      d += `${pen && !jump ? "L" : "M"}${sx(curve.x[i]).toFixed(1)} ${sy(y).toFixed(1)}`;
      pen = true;
    });
    return d;
  };
  return {
    f: path(curve.f),
    df: path(curve.df),
    zeroX: from <= 0 && to >= 0 ? sx(0) : null,
    zeroY: yMin <= 0 && yMax >= 0 ? sy(0) : null,
    yMin,
    yMax,
  };
}

function crossesKink(a: number, b: number, kinks: readonly number[]): boolean {
  return kinks.some((k) => k >= a && k <= b);
}
