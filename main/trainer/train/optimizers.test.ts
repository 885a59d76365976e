import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { OPTIMIZER_TYPES, OptimizerSchema } from "../../../shared/training/config";
import { useBackend } from "../testing/tf-setup";
import { Adadelta, CenteredRMSProp } from "./optimizer-classes";
import { createOptimizer, disposeOptimizer, getLearningRate, setLearningRate } from "./optimizers";

/** A one-element variable (tf.variable keeps its own reference, so the initial tensor is freed). */
const variable = (v: number, name?: string) => tf.tidy(() => tf.variable(tf.tensor1d([v]), true, name));

/** Applies the scalar gradients one step at a time to a weight starting at w0; returns the weights after each step. */
function trace(opt: tf.Optimizer, grads: number[], w0 = 0): number[] {
  const w = variable(w0);
  const out: number[] = [];
  for (const g of grads) {
    const gt = tf.tensor1d([g]);
    opt.applyGradients({ [w.name]: gt });
    gt.dispose();
    out.push(w.dataSync()[0]);
  }
  w.dispose();
  return out;
}

/** float32 arithmetic: agree to a few units in the 7th significant digit. */
function expectClose(actual: number[], expected: number[], rel = 2e-6) {
  expect(actual.length).toBe(expected.length);
  actual.forEach((a, i) => {
    expect(Math.abs(a - expected[i]), `step ${i + 1}: ${a} vs ${expected[i]}`).toBeLessThanOrEqual(
      rel * Math.max(1e-3, Math.abs(expected[i])),
    );
  });
}

const opt = (raw: Record<string, unknown>, lr: number) => createOptimizer(OptimizerSchema.parse(raw), lr);
const G = [1, 2, 2];

describe.each(["cpu", "wasm"] as const)("optimizers on %s", (backend) => {
  beforeAll(() => useBackend(backend));

  it("G-14 Adagrad, alpha 0.1, gradients 1, 2, 2: tfjs' 0.1 start gives lr' 0.033150, a zero start 0.033333", () => {
    const tfjsDefault = opt({ type: "adagrad" }, 0.1);
    const w = trace(tfjsDefault, G);
    // Hand reference: accumulators 1.1, 5.1, 9.1.
    expectClose(w, [
      -0.1 / Math.sqrt(1.1),
      -0.1 / Math.sqrt(1.1) - 0.2 / Math.sqrt(5.1),
      -0.1 / Math.sqrt(1.1) - 0.2 / Math.sqrt(5.1) - 0.2 / Math.sqrt(9.1),
    ]);
    expect((w[1] - w[2]) / 2).toBeCloseTo(0.03315, 5); // effective rate of step 3
    const notes = opt({ type: "adagrad", initialAccumulatorValue: 0 }, 0.1);
    const v = trace(notes, G);
    expectClose(v, [-0.1, -0.1 - 0.2 / Math.sqrt(5), -0.1 - 0.2 / Math.sqrt(5) - 0.2 / 3]);
    expect((v[1] - v[2]) / 2).toBeCloseTo(0.033333, 6);
    disposeOptimizer(tfjsDefault);
    disposeOptimizer(notes);
  });

  it("G-15 RMSProp form, gamma 0.95, alpha 0.1, gradients 1, 2, 2: E = 0.435125, lr' = 0.151598", () => {
    const rms = opt({ type: "rmsprop", decay: 0.95, momentum: 0 }, 0.1);
    const w = trace(rms, G);
    const E = [0.05, 0.2475, 0.435125];
    const ref: number[] = [];
    E.reduce((acc, e, i) => {
      const next = acc - (0.1 * G[i]) / Math.sqrt(e + 1e-7);
      ref.push(next);
      return next;
    }, 0);
    expectClose(w, ref);
    expect((w[1] - w[2]) / 2).toBeCloseTo(0.151598, 5);
    disposeOptimizer(rms);
  });

  it("G-22 momentum: v = 0.9v - 0.1g, W += v with g = 1 gives W = -0.1, -0.29, -0.561 (tfjs' accum form agrees)", () => {
    const m = opt({ type: "momentum", momentum: 0.9 }, 0.1);
    expectClose(trace(m, [1, 1, 1]), [-0.1, -0.29, -0.561]);
    disposeOptimizer(m);
    // Any gradient sequence at a constant rate: Keras' velocity form equals tfjs' accumulator form.
    const grads = [0.5, -1.5, 2, 0.25];
    const keras = (nesterov: boolean) => {
      let v = 0;
      let w = 0;
      return grads.map((g) => {
        v = 0.9 * v - 0.1 * g;
        w += nesterov ? 0.9 * v - 0.1 * g : v;
        return w;
      });
    };
    const mo = opt({ type: "momentum", momentum: 0.9 }, 0.1);
    const ne = opt({ type: "nesterov", momentum: 0.9 }, 0.1);
    expectClose(trace(mo, grads), keras(false));
    expectClose(trace(ne, grads), keras(true));
    disposeOptimizer(mo);
    disposeOptimizer(ne);
  });

  it("Adam and Adamax follow Kingma & Ba's algorithms (bias-corrected)", () => {
    const grads = [0.5, -2, 1];
    const [lr, b1, b2, eps] = [0.01, 0.9, 0.999, 1e-7];
    const adamRef = (max: boolean) => {
      let [m, v, w] = [0, 0, 0];
      return grads.map((g, i) => {
        const t = i + 1;
        m = b1 * m + (1 - b1) * g;
        if (max) {
          v = Math.max(b2 * v, Math.abs(g));
          w -= (lr / (1 - b1 ** t)) * (m / (v + eps));
        } else {
          v = b2 * v + (1 - b2) * g * g;
          w -= (lr * (m / (1 - b1 ** t))) / (Math.sqrt(v / (1 - b2 ** t)) + eps);
        }
        return w;
      });
    };
    const adam = opt({ type: "adam" }, lr);
    const w = trace(adam, grads);
    // tfjs keeps beta^t in float32 (1 - 0.999f = 0.00099998713), hence 1e-5 relative, not 1e-7.
    expect(w[0]).toBeCloseTo(-lr * (0.5 / (0.5 + eps)), 6); // one step: -lr·g/(|g| + eps)
    expectClose(w, adamRef(false), 1e-5);
    const adamax = opt({ type: "adamax" }, lr);
    expectClose(trace(adamax, grads), adamRef(true), 1e-5);
    disposeOptimizer(adam);
    disposeOptimizer(adamax);
  });

  it("tfjs' centered RMSProp gives NaN; NetForge's follows sqrt(ms - mg² + eps)", () => {
    // A zero first gradient makes ms - mg² = 0, and tfjs takes sqrt(0 - eps).
    const broken = tf.train.rmsprop(0.01, 0.9, 0.9, undefined, true);
    expect(trace(broken, [0, 1]).every(Number.isNaN)).toBe(true);
    broken.dispose();

    const grads = [0, 1, -0.5, 2, 2];
    const [lr, rho, mu, eps] = [0.01, 0.9, 0.9, 1e-7];
    let [ms, mg, mom, w] = [0, 0, 0, 0];
    const ref = grads.map((g) => {
      ms = rho * ms + (1 - rho) * g * g;
      mg = rho * mg + (1 - rho) * g;
      mom = mu * mom + (lr * g) / Math.sqrt(ms - mg * mg + eps);
      w -= mom;
      return w;
    });
    const fixed = opt({ type: "rmsprop", decay: rho, momentum: mu, centered: true }, lr);
    expect(fixed).toBeInstanceOf(CenteredRMSProp);
    expectClose(trace(fixed, grads), ref, 1e-5);
    disposeOptimizer(fixed);
  });

  it("Adadelta follows Zeiler's rule (tfjs' own takes a first step of lr·g)", () => {
    const [lr, rho, eps] = [1, 0.95, 1e-6];
    const stock = tf.train.adadelta(lr, rho, eps);
    expect(trace(stock, [1])[0]).toBeCloseTo(-1, 5); // sqrt(eps)/sqrt(0 + eps)·g: the old RMS
    stock.dispose();
    const grads = [1, 2, -1];
    let [eg, edx, w] = [0, 0, 0];
    const ref = grads.map((g) => {
      eg = rho * eg + (1 - rho) * g * g;
      const d = (Math.sqrt(edx + eps) / Math.sqrt(eg + eps)) * g;
      edx = rho * edx + (1 - rho) * d * d;
      w -= lr * d;
      return w;
    });
    const ours = opt({ type: "adadelta", rho, epsilon: eps }, lr);
    expect(ours).toBeInstanceOf(Adadelta);
    expectClose(trace(ours, grads), ref, 1e-5);
    disposeOptimizer(ours);
  });

  it("setLearningRate works for every optimizer (rate 0 freezes the weight, then it moves again)", () => {
    for (const type of OPTIMIZER_TYPES) {
      const before = tf.memory().numTensors;
      const o = opt({ type }, 0.1);
      const w = variable(1);
      const step = () => tf.tidy(() => o.applyGradients({ [w.name]: tf.tensor1d([0.5]) }));
      step();
      const moved = w.dataSync()[0];
      expect(moved, type).not.toBe(1);
      setLearningRate(o, 0);
      expect(getLearningRate(o)).toBe(0);
      step();
      expect(w.dataSync()[0], `${type} moved at rate 0`).toBe(moved);
      setLearningRate(o, 0.1);
      step();
      expect(w.dataSync()[0], type).not.toBe(moved);
      w.dispose();
      disposeOptimizer(o);
      expect(tf.memory().numTensors, `${type} leaks after dispose`).toBe(before);
    }
    const sgd = opt({ type: "sgd" }, 0.1);
    setLearningRate(sgd, 0.5);
    expectClose(trace(sgd, [2], 1), [0]);
    disposeOptimizer(sgd);
    expect(() => setLearningRate(sgd, Number.NaN)).toThrow("learning rate must be a finite number >= 0");
  });

  it("NetForge's optimizers save and restore their slots", async () => {
    const a = new CenteredRMSProp(0.01, 0.9, 0.5);
    const w = variable(1, `${backend}_dense/kernel`); // slot names split at the last "/"
    tf.tidy(() => a.applyGradients({ [w.name]: tf.tensor1d([0.5]) }));
    const saved = await a.getWeights();
    const b = new CenteredRMSProp(0.01, 0.9, 0.5);
    await b.setWeights(saved.map((s) => ({ name: s.name, tensor: s.tensor.clone() })));
    const snapshot = w.dataSync()[0];
    tf.tidy(() => a.applyGradients({ [w.name]: tf.tensor1d([0.3]) }));
    const afterA = w.dataSync()[0];
    w.assign(tf.tensor1d([snapshot]));
    tf.tidy(() => b.applyGradients({ [w.name]: tf.tensor1d([0.3]) }));
    expect(w.dataSync()[0]).toBe(afterA);
    expect(b.iterations).toBe(2); // restored 1, then one step
    for (const s of saved) if (s.name === "iter") s.tensor.dispose();
    a.dispose();
    b.dispose();
    w.dispose();
  });
});
