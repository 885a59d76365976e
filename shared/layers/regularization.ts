import { ShapeError } from "../diagnostics";
import { formatShape } from "../shapes/shape";
import { float, ints } from "./params";
import { defineLayer, expectMinRank } from "./spec";

/**
 * Layers that perturb activations during training only and pass data through unchanged at
 * inference: Dropout and two noise layers. None has weights or changes shape.
 */

const passThrough = { name: "in", doc: "Tensor of any rank >= 1." };

export const Dropout = defineLayer({
  kind: "Dropout",
  title: "Dropout",
  category: "Regularization",
  params: {
    rate: float({
      default: 0.5,
      min: 0,
      max: 1,
      exclusiveMax: true,
      doc: "Fraction of units DROPPED (set to 0) at each training step: 0.5 for hidden layers, 0.2 for inputs.",
    }),
    noiseShape: ints({
      default: [],
      length: [0, 4],
      min: 1,
      allow: [null],
      nullMeans: "= input size",
      doc: "Shape of the keep/drop mask, batch excluded; 1 shares one decision along that axis, null = the input's size. Empty = one decision per element.",
    }),
  },
  inputs: [passThrough],
  infer: (p, [x]) => {
    expectMinRank("Dropout", x, 1);
    const mask = p.noiseShape;
    if (mask.length === 0) return [x];
    if (mask.length !== x.length) {
      throw new ShapeError(
        "E_RANK",
        `Dropout noiseShape=${formatShape(mask)} needs one entry per sample axis; the input has rank ${x.length} ${formatShape(x)} (batch excluded)`,
        "noiseShape",
      );
    }
    mask.forEach((m, i) => {
      const d = x[i] ?? null;
      if (m !== null && m !== 1 && d !== null && m !== d) {
        throw new ShapeError(
          "E_SHAPE_MISMATCH",
          `Dropout noiseShape=${formatShape(mask)} does not broadcast to input ${formatShape(x)}: entry ${i + 1} is ${m}; expected 1, null or ${d}`,
          "noiseShape",
        );
      }
    });
    return [x];
  },
  weights: () => [],
  label: (p) => `rate ${p.rate}`,
  doc: {
    summary:
      "During training, zeroes a random fraction `rate` of the units and scales the rest up; does nothing at inference.",
    formula:
      "training: m_i ~ Bernoulli(1 - rate), y = m ⊙ x / (1 - rate); inference: y = x (inverted dropout, Srivastava et al. 2014)",
    inputShape: "any shape",
    outputShape: "same as the input",
    whenToUse:
      "Against overfitting in large MLPs, CNN heads and between RNN layers: rate 0.5 after hidden layers, 0.2 on inputs.",
    aliases: ["dropout", "drop units", "inverted dropout", "regularization"],
    notes: [
      "rate is the probability of DROPPING a unit (tfjs and Keras); the keep probability is 1 - rate.",
      "Inverted dropout scales the kept units by 1/(1 - rate) during training, so nothing is rescaled at test time. In the original form the test-time weights are multiplied by the KEEP probability 1 - rate, not by the drop rate (the notes' w × p); 'halve the weights' is right only for rate 0.5.",
      "Dropout removes units (activations), not layers and not data; a new mask is drawn for every sample at every training step, not once per epoch.",
      "rate must be below 1: dropping every unit leaves nothing to scale.",
    ],
  },
});

export const GaussianNoise = defineLayer({
  kind: "GaussianNoise",
  title: "Gaussian Noise",
  category: "Regularization",
  params: {
    stddev: float({
      default: 0.1,
      min: 0,
      exclusiveMin: true,
      doc: "Standard deviation of the zero-mean noise added to each element.",
    }),
  },
  inputs: [passThrough],
  infer: (_p, [x]) => {
    expectMinRank("GaussianNoise", x, 1);
    return [x];
  },
  weights: () => [],
  label: (p) => `σ=${p.stddev}`,
  doc: {
    summary: "Adds zero-mean Gaussian noise to every element during training only.",
    formula: "training: y = x + ε, ε ~ N(0, stddev²) per element; inference: y = x",
    inputShape: "any shape",
    outputShape: "same as the input",
    whenToUse:
      "Corrupting the input of a denoising autoencoder, or as a mild regularizer on inputs of real-valued data.",
    aliases: ["noise", "additive noise", "corruption", "denoising", "jitter"],
    notes: [
      "tfjs and Keras require stddev; the default 0.1 is NetForge's choice.",
      "The notes' denoising-autoencoder code never adds noise: put this block (or Salt-and-Pepper Noise) right after the Input.",
    ],
  },
});

export const SaltAndPepperNoise = defineLayer({
  kind: "SaltAndPepperNoise",
  title: "Salt-and-Pepper Noise",
  category: "Regularization",
  params: {
    rate: float({
      default: 0.1,
      min: 0,
      max: 1,
      doc: "Fraction of elements corrupted at each training step.",
    }),
    low: float({
      default: 0,
      doc: "Value of 'pepper' (the minimum of the data, 0 for images in [0, 1]).",
    }),
    high: float({
      default: 1,
      doc: "Value of 'salt' (the maximum of the data).",
    }),
  },
  check: (p) =>
    p.low < p.high
      ? []
      : [
          {
            param: "low",
            message: `low must be < high. Received: low=${p.low} with high=${p.high}`,
          },
        ],
  inputs: [passThrough],
  infer: (_p, [x]) => {
    expectMinRank("SaltAndPepperNoise", x, 1);
    return [x];
  },
  weights: () => [],
  label: (p) => `rate ${p.rate}`,
  doc: {
    summary: "Sets a random fraction of the elements to the minimum or maximum value during training only.",
    formula:
      "training, per element: y = low with probability rate/2, high with probability rate/2, else x; inference: y = x",
    inputShape: "any shape",
    outputShape: "same as the input",
    whenToUse:
      "Corrupting images fed to a denoising autoencoder (Vincent et al. 2010), which then learns to restore the clean input.",
    aliases: ["salt and pepper", "impulse noise", "masking noise", "corruption", "denoising"],
    notes: [
      "A custom NetForge layer (tfjs has none); it has no weights.",
      "The corruption happens only in training: at inference the block passes data through, and the autoencoder's target stays the clean input.",
    ],
  },
});

export const regularizationLayers = [Dropout, GaussianNoise, SaltAndPepperNoise] as const;
