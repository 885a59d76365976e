import { ShapeError } from "../diagnostics";
import { formatShape } from "../shapes/shape";
import { INITIALIZER_NAMES } from "./initializers";
import { float, int, ints, oneOf, regularizer } from "./params";
import { defineLayer, expectMinRank, known, weight } from "./spec";

/**
 * Activation functions as layers of their own: the ones with parameters (ReLU caps, leaky slopes,
 * learned or random slopes, ELU's alpha) and Softmax over a chosen axis. They never change shape.
 */

const elementwise = {
  name: "in",
  doc: "Tensor of any rank >= 1; the function is applied to every element.",
};

/** Round numbers for canvas labels (1/3 -> 0.333). */
const short = (x: number) => String(Math.round(x * 1000) / 1000);

export const ReLU = defineLayer({
  kind: "ReLU",
  title: "ReLU",
  category: "Activation",
  params: {
    maxValue: float({
      default: null,
      nullable: true,
      nullMeans: "no cap",
      min: 0,
      doc: "Upper cap of the output (6 gives ReLU6); null = no cap.",
    }),
    negativeSlope: float({
      default: 0,
      min: 0,
      doc: "Slope below the threshold; 0 is the plain ReLU.",
    }),
    threshold: float({
      default: 0,
      min: 0,
      doc: "Input value below which the output is zero (or sloped).",
    }),
  },
  check: (p) =>
    p.maxValue !== null && p.maxValue < p.threshold
      ? [
          {
            param: "maxValue",
            message: `maxValue must be >= threshold, or null. Received: maxValue=${p.maxValue} with threshold=${p.threshold}`,
          },
        ]
      : [],
  inputs: [elementwise],
  infer: (_p, [x]) => {
    expectMinRank("ReLU", x, 1);
    return [x];
  },
  weights: () => [],
  label: (p) =>
    [
      p.maxValue === null ? "" : `max ${p.maxValue}`,
      p.negativeSlope ? `slope ${p.negativeSlope}` : "",
      p.threshold ? `θ=${p.threshold}` : "",
    ]
      .filter(Boolean)
      .join(" "),
  doc: {
    summary: "Rectified linear unit: passes positive values, zeroes the rest; optionally capped.",
    formula:
      "y = x for threshold <= x < maxValue; y = maxValue for x >= maxValue; y = negativeSlope·(x - threshold) for x < threshold. Defaults: y = max(0, x)",
    inputShape: "any shape",
    outputShape: "same as the input",
    whenToUse:
      "The default hidden activation of CNNs and MLPs; maxValue 6 (ReLU6) for mobile networks. Use this block when the activation should be a node of its own.",
    aliases: ["rectifier", "relu6", "rectified linear unit", "clipped relu", "thresholded relu"],
    notes: [
      "ReLU's derivative is 0 or 1, so it does not cause exploding gradients (large weights do); it helps against vanishing ones.",
      "ReLU is not zero-centred: its output is never negative.",
      "G-5: ReLU([[5, -10], [-3, 7]]) = [[5, 0], [0, 7]].",
      "Params follow Keras' ReLU. tfjs' ReLU layer has only maxValue, so a non-zero negativeSlope or threshold is built by NetForge from elementary ops.",
    ],
  },
});

export const LeakyReLU = defineLayer({
  kind: "LeakyReLU",
  title: "Leaky ReLU",
  category: "Activation",
  params: {
    alpha: float({
      default: 0.01,
      min: 0,
      doc: "Fixed slope for negative inputs (0.01 in the course notes).",
    }),
  },
  inputs: [elementwise],
  infer: (_p, [x]) => {
    expectMinRank("LeakyReLU", x, 1);
    return [x];
  },
  weights: () => [],
  label: (p) => `α=${p.alpha}`,
  doc: {
    summary: "ReLU with a small fixed slope for negative inputs, so no unit is ever completely dead.",
    formula: "y = x if x > 0, else α·x; derivative 1 if x > 0, else α",
    inputShape: "any shape",
    outputShape: "same as the input",
    whenToUse: "Instead of ReLU when many units die (stay at 0); the usual choice in GAN discriminators.",
    aliases: ["leaky relu", "lrelu", "leaky rectifier"],
    notes: [
      "The default α = 0.01 follows the course notes (Maas et al. 2013); tfjs and Keras default to α = 0.3.",
      "The function is f(z) = 0.01·z for z < 0 and its derivative is the constant 0.01; one of the notes mixes the two up (G-13: f(-2) = -0.02).",
      "A per-unit learned slope a_i is PReLU, and a randomly drawn slope is Randomized Leaky ReLU; a fixed α other than 0.01 is still Leaky ReLU.",
    ],
  },
});

export const PReLU = defineLayer({
  kind: "PReLU",
  title: "PReLU",
  category: "Activation",
  params: {
    alphaInitializer: oneOf(INITIALIZER_NAMES, {
      default: "zeros",
      doc: "Initial slopes; zeros makes the layer start as a plain ReLU.",
    }),
    alphaRegularizer: regularizer("L1/L2 penalty on the learned slopes."),
    sharedAxes: ints({
      default: [],
      length: [0, 4],
      min: 1,
      max: 4,
      doc: "Sample axes (1-indexed, batch excluded) along which one slope is shared: [1, 2] on (H, W, C) gives one slope per channel. Empty = one slope per element.",
    }),
  },
  check: (p) =>
    new Set(p.sharedAxes).size === p.sharedAxes.length
      ? []
      : [
          {
            param: "sharedAxes",
            message: `sharedAxes must list each axis at most once. Received: sharedAxes=${formatShape(p.sharedAxes)}`,
          },
        ],
  inputs: [elementwise],
  infer: (p, [x]) => {
    expectMinRank("PReLU", x, 1);
    for (const a of p.sharedAxes as number[]) {
      if (a > x.length) {
        throw new ShapeError(
          "E_RANK",
          `PReLU sharedAxes=${formatShape(p.sharedAxes)} names axis ${a}, but the input has rank ${x.length} ${formatShape(x)} (batch excluded)`,
          "sharedAxes",
        );
      }
    }
    return [x];
  },
  weights: (p, [x]) => {
    const shared = p.sharedAxes as number[];
    const shape = x.map((d, i) =>
      shared.includes(i + 1) ? 1 : known("PReLU", d, `input axis ${i + 1} (or list it in sharedAxes)`),
    );
    return [weight("alpha", shape)];
  },
  label: (p) => (p.sharedAxes.length ? `shared ${p.sharedAxes.join(",")}` : ""),
  doc: {
    summary: "Leaky ReLU whose negative slopes are learned by backpropagation (He et al. 2015).",
    formula: "y = x if x > 0, else α ⊙ x; α has the input's shape with every shared axis set to 1",
    inputShape: "any shape (the non-shared axes must be known)",
    outputShape: "same as the input",
    whenToUse: "Deep CNNs where a learned leak helps; share the spatial axes so each channel learns one slope.",
    aliases: ["parametric relu", "prelu", "learned leaky relu"],
    notes: [
      "tfjs and Keras learn one slope per element by default: a 32x32x16 feature map gets 16,384 slopes. He et al. used one per channel, which is sharedAxes [1, 2] (16 slopes).",
    ],
  },
});

export const ELU = defineLayer({
  kind: "ELU",
  title: "ELU",
  category: "Activation",
  params: {
    alpha: float({
      default: 1,
      min: 0,
      exclusiveMin: true,
      doc: "Value the output approaches for very negative inputs (-α).",
    }),
  },
  inputs: [elementwise],
  infer: (_p, [x]) => {
    expectMinRank("ELU", x, 1);
    return [x];
  },
  weights: () => [],
  label: (p) => (p.alpha === 1 ? "" : `α=${p.alpha}`),
  doc: {
    summary: "Exponential linear unit: identity for positive inputs, a smooth saturating curve down to -α below 0.",
    formula: "y = x if x > 0, else α·(e^x - 1)",
    inputShape: "any shape",
    outputShape: "same as the input",
    whenToUse: "Instead of ReLU when mean activations near zero speed up learning (Clevert et al. 2016).",
    aliases: ["exponential linear unit", "elu"],
    notes: [
      "G-24: ELU(-1) = e^-1 - 1 = -0.632121 and ELU(-2) = -0.864665 with α = 1.",
      "tfjs' ELU layer accepts only α = 1 and throws otherwise; NetForge builds this block with its own op so any α > 0 works.",
    ],
  },
});

export const Softmax = defineLayer({
  kind: "Softmax",
  title: "Softmax",
  category: "Activation",
  params: {
    axis: int({
      default: -1,
      min: -4,
      max: 4,
      doc: "Axis to normalize over, as in Keras: -1 = last, 1 = first sample axis (0, the batch, is not allowed).",
    }),
  },
  check: (p) =>
    p.axis === 0
      ? [
          {
            param: "axis",
            message: "axis 0 is the batch axis; use -1 or 1..rank. Received: axis=0",
          },
        ]
      : [],
  inputs: [{ name: "in", doc: "Scores (logits) of any rank >= 1." }],
  infer: (p, [x]) => {
    expectMinRank("Softmax", x, 1);
    const a = p.axis < 0 ? x.length + p.axis : p.axis - 1;
    if (a < 0 || a >= x.length) {
      throw new ShapeError(
        "E_RANK",
        `Softmax axis=${p.axis} needs an input of rank >= ${Math.abs(p.axis)} (batch excluded); received rank ${x.length} ${formatShape(x)}`,
        "axis",
      );
    }
    return [x];
  },
  weights: () => [],
  label: (p) => (p.axis === -1 ? "" : `axis ${p.axis}`),
  doc: {
    summary: "Turns scores into probabilities that are positive and sum to 1 along one axis.",
    formula: "y_i = e^(x_i) / Σ_j e^(x_j), the sum running over the chosen axis",
    inputShape: "any shape",
    outputShape: "same as the input",
    whenToUse: "Output of a multi-class classifier (mutually exclusive classes), and attention weights.",
    aliases: ["normalized exponential", "softargmax", "probabilities", "classifier output"],
    notes: [
      "The sum uses its own index j: e^(x_i) / Σ_j e^(x_j), not Σ_i.",
      "G-3: Softmax([5, 4, -1]) = [0.730, 0.268, 0.002].",
      "tfjs' Softmax layer defaults to axis 1 (the first sample axis); NetForge defaults to Keras' -1, the same only for vectors.",
      "tfjs' softmax op runs only on the last axis, so NetForge computes any other axis as exp(x - logSumExp(x, axis)).",
    ],
  },
});

export const RandomizedLeakyReLU = defineLayer({
  kind: "RandomizedLeakyReLU",
  title: "Randomized Leaky ReLU",
  category: "Activation",
  params: {
    lower: float({
      default: 1 / 8,
      min: 0,
      max: 1,
      doc: "Smallest negative slope drawn during training.",
    }),
    upper: float({
      default: 1 / 3,
      min: 0,
      max: 1,
      doc: "Largest negative slope drawn during training.",
    }),
  },
  check: (p) =>
    p.lower <= p.upper
      ? []
      : [
          {
            param: "lower",
            message: `lower must be <= upper. Received: lower=${p.lower} with upper=${p.upper}`,
          },
        ],
  inputs: [elementwise],
  infer: (_p, [x]) => {
    expectMinRank("RandomizedLeakyReLU", x, 1);
    return [x];
  },
  weights: () => [],
  label: (p) => `α~U(${short(p.lower)},${short(p.upper)})`,
  doc: {
    summary: "Leaky ReLU whose negative slope is random during training and fixed at its mean for inference.",
    formula:
      "training: y = x if x >= 0, else a·x with a ~ U(lower, upper) drawn for every element at every step; inference: a = (lower + upper) / 2",
    inputShape: "any shape",
    outputShape: "same as the input",
    whenToUse:
      "As a regularizing alternative to Leaky ReLU on small datasets (Xu et al. 2015 found it reduced overfitting on CIFAR).",
    aliases: ["rrelu", "randomized relu", "random leaky relu"],
    notes: [
      "A custom NetForge layer (tfjs has none); it has no weights.",
      "Randomized ReLU means a random slope at training time, not 'Leaky ReLU with a slope other than 0.01' as one slide says.",
      "Slopes follow PyTorch's RReLU (a ~ U(1/8, 1/3)). Xu et al. draw a divisor from U(3, 8) instead and use x / 5.5 at test time, a slightly different distribution.",
    ],
  },
});

export const activationLayers = [ReLU, LeakyReLU, PReLU, ELU, Softmax, RandomizedLeakyReLU] as const;
