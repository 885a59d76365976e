/** Weight initializers, named as tfjs names them (plus fanInUniform, the notes' U[-1/sqrt(n), 1/sqrt(n)]). */
export const INITIALIZER_NAMES = [
  "zeros",
  "ones",
  "randomUniform",
  "randomNormal",
  "truncatedNormal",
  "fanInUniform",
  "glorotUniform",
  "glorotNormal",
  "heUniform",
  "heNormal",
  "leCunUniform",
  "leCunNormal",
  "orthogonal",
] as const;
export type InitializerName = (typeof INITIALIZER_NAMES)[number];

export type InitDistribution = "uniform" | "normal" | "truncatedNormal" | "constant" | "orthogonal";
export type FanMode = "fanIn" | "fanOut" | "fanAvg";

/**
 * Empirical std of a normal truncated at +-2 sigma, as a fraction of sigma. tfjs samples
 * glorotNormal/heNormal/leCunNormal this way without correcting for it (Keras 2.x+ divides sigma
 * by this factor), so their weights have std ~0.88 of the formula's.
 */
export const TRUNCATED_STD_FACTOR = 0.8796256610342398;

/** How the exporter names the initializer to tfjs: an identifier or a Keras-style config. */
export type TfjsInitializer =
  | string
  | {
      className: "VarianceScaling";
      config: {
        scale: number;
        mode: FanMode;
        distribution: "uniform" | "normal";
      };
    };

export interface InitializerInfo {
  title: string;
  /** Plain-text maths (std, not variance, in N(mean, std) to avoid the notes' notation clash). */
  formula: string;
  /** The distribution tfjs actually samples from. */
  distribution: InitDistribution;
  /** Uniform schemes: weights ~ U[-limit, limit]. */
  limit?: (fanIn: number, fanOut: number) => number;
  /** Normal schemes: the std passed to the sampler (before truncation for truncatedNormal). */
  stddev?: (fanIn: number, fanOut: number) => number;
  /** Constant schemes: the value. */
  value?: number;
  /** Variance-scaling schemes: Var = scale / n, n chosen by mode (tfjs varianceScaling). */
  varianceScaling?: { scale: number; mode: FanMode };
  tfjs: TfjsInitializer;
  whenToUse: string;
  aliases: readonly string[];
  /** Corrections of the lecture notes and tfjs caveats. */
  notes: readonly string[];
}

/**
 * fan_in and fan_out of a weight tensor as tfjs computeFans does: [in, out] for Dense;
 * [...kernel, in, out] (rank 3-5, channels last) multiplies both by the receptive-field size;
 * any other rank gets sqrt(size) for both (Keras Python instead uses n for a rank-1 shape).
 */
export function fans(shape: readonly number[]): {
  fanIn: number;
  fanOut: number;
} {
  if (shape.length === 2) return { fanIn: shape[0], fanOut: shape[1] };
  if (shape.length >= 3 && shape.length <= 5) {
    const receptive = shape.slice(0, -2).reduce((a, b) => a * b, 1);
    return {
      fanIn: shape[shape.length - 2] * receptive,
      fanOut: shape[shape.length - 1] * receptive,
    };
  }
  const root = Math.sqrt(shape.reduce((a, b) => a * b, 1));
  return { fanIn: root, fanOut: root };
}

/** Variance of a variance-scaling scheme; tfjs clamps the fan count to at least 1. */
export function scaledVariance(scale: number, mode: FanMode, fanIn: number, fanOut: number): number {
  const n = mode === "fanIn" ? fanIn : mode === "fanOut" ? fanOut : (fanIn + fanOut) / 2;
  return scale / Math.max(1, n);
}

/** Uniform variance-scaling: U[-sqrt(3 Var), sqrt(3 Var)] has variance Var. */
function uniformScheme(scale: number, mode: FanMode) {
  return {
    distribution: "uniform" as const,
    varianceScaling: { scale, mode },
    limit: (fanIn: number, fanOut: number) => Math.sqrt(3 * scaledVariance(scale, mode, fanIn, fanOut)),
  };
}

/** Normal variance-scaling; tfjs samples it truncated at 2 std. */
function normalScheme(scale: number, mode: FanMode) {
  return {
    distribution: "truncatedNormal" as const,
    varianceScaling: { scale, mode },
    stddev: (fanIn: number, fanOut: number) => Math.sqrt(scaledVariance(scale, mode, fanIn, fanOut)),
  };
}

const TRUNCATED_NOTE =
  "tfjs samples a truncated normal (values beyond 2 std are redrawn) with this std and no correction, so the weights' empirical std is about 0.88 of the formula's (Keras Python corrects for it).";
const STD_NOTE =
  "002:L631-639 writes N(0, variance) while 001:L688-704 writes N(0, std); the formulas here always give the std.";

export const INITIALIZERS: Record<InitializerName, InitializerInfo> = {
  zeros: {
    title: "Zeros",
    formula: "w = 0",
    distribution: "constant",
    value: 0,
    tfjs: "zeros",
    whenToUse: "Biases (the default). Never for all the weights of a layer.",
    aliases: ["zero", "constant 0"],
    notes: [
      "All-zero (or all-equal) weights make every unit of a layer compute the same output and receive the same gradient, so they stay identical (the symmetry problem); that, not vanishing or exploding gradients (004 L3119), is why weights are initialized randomly.",
    ],
  },
  ones: {
    title: "Ones",
    formula: "w = 1",
    distribution: "constant",
    value: 1,
    tfjs: "ones",
    whenToUse: "Scale factors (BatchNormalization gamma); an LSTM forget-gate bias of 1. Not for weight matrices.",
    aliases: ["one", "constant 1"],
    notes: [],
  },
  randomUniform: {
    title: "Random uniform",
    formula: "w ~ U[-0.05, 0.05]",
    distribution: "uniform",
    limit: () => 0.05,
    tfjs: "randomUniform",
    whenToUse: "Small random values for tiny demo nets; prefer a fan-scaled scheme (Glorot, He) for real models.",
    aliases: ["uniform", "small random"],
    notes: [
      "The range ignores the layer's size, so in deep or wide nets activations shrink or grow layer by layer; fan-scaled schemes fix that.",
    ],
  },
  randomNormal: {
    title: "Random normal",
    formula: "w ~ N(0, std = 0.05)",
    distribution: "normal",
    stddev: () => 0.05,
    tfjs: "randomNormal",
    whenToUse: "Small Gaussian noise for demo nets; prefer a fan-scaled scheme for real models.",
    aliases: ["gaussian", "normal"],
    notes: [],
  },
  truncatedNormal: {
    title: "Truncated normal",
    formula: "w ~ N(0, std = 0.05), values beyond 2 std redrawn",
    distribution: "truncatedNormal",
    stddev: () => 0.05,
    tfjs: "truncatedNormal",
    whenToUse: "Like randomNormal without the rare large outliers.",
    aliases: ["truncated gaussian"],
    notes: ["The empirical std is about 0.88 x 0.05 = 0.044 because of the truncation."],
  },
  fanInUniform: {
    title: "Fan-in uniform",
    formula: "w ~ U[-1/sqrt(fan_in), 1/sqrt(fan_in)] (Var = 1 / (3 fan_in))",
    ...uniformScheme(1 / 3, "fanIn"),
    tfjs: {
      className: "VarianceScaling",
      config: { scale: 1 / 3, mode: "fanIn", distribution: "uniform" },
    },
    whenToUse:
      "The classic heuristic of early nets and PyTorch's default for Linear layers; as in the notes (001:L682).",
    aliases: ["normal uniform", "uniform 1/sqrt(n)", "classic uniform"],
    notes: [
      "001:L678 calls it 'Normal Uniform': it is a uniform distribution. tfjs has no name for it; it is varianceScaling with scale 1/3, mode fanIn, distribution uniform, since sqrt(3 * (1/3) / fan_in) = 1/sqrt(fan_in). leCunUniform is different: its limit is sqrt(3 / fan_in).",
    ],
  },
  glorotUniform: {
    title: "Glorot (Xavier) uniform",
    formula: "w ~ U[-limit, limit], limit = sqrt(6 / (fan_in + fan_out)) (Var = 2 / (fan_in + fan_out))",
    ...uniformScheme(1, "fanAvg"),
    tfjs: "glorotUniform",
    whenToUse: "tanh/sigmoid/softmax layers; the tfjs and Keras default for Dense and Conv kernels.",
    aliases: ["xavier uniform", "glorot", "xavier"],
    notes: [
      "Glorot & Bengio (2010) keep the variance of activations and of gradients equal across layers, hence both fans. It depends on the fans (the units per layer), not on the number of layers (004 L3119). 001:L688 spells it 'Gorat'.",
    ],
  },
  glorotNormal: {
    title: "Glorot (Xavier) normal",
    formula: "w ~ N(0, std = sqrt(2 / (fan_in + fan_out)))",
    ...normalScheme(1, "fanAvg"),
    tfjs: "glorotNormal",
    whenToUse: "tanh/sigmoid layers, as glorotUniform.",
    aliases: ["xavier normal", "xavier gaussian"],
    notes: [
      "002:L633 gives Xavier/Glorot as N(0, 1/n_in): that is LeCun normal (Var = 1/fan_in). Glorot's variance is 2 / (fan_in + fan_out), as 001:L696 has it.",
      STD_NOTE,
      TRUNCATED_NOTE,
    ],
  },
  heUniform: {
    title: "He (Kaiming) uniform",
    formula: "w ~ U[-limit, limit], limit = sqrt(6 / fan_in) (Var = 2 / fan_in)",
    ...uniformScheme(2, "fanIn"),
    tfjs: "heUniform",
    whenToUse: "ReLU-family layers (ReLU, leaky ReLU, ELU).",
    aliases: ["kaiming uniform", "he"],
    notes: [
      "He et al. (2015): ReLU zeroes half its inputs, so the variance is doubled to 2 / fan_in to keep activations from shrinking layer by layer.",
    ],
  },
  heNormal: {
    title: "He (Kaiming) normal",
    formula: "w ~ N(0, std = sqrt(2 / fan_in))",
    ...normalScheme(2, "fanIn"),
    tfjs: "heNormal",
    whenToUse: "ReLU-family layers, especially deep CNNs.",
    aliases: ["kaiming normal", "he gaussian", "msra"],
    notes: [
      "002:L639 writes N(0, 2/n_in) with the variance; 001:L702 writes std = sqrt(2/fan_in). Both describe the same scheme.",
      TRUNCATED_NOTE,
    ],
  },
  leCunUniform: {
    title: "LeCun uniform",
    formula: "w ~ U[-limit, limit], limit = sqrt(3 / fan_in) (Var = 1 / fan_in)",
    ...uniformScheme(1, "fanIn"),
    tfjs: "leCunUniform",
    whenToUse: "SELU networks; layers whose activation is roughly linear near 0.",
    aliases: ["lecun"],
    notes: ["Not the notes' fan-in uniform: that one's limit is 1/sqrt(fan_in), a third of this variance."],
  },
  leCunNormal: {
    title: "LeCun normal",
    formula: "w ~ N(0, std = sqrt(1 / fan_in))",
    ...normalScheme(1, "fanIn"),
    tfjs: "leCunNormal",
    whenToUse: "Self-normalizing networks (SELU activation), where it is required.",
    aliases: ["lecun gaussian"],
    notes: ["This is the N(0, 1/n_in) that 002:L633 mislabels as Xavier/Glorot.", TRUNCATED_NOTE],
  },
  orthogonal: {
    title: "Orthogonal",
    formula:
      "w = gain * Q, Q with orthonormal columns (or rows) from the QR decomposition of a Gaussian (prod(shape[:-1]) x shape[-1]) matrix; gain = 1",
    distribution: "orthogonal",
    tfjs: "orthogonal",
    whenToUse: "Recurrent kernels (the tfjs default recurrentInitializer of SimpleRNN, LSTM and GRU).",
    aliases: ["orthonormal", "saxe"],
    notes: [
      "An orthogonal matrix preserves vector norms, so repeated multiplication through time neither shrinks nor blows up the state at initialization (Saxe et al. 2014).",
      "tfjs warns that it is slow above 2000 elements, and it needs a weight of rank >= 2.",
    ],
  },
};

/**
 * The std the sampled weights of this shape actually have in tfjs (for histogram overlays and
 * statistical tests): limit / sqrt(3) for uniform, the truncation-shrunk std for truncated normals.
 */
export function empiricalStd(name: InitializerName, shape: readonly number[]): number {
  const info = INITIALIZERS[name];
  const { fanIn, fanOut } = fans(shape);
  if (info.limit) return info.limit(fanIn, fanOut) / Math.sqrt(3);
  if (info.stddev) {
    const s = info.stddev(fanIn, fanOut);
    return info.distribution === "truncatedNormal" ? s * TRUNCATED_STD_FACTOR : s;
  }
  if (info.distribution === "orthogonal") {
    // min(rows, cols) unit vectors spread over rows * cols entries: mean square 1 / max(rows, cols).
    const cols = shape[shape.length - 1];
    const rows = shape.slice(0, -1).reduce((a, b) => a * b, 1);
    return 1 / Math.sqrt(Math.max(rows, cols));
  }
  return 0;
}
