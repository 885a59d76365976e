import { z } from "zod";

/**
 * The debugging checks a user runs on their own model (issue 16, items 5 and 6): what the trainer
 * answers, the host passes on, the CLI prints and the Train tab shows.
 */

/**
 * Gradient-check verdict thresholds on the relative error |a - n| / max(|a|, |n|, floor):
 * pass when every entry is within PASS, fail when the worst is above SUSPICIOUS in more than one
 * entry (one entry alone can be a ReLU kink crossed by the finite difference), suspicious between.
 */
export const GRADCHECK_PASS = 1e-2;
export const GRADCHECK_SUSPICIOUS = 1e-1;
/** Overfitting succeeded when the loss fell to this fraction of its starting value. */
export const OVERFIT_TARGET_RATIO = 1e-2;

export const GradVerdictSchema = z.enum(["pass", "suspicious", "fail"]);
export type GradVerdict = z.infer<typeof GradVerdictSchema>;

export const GradTensorReportSchema = z.object({
  /** The graph node (layer block) the weight belongs to. */
  node: z.string(),
  /** The weight's name in tfjs (kernel, bias, recurrent_kernel, ...). */
  weight: z.string(),
  shape: z.array(z.number().int()),
  /** Entries compared (a seeded sample of a big tensor). */
  checked: z.number().int(),
  /** The finite-difference step used for this tensor. */
  epsilon: z.number(),
  maxRelError: z.number(),
  /** Largest |numeric gradient| seen: near zero, the check says little about this tensor. */
  maxGradient: z.number(),
  verdict: GradVerdictSchema,
});

export const GradCheckReportSchema = z.object({
  verdict: GradVerdictSchema,
  samples: z.number().int(),
  /** Which weights were checked: a fresh initialization, or a run's trained ones. */
  weights: z.enum(["fresh", "trained"]),
  /** The loss at the checked weights, in inference mode. */
  loss: z.number(),
  tensors: z.array(GradTensorReportSchema),
  /** How the check was done, in words (thresholds, epsilon, sampling, inference mode). */
  method: z.string(),
});
export type GradCheckReport = z.infer<typeof GradCheckReportSchema>;
export type GradTensorReport = z.infer<typeof GradTensorReportSchema>;

export const OverfitReportSchema = z.object({
  learned: z.boolean(),
  samples: z.number().int(),
  steps: z.number().int(),
  maxSteps: z.number().int(),
  startLoss: z.number(),
  finalLoss: z.number(),
  /** The loss every few steps, for a small curve. */
  curve: z.array(z.object({ step: z.number().int(), loss: z.number() })),
  /** The verdict in one sentence, e.g. "learned the batch (loss 1.2 -> 0.0003 in 180 steps)". */
  message: z.string(),
});
export type OverfitReport = z.infer<typeof OverfitReportSchema>;
