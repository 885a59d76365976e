import { multipleOutputsError } from "../../../shared/training/outputs";
import type { Compiled } from "../compile/compile";
import { RunError } from "./run-error";

/**
 * What a valid graph still needs before the trainer can train it, checked once it is compiled and
 * before any data is read: one output (E_TRAIN_OUTPUTS) and at least one trainable weight (a graph
 * of weightless layers, or one whose weights are all frozen, has nothing to learn; tfjs would fail
 * at the first gradient with "variableGrads() expects at least one of the input variables to be
 * trainable").
 */
export function assertTrainable(compiled: Compiled, what = "the model"): void {
  const outputs = multipleOutputsError(compiled.analysis);
  if (outputs) throw new RunError(outputs.code, outputs.message);
  if (compiled.model.trainableWeights.length === 0) {
    throw new RunError(
      "E_NO_TRAINABLE_WEIGHTS",
      `${what} has no trainable weights, so training has nothing to learn; add a layer with weights (Dense, Conv2D, ...) or unfreeze one`,
    );
  }
}
