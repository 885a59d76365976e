import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { ADAM_UPDATE } from "../kernels/adam";
import { normalValues, seededRandom } from "../testing/gradcheck";
import { useBackend } from "../testing/tf-setup";
import { FusedAdam } from "./fused-adam";
import { createOptimizer, disposeOptimizer, setLearningRate } from "./optimizers";

/**
 * FusedAdam (one kernel per weight) against tfjs' AdamOptimizer on the same gradients, on both
 * backends: weights after several steps within 1e-5 of the largest value (wasm: bit-identical in
 * practice, the SIMD loop does tfjs' float32 ops in tfjs' order), across a rate change, with the
 * same slot names and a state that transfers through getWeights/setWeights.
 */

const SHAPES = [[37, 13], [7], [3, 5], [1]];

function trace(make: (lr: number) => tf.Optimizer, steps: number): { weights: Float32Array[]; slots: string[] } {
  const rng = seededRandom(5);
  const vars = SHAPES.map((s, i) =>
    tf.tidy(() => tf.variable(tf.tensor(normalValues(s, rng), s), true, `w${i}_${make.name}`)),
  );
  const opt = make(0.01);
  for (let step = 0; step < steps; step++) {
    if (step === 3) setLearningRate(opt, 0.003);
    const grads = Object.fromEntries(vars.map((v, i) => [v.name, tf.tensor(normalValues(SHAPES[i], rng), SHAPES[i])]));
    opt.applyGradients(grads);
    tf.dispose(Object.values(grads));
  }
  const weights = vars.map((v) => Float32Array.from(v.dataSync()));
  const slots = (opt as unknown as { accumulatedFirstMoment: { originalName: string }[] }).accumulatedFirstMoment.map(
    (s) => s.originalName.replace(/_.*\//, "/"),
  );
  disposeOptimizer(opt);
  tf.dispose(vars);
  return { weights, slots };
}

const stock = (lr: number) => tf.train.adam(lr, 0.9, 0.999, 1e-7);
const fused = (lr: number) => new FusedAdam(lr, 0.9, 0.999, 1e-7);

describe.each(["cpu", "wasm"] as const)("FusedAdam on %s", (backend) => {
  beforeAll(() => useBackend(backend));

  it("runs its kernel here", () => {
    expect(tf.getKernel(ADAM_UPDATE, backend)).toBeDefined();
    const opt = createOptimizer({ type: "adam", beta1: 0.9, beta2: 0.999, epsilon: 1e-7 }, 0.01);
    expect(opt).toBeInstanceOf(FusedAdam);
    expect(opt.getClassName()).toBe("Adam");
    disposeOptimizer(opt);
  });

  it("follows tfjs' Adam over 6 steps and a rate change", () => {
    const before = tf.memory().numTensors;
    const a = trace(stock, 6);
    const b = trace(fused, 6);
    expect(b.slots).toEqual(a.slots);
    a.weights.forEach((w, i) => {
      const scale = Math.max(...Array.from(w, Math.abs));
      const diff = Math.max(...Array.from(w, (v, j) => Math.abs(v - b.weights[i][j])));
      expect(diff / scale).toBeLessThan(1e-5);
      // and the weights moved: the comparison can fail
      expect(scale).toBeGreaterThan(0);
    });
    expect(tf.memory().numTensors).toBe(before);
  });

  it("continues from tfjs' Adam state (getWeights -> setWeights) as tfjs' Adam does", async () => {
    const v1 = tf.variable(tf.tensor([1, -2, 3]), true, `adam_state_a_${backend}`);
    const v2 = tf.variable(tf.tensor([1, -2, 3]), true, `adam_state_b_${backend}`);
    const g = tf.tensor([0.5, 0.25, -1]);
    const first = stock(0.1);
    first.applyGradients({ [v1.name]: g } as never);
    v2.assign(v1);
    const state = await first.getWeights();
    const [a, b] = [stock(0.1), fused(0.1)];
    await a.setWeights(state.map((s) => ({ ...s, name: s.name.replace(v1.name, v1.name) })));
    await b.setWeights(state.map((s) => ({ ...s, name: s.name.replace(v1.name, v2.name) })));
    a.applyGradients({ [v1.name]: g } as never);
    b.applyGradients({ [v2.name]: g });
    expect(Array.from(v2.dataSync())).toEqual(Array.from(v1.dataSync()).map((x) => expect.closeTo(x, 6)));
    for (const o of [first, a, b]) disposeOptimizer(o);
    tf.dispose([v1, v2, g]);
  });
});
