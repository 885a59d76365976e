import * as tf from "@tensorflow/tfjs";
import type { OptimizerConfig } from "../../../shared/training/config";
import { FusedAdam } from "./fused-adam";
import { Adadelta, CenteredRMSProp } from "./optimizer-classes";

/**
 * tfjs optimizers from the training config. tfjs' own forms, checked against the textbook ones in
 * optimizers.test.ts:
 * - momentum: accum = m·accum + g; w -= lr·accum. Keras writes v = m·v - lr·g; w += v; at a constant
 *   rate these are the same (v = -lr·accum). After a rate change tfjs rescales the whole velocity.
 * - nesterov: w -= lr·(g + m·accum_new), Keras' nesterov form.
 * - adagrad: the accumulator starts at initialAccumulatorValue (Keras' 0.1; the notes' formula is 0).
 * - rmsprop (not centered): lr·g / sqrt(ms + eps), as Keras. Centered and adadelta are NetForge's own
 *   classes (optimizer-classes.ts) because tfjs computes them wrongly.
 * - adam: textbook bias-corrected m̂ / (sqrt(v̂) + eps).
 * - perceptron: plain SGD at the given rate. A Perceptron block (zero-gradient step) is trained by
 *   run/perceptron.ts's explicit rule; through a straight-through step, SGD on the perceptron criterion
 *   (losses.trainingLoss) applies the same rule (step.test.ts, G-21).
 * Whoever creates an optimizer owns it: model.dispose() does not dispose it (call disposeOptimizer).
 */
export function createOptimizer(o: OptimizerConfig, learningRate: number): tf.Optimizer {
  switch (o.type) {
    case "sgd":
    case "perceptron":
      return tf.train.sgd(learningRate);
    case "momentum":
    case "nesterov":
      return tf.train.momentum(learningRate, o.momentum, o.type === "nesterov");
    case "adagrad":
      return tf.train.adagrad(learningRate, o.initialAccumulatorValue);
    case "adadelta":
      return new Adadelta(learningRate, o.rho, o.epsilon);
    case "rmsprop":
      return o.centered
        ? new CenteredRMSProp(learningRate, o.decay, o.momentum, o.epsilon)
        : tf.train.rmsprop(learningRate, o.decay, o.momentum, o.epsilon, false);
    case "adam":
      // tfjs' Adam with one kernel per weight update (fused-adam.ts): ~5 ms -> ~1 ms per MLP step on wasm.
      return new FusedAdam(learningRate, o.beta1, o.beta2, o.epsilon);
    case "adamax":
      return tf.train.adamax(learningRate, o.beta1, o.beta2, o.epsilon, 0);
  }
}

interface WithRate {
  learningRate: number;
  setLearningRate?: (lr: number) => void;
}

/**
 * Changes the rate of any optimizer for the next steps. SGD and Momentum keep a cached -lr scalar
 * (`c`) that only setLearningRate() refreshes; the others read their `learningRate` field every step.
 * (Not `instanceof SGDOptimizer`: tfjs' Optimizer[Symbol.hasInstance] is duck-typed and inherited,
 * so every optimizer is an instance of every optimizer class.)
 */
export function setLearningRate(opt: tf.Optimizer, lr: number): void {
  if (!(Number.isFinite(lr) && lr >= 0)) throw new Error(`learning rate must be a finite number >= 0; received ${lr}`);
  const o = opt as unknown as WithRate;
  if (typeof o.setLearningRate === "function") o.setLearningRate(lr);
  else if (typeof o.learningRate === "number") o.learningRate = lr;
  else throw new Error(`cannot set the learning rate of ${opt.getClassName()}`);
}

export function getLearningRate(opt: tf.Optimizer): number {
  return (opt as unknown as WithRate).learningRate;
}

/**
 * Frees the optimizer's slots (moments, accumulators) and cached scalars. tfjs' Momentum.dispose()
 * forgets the -lr scalar it inherits from SGD (one tensor per optimizer), so that one is freed here.
 */
export function disposeOptimizer(opt: tf.Optimizer): void {
  const cached = (opt as unknown as { c?: tf.Tensor }).c;
  opt.dispose();
  if (cached && !cached.isDisposed) cached.dispose();
}
