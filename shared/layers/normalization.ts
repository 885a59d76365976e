import { ShapeError } from "../diagnostics";
import { formatShape, type Shape } from "../shapes/shape";
import { INITIALIZER_NAMES } from "./initializers";
import { bool, float, int, oneOf, regularizer } from "./params";
import { defineLayer, expectMinRank, known, weight } from "./spec";

/** BatchNormalization and LayerNormalization (Keras `normalization/`, tfjs `layers/normalization.ts`). */

/**
 * An axis param counts the batch as axis 0, as Keras and tfjs do (so it passes to tfjs unchanged);
 * returns the index into the batch-excluded shape. Axis 0 (the batch) is refused by `check`.
 */
export function kerasAxis(kind: string, axis: number, shape: Shape): number {
  const i = axis < 0 ? shape.length + axis : axis - 1;
  if (axis === 0 || i < 0 || i >= shape.length) {
    throw new ShapeError(
      "E_RANK",
      `${kind}: axis ${axis} is out of range for input ${formatShape(shape)} of rank ${shape.length} (batch excluded; axis 0 is the batch, -1 the last axis)`,
      "axis",
    );
  }
  return i;
}

export const axisParam = (doc: string) => int({ default: -1, min: -5, max: 5, doc });

/** Keras refuses to normalize, concatenate or reduce over the batch axis. */
export function notBatchAxis(axis: number, param = "axis"): { param: string; message: string }[] {
  return axis === 0
    ? [
        {
          param,
          message: `${param} must not be 0, the batch axis; use -1 for the last axis. Received: ${param}=0`,
        },
      ]
    : [];
}

const commonParams = (axisDoc: string) => ({
  axis: axisParam(axisDoc),
  epsilon: float({
    default: 1e-3,
    min: 0,
    exclusiveMin: true,
    doc: "Small constant added to the variance so the division never blows up (tfjs: 1e-3).",
  }),
  center: bool({
    default: true,
    doc: "Learn a shift beta added after normalizing.",
  }),
  scale: bool({
    default: true,
    doc: "Learn a scale gamma multiplied after normalizing.",
  }),
  betaInitializer: oneOf(INITIALIZER_NAMES, {
    default: "zeros",
    doc: "How beta (the shift) is initialized.",
  }),
  gammaInitializer: oneOf(INITIALIZER_NAMES, {
    default: "ones",
    doc: "How gamma (the scale) is initialized.",
  }),
  betaRegularizer: regularizer("L1/L2 penalty on beta, added to the loss."),
  gammaRegularizer: regularizer("L1/L2 penalty on gamma, added to the loss."),
});

interface NormValues {
  axis: number;
  center: boolean;
  scale: boolean;
}

/** gamma then beta, one value per feature along the axis (Keras `build`). */
function affineWeights(kind: string, p: NormValues, x: Shape) {
  const n = known(kind, x[kerasAxis(kind, p.axis, x)], `size along axis ${p.axis}`);
  return [...(p.scale ? [weight("gamma", [n])] : []), ...(p.center ? [weight("beta", [n])] : [])];
}

function normInfer(kind: string) {
  return (p: NormValues, [x]: readonly Shape[]): Shape[] => {
    expectMinRank(kind, x, 1);
    known(kind, x[kerasAxis(kind, p.axis, x)], `size along axis ${p.axis}`);
    return [x];
  };
}

const normLabel = (p: NormValues) => (p.axis === -1 ? "" : `axis ${p.axis}`);

export const BatchNormalization = defineLayer({
  kind: "BatchNormalization",
  title: "Batch Normalization",
  category: "Normalization",
  params: {
    ...commonParams("Feature axis to normalize per feature (-1 = channels last); counts the batch as axis 0."),
    momentum: float({
      default: 0.99,
      min: 0,
      max: 1,
      doc: "How slowly the moving mean and variance follow the batch statistics (used at inference).",
    }),
    movingMeanInitializer: oneOf(INITIALIZER_NAMES, {
      default: "zeros",
      doc: "Initial moving mean.",
    }),
    movingVarianceInitializer: oneOf(INITIALIZER_NAMES, {
      default: "ones",
      doc: "Initial moving variance.",
    }),
  },
  inputs: [
    {
      name: "in",
      doc: "Tensor of rank >= 1; statistics are taken per feature along `axis`.",
    },
  ],
  check: (p) => notBatchAxis(p.axis),
  infer: normInfer("BatchNormalization"),
  weights: (p, [x]) => {
    const w = affineWeights("BatchNormalization", p, x);
    const n = known("BatchNormalization", x[kerasAxis("BatchNormalization", p.axis, x)], `size along axis ${p.axis}`);
    return [...w, weight("moving_mean", [n], false), weight("moving_variance", [n], false)];
  },
  label: normLabel,
  doc: {
    summary: "Normalizes each feature over the mini-batch, then applies a learned scale and shift.",
    formula: [
      "Training: mu_B, sigma_B^2 = mean and (population) variance of each feature over the batch (and over all other axes);",
      "y = gamma * (x - mu_B) / sqrt(sigma_B^2 + epsilon) + beta; moving_mean = momentum * moving_mean + (1 - momentum) * mu_B, likewise moving_variance.",
      "Inference: y = gamma * (x - moving_mean) / sqrt(moving_variance + epsilon) + beta.",
      "Example (G-26): x = (1, 2, 3), gamma = 1, beta = 0: (-1.224745, 0, 1.224745) without epsilon, (-1.223827, 0, 1.223827) with epsilon = 1e-3.",
    ].join(" "),
    inputShape: "any, e.g. (H, W, C) or (n)",
    outputShape: "same as input",
    whenToUse:
      "After a Conv2D or Dense (before or after the activation) in deep CNNs/MLPs: faster, more stable training at higher learning rates. With very small batches prefer LayerNormalization.",
    aliases: ["batchnorm", "bn", "batch norm", "normalize", "standardize"],
    notes: [
      "The notes' formula h^ = (h - mu_B) / sigma_B (002:L681) omits epsilon and the learned gamma and beta, and says nothing of inference, which uses the moving averages instead of the batch statistics.",
      "gamma and beta are trainable; moving_mean and moving_variance are not (they are updated by averaging, not by gradients), so they count as non-trainable parameters.",
      "Batch normalization mainly speeds up and stabilizes training; its regularizing effect (batch noise) is a side effect (004:L489 lists it only as a regularizer).",
    ],
  },
});

export const LayerNormalization = defineLayer({
  kind: "LayerNormalization",
  title: "Layer Normalization",
  category: "Normalization",
  params: commonParams("Axis normalized within each sample (-1 = features); counts the batch as axis 0."),
  inputs: [
    {
      name: "in",
      doc: "Tensor of rank >= 1; each sample is normalized over `axis`.",
    },
  ],
  check: (p) => notBatchAxis(p.axis),
  infer: normInfer("LayerNormalization"),
  weights: (p, [x]) => affineWeights("LayerNormalization", p, x),
  label: normLabel,
  doc: {
    summary: "Normalizes each sample over its features, then applies a learned scale and shift; no batch statistics.",
    formula:
      "mu, sigma^2 = mean and variance of one sample's values along axis; y = gamma * (x - mu) / sqrt(sigma^2 + epsilon) + beta (Ba et al. 2016). Same computation in training and inference.",
    inputShape: "any, e.g. (T, d_model)",
    outputShape: "same as input",
    whenToUse:
      "Transformers (after each attention and feed-forward sublayer, with the residual Add) and RNNs, or whenever batches are small or vary in size.",
    aliases: ["layernorm", "ln", "layer norm", "normalize"],
    notes: ["The notes never describe layer normalization; the Transformer needs it (002:L904-924 omits it)."],
  },
});

/** Batch normalization of one feature over a batch, as in the teaching views (G-26). */
export function batchNormalize(values: readonly number[], epsilon = 0, gamma = 1, beta = 0): number[] {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const variance = values.reduce((a, v) => a + (v - mean) ** 2, 0) / values.length;
  return values.map((v) => (gamma * (v - mean)) / Math.sqrt(variance + epsilon) + beta);
}

export const normalizationLayers = [BatchNormalization, LayerNormalization] as const;
