import type { Regularizer } from "./params";

/**
 * Weight penalties added to the training loss, as tfjs' L1L2 (tfjs-layers/src/regularizers.ts)
 * computes them: l1 * sum|w| + l2 * sum(w^2), with no 1/2 factor on the L2 term. A layer's
 * kernelRegularizer / biasRegularizer / activityRegularizer param holds the { l1, l2 } factors.
 */
export const REGULARIZER_NAMES = ["l1", "l2", "l1l2"] as const;
export type RegularizerName = (typeof REGULARIZER_NAMES)[number];

export interface RegularizerInfo {
  title: string;
  /** The penalty Omega(w) added to the loss, plain-text maths. */
  formula: string;
  /** d Omega / d w_i, the extra term each weight's gradient gets. */
  gradient: string;
  /** Factors tfjs uses when the regularizer is created without arguments. */
  defaults: Regularizer;
  /** The tfjs call that builds it. */
  tfjs: string;
  whenToUse: string;
  aliases: readonly string[];
  /** Corrections of the lecture notes and other caveats. */
  notes: readonly string[];
}

/** Penalty l1 * sum|w| + l2 * sum(w^2) for one weight tensor (flattened); missing factors are 0. */
export function penalty(weights: readonly number[], factors: Partial<Regularizer>): number {
  const l1 = factors.l1 ?? 0;
  const l2 = factors.l2 ?? 0;
  let sum = 0;
  for (const w of weights) sum += l1 * Math.abs(w) + l2 * w * w;
  return sum;
}

/** Gradient of the penalty: l1 * sign(w) + 2 l2 w (the L1 subgradient is taken as 0 at w = 0, as tfjs does). */
export function penaltyGradient(weights: readonly number[], factors: Partial<Regularizer>): number[] {
  const l1 = factors.l1 ?? 0;
  const l2 = factors.l2 ?? 0;
  return weights.map((w) => l1 * Math.sign(w) + 2 * l2 * w);
}

/**
 * Per-step shrink factor that an L2 penalty amounts to under plain SGD with learning rate lr:
 * w <- w - lr (dL/dw + 2 l2 w) = (1 - 2 lr l2) w - lr dL/dw.
 */
export function weightDecayFactor(lr: number, l2: number): number {
  return 1 - 2 * lr * l2;
}

/** Which catalog entry a param value is (null when absent or when both factors are 0). */
export function regularizerName(r: Regularizer | null | undefined): RegularizerName | null {
  if (!r || (r.l1 === 0 && r.l2 === 0)) return null;
  if (r.l1 !== 0 && r.l2 !== 0) return "l1l2";
  return r.l1 !== 0 ? "l1" : "l2";
}

const GENERAL_NOTE =
  "L1 and L2 only penalize large weights; they do not stop weights from becoming 'too small' (000:L361), and 'gradient-based regularization' (000:L359) is a misnomer: the penalty is added to the loss.";

// Checked against tfjs 4.22: fit's loss includes the penalty, val_loss and evaluate() do not.
const LOSS_NOTE =
  "tfjs adds the penalty to the training loss that fit reports but not to val_loss or evaluate(), so with a regularizer the two losses are not directly comparable.";

export const REGULARIZERS: Record<RegularizerName, RegularizerInfo> = {
  l1: {
    title: "L1 (Lasso)",
    formula: "Omega(w) = l1 * sum_i |w_i|",
    gradient: "l1 * sign(w_i) (a subgradient; 0 at w_i = 0)",
    defaults: { l1: 0.01, l2: 0 },
    tfjs: "tf.regularizers.l1({ l1 })",
    whenToUse:
      "When many weights should become exactly 0 (feature selection); as an activity regularizer for sparse autoencoders.",
    aliases: ["lasso", "l1 penalty", "sparsity", "manhattan"],
    notes: [
      "The L1 gradient has the same size l1 however small |w| is, so small weights are pushed all the way to 0; the L2 gradient 2 l2 w shrinks with w, so L2 weights get small but rarely exactly 0.",
      "LASSO stands for Least Absolute Shrinkage and Selection Operator (004 L1561 drops 'Shrinkage'). Its cost is sum_i (y_i - sum_j beta_j x_ij)^2 + lambda sum_j |beta_j|: the penalty is added to the error, not equated with it (004 L1569). It is used for feature selection, not extraction, and it shrinks the weights, not the coefficient lambda (004 L3477).",
      "The L1 norm is sum |w_i| (written ||w||_1), not ||w|| (004 L3481). regularizers.l1(10e-5) in 004 L3528 is 1e-4, not 1e-5.",
      GENERAL_NOTE,
      LOSS_NOTE,
    ],
  },
  l2: {
    title: "L2 (Ridge, weight decay)",
    formula: "Omega(w) = l2 * sum_i w_i^2 (no 1/2 factor, as in tfjs and Keras)",
    gradient: "2 * l2 * w_i",
    defaults: { l1: 0, l2: 0.01 },
    tfjs: "tf.regularizers.l2({ l2 })",
    whenToUse:
      "The general-purpose penalty on large weights for Dense and Conv kernels; the most common explicit regularizer.",
    aliases: ["ridge", "weight decay", "tikhonov", "l2 penalty"],
    notes: [
      "L2 is weight decay under plain SGD: the gradient of L + l2 sum w^2 is dL/dw + 2 l2 w, so each step w <- (1 - 2 lr l2) w - lr dL/dw first shrinks every weight by the factor (1 - 2 lr l2). Textbooks that write (lambda / 2) sum w^2 (Goodfellow et al. 7.1.1) get (1 - lr lambda): the same with lambda = 2 l2. With adaptive optimizers (Adam, RMSProp) the penalty's gradient is rescaled too, so it is no longer a uniform decay; decoupled weight decay (AdamW) is a different method.",
      "002:L671-675's L_reg = L + lambda sum W^2 matches tfjs: with L = 0.5, W = (1, -2) and lambda = 0.01, L_reg = 0.5 + 0.01 * 5 = 0.55.",
      "004 lost Ridge's equation in a figure: Cost = sum_i (y_i - sum_j beta_j x_ij)^2 + lambda sum_j beta_j^2.",
      GENERAL_NOTE,
      LOSS_NOTE,
    ],
  },
  l1l2: {
    title: "L1 + L2 (Elastic net)",
    formula: "Omega(w) = l1 * sum_i |w_i| + l2 * sum_i w_i^2",
    gradient: "l1 * sign(w_i) + 2 * l2 * w_i",
    defaults: { l1: 0.01, l2: 0.01 },
    tfjs: "tf.regularizers.l1l2({ l1, l2 })",
    whenToUse: "Sparsity with L2's stability, e.g. many correlated inputs where L1 alone picks one arbitrarily.",
    aliases: ["elastic net", "l1_l2"],
    notes: [GENERAL_NOTE, LOSS_NOTE],
  },
};
