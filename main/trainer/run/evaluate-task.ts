import type { EvaluationTask } from "../../../shared/evaluation/report";
import { accuracyKind, type TrainingConfig } from "../../../shared/training/config";

export interface TaskFacts {
  gan: boolean;
  inputs: number;
  outputs: number;
  /** The output's shape per sample (batch excluded). */
  outputShape: readonly (number | null)[];
  /** The targets are the inputs (checked on the first batch): an autoencoder. */
  targetsAreInputs: boolean;
  /** Every target is 0 or 1 (binary labels under a regression loss, e.g. the perceptron's). */
  zeroOneTargets: boolean;
  /** The data is sentence pairs (a seq2seq model scored per target step). */
  sequence: boolean;
}

/**
 * Which report a run gets, from what it was trained for: the loss names the label format
 * (crossentropies: classes; squared and absolute errors: values), the output's shape says how
 * many classes, and the data tells autoencoders (targets = inputs) apart.
 */
export function detectTask(config: TrainingConfig, f: TaskFacts): { task: EvaluationTask; reason?: string } {
  if (f.gan) return { task: "gan" };
  if (f.outputs !== 1) return { task: "other", reason: `the model has ${f.outputs} outputs; the views expect one` };
  if (f.sequence) return { task: "sequence" };
  if (f.targetsAreInputs) return { task: "autoencoder" };
  const kind = accuracyKind(config.loss);
  const units = f.outputShape.at(-1) ?? 1;
  const rank = f.outputShape.length;
  const crossEntropy = /Crossentropy$/.test(config.loss.type);
  if (kind !== "binary") {
    if (rank === 1 && units > 1) return { task: "classification" };
    return {
      task: "other",
      reason: `a ${config.loss.type} loss on an output of shape (${f.outputShape.join(", ")}) predicts classes per position; the class views expect one prediction per sample`,
    };
  }
  const binaryLoss = crossEntropy || config.loss.type === "hinge" || config.loss.type === "squaredHinge";
  // A regression loss on one unit trained with an accuracy metric on 0/1 targets is a classifier
  // (the perceptron rule, an MSE-trained logistic unit): its user thinks in classes.
  const binaryByIntent = config.metrics.includes("accuracy") && f.zeroOneTargets;
  if (rank === 1 && units === 1 && (binaryLoss || binaryByIntent)) return { task: "binary" };
  if (binaryLoss) {
    return {
      task: "other",
      reason: `a ${config.loss.type} loss on ${units} units is multi-label classification; the views expect one binary or one multi-class output`,
    };
  }
  return { task: "regression" };
}
