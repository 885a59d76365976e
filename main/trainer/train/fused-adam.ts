import * as tf from "@tensorflow/tfjs";
import { ADAM_UPDATE } from "../kernels/adam";

/** tfjs-core's NamedTensor, which the tfjs umbrella package does not re-export. */
type NamedTensor = { name: string; tensor: tf.Tensor };

/** tfjs' AdamOptimizer fields this class reads (protected in its typings). */
interface AdamState {
  accBeta1: tf.Variable;
  accBeta2: tf.Variable;
  accumulatedFirstMoment: ({ originalName: string; variable: tf.Variable } | undefined)[];
  accumulatedSecondMoment: ({ originalName: string; variable: tf.Variable } | undefined)[];
  learningRate: number;
  beta1: number;
  beta2: number;
  epsilon: number;
}

/**
 * tfjs' Adam with each weight's update as ONE kernel (kernels/adam.ts) where the backend has it
 * (cpu, wasm); elsewhere (tfjs-node) tfjs' own applyGradients. Same slots, slot order and
 * accBeta bookkeeping as tfjs' AdamOptimizer, so getWeights/setWeights, dispose and the class
 * name ("Adam") are inherited unchanged.
 */
export class FusedAdam extends tf.AdamOptimizer {
  override applyGradients(variableGradients: tf.NamedTensorMap | NamedTensor[]): void {
    if (!tf.getKernel(ADAM_UPDATE, tf.getBackend())) {
      // tfjs' AdamOptimizer types its parameter as NamedVariableMap; it reads plain tensors.
      super.applyGradients(variableGradients as Parameters<tf.AdamOptimizer["applyGradients"]>[0]);
      return;
    }
    const s = this as unknown as AdamState;
    const names = Array.isArray(variableGradients)
      ? variableGradients.map((v) => v.name)
      : Object.keys(variableGradients);
    // The bias corrections as tfjs computes them: 1 - accBeta in float32 (scalar reads are cheap
    // on the cpu backends this path runs on).
    const correction1 = 1 - s.accBeta1.dataSync()[0];
    const correction2 = 1 - s.accBeta2.dataSync()[0];
    tf.tidy(() => {
      names.forEach((name, i) => {
        const value = tf.engine().registeredVariables[name];
        const slot = (list: AdamState["accumulatedFirstMoment"], suffix: string) => {
          if (list[i] == null) {
            list[i] = {
              originalName: `${name}/${suffix}`,
              variable: tf.tidy(() => tf.zerosLike(value).variable(false)),
            };
          }
          return (list[i] as { variable: tf.Variable }).variable;
        };
        const m = slot(s.accumulatedFirstMoment, "m");
        const v = slot(s.accumulatedSecondMoment, "v");
        const gradient = Array.isArray(variableGradients) ? variableGradients[i].tensor : variableGradients[name];
        if (gradient == null) return;
        const attrs = {
          learningRate: s.learningRate,
          beta1: s.beta1,
          beta2: s.beta2,
          epsilon: s.epsilon,
          correction1,
          correction2,
        };
        const [w1, m1, v1] = tf
          .engine()
          .runKernel(ADAM_UPDATE, { value, gradient, m, v }, attrs as never) as tf.Tensor[];
        m.assign(m1);
        v.assign(v1);
        value.assign(w1);
      });
      s.accBeta1.assign(tf.mul(s.accBeta1, s.beta1));
      s.accBeta2.assign(tf.mul(s.accBeta2, s.beta2));
    });
    this.incrementIterations();
  }
}
