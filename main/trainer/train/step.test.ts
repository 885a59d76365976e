import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { OptimizerSchema } from "../../../shared/training/config";
import { useBackend } from "../testing/tf-setup";
import { halfSumSquaredError, type LossFn, lossFunction, trainingLoss } from "./losses";
import { createOptimizer, disposeOptimizer } from "./optimizers";
import { trainStep } from "./step";

/** input [n] -> Dense layers with the given activations; weights set from [kernel, bias] pairs. */
function mlp(
  n: number,
  layers: { units: number; activation?: "sigmoid" | "linear"; useBias?: boolean; l1?: number; l2?: number }[],
) {
  const input = tf.input({ shape: [n] });
  let x: tf.SymbolicTensor = input;
  const dense = layers.map((l) =>
    tf.layers.dense({
      units: l.units,
      activation: l.activation ?? "linear",
      useBias: l.useBias ?? true,
      kernelRegularizer: l.l1 || l.l2 ? tf.regularizers.l1l2({ l1: l.l1 ?? 0, l2: l.l2 ?? 0 }) : undefined,
    }),
  );
  for (const d of dense) x = d.apply(x) as tf.SymbolicTensor;
  return { model: tf.model({ inputs: input, outputs: x }), dense };
}

const read = (d: tf.layers.Layer, i = 0) => Array.from(d.getWeights()[i].dataSync());
const sgd = (lr: number) => createOptimizer({ type: "sgd" }, lr);

describe.each(["cpu", "wasm"] as const)("trainStep on %s", (backend) => {
  beforeAll(() => useBackend(backend));

  it("D3, the 2-2-2 backprop example: one SGD step at lr 0.5 on half the summed squared error", () => {
    const { model, dense } = mlp(2, [
      { units: 2, activation: "sigmoid" },
      { units: 2, activation: "sigmoid" },
    ]);
    // tfjs kernels are [inputs, units]: column j holds the weights into unit j.
    // h1 = σ(w1 i1 + w2 i2 + b1), h2 = σ(w3 i1 + w4 i2 + b1) -> [[w1, w3], [w2, w4]].
    dense[0].setWeights([
      tf.tensor2d([
        [0.15, 0.25],
        [0.2, 0.3],
      ]),
      tf.tensor1d([0.35, 0.35]),
    ]);
    // o1 = σ(w5 h1 + w6 h2 + b2), o2 = σ(w7 h1 + w8 h2 + b2) -> [[w5, w7], [w6, w8]].
    dense[1].setWeights([
      tf.tensor2d([
        [0.4, 0.5],
        [0.45, 0.55],
      ]),
      tf.tensor1d([0.6, 0.6]),
    ]);
    const xs = tf.tensor2d([[0.05, 0.1]]);
    const ys = tf.tensor2d([[0.01, 0.99]]);
    // Biases are not updated in the example: train the kernels only.
    const kernels = dense.map((d) => d.trainableWeights[0].read() as tf.Variable);

    const g = tf.variableGrads(() => halfSumSquaredError(ys, model.apply(xs) as tf.Tensor), kernels);
    const dw5 = g.grads[kernels[1].name].dataSync()[0];
    tf.dispose([g.value, g.grads]);

    const opt = sgd(0.5);
    const r = trainStep(model, opt, xs, ys, { loss: halfSumSquaredError, variables: kernels });
    // The weights agree to 1e-7 relative (measured: at most 8.7e-8). The gradient is compared with a
    // float32-aware bound, 4 units of float32 rounding (4·2^-24 = 2.4e-7 relative): wasm's dE/dw5 is
    // 0.0821670294 (1.4e-7 off), cpu's 0.0821670443 (4e-8).
    const near = (actual: number, expected: number, what: string, rel = 1e-7) =>
      expect(Math.abs(actual - expected), `${what}: ${actual} vs ${expected}`).toBeLessThanOrEqual(
        rel * Math.abs(expected),
      );
    near(dw5, 0.082167041, "dE/dw5", 4 * 2 ** -24);
    expect(r.dataLoss).toBeCloseTo(0.298371109, 6);
    const [w1, w3, w2, w4] = read(dense[0]);
    const [w5, w7, w6, w8] = read(dense[1]);
    const got = { w1, w2, w3, w4, w5, w6, w7, w8 };
    const expected = {
      w1: 0.149780716,
      w2: 0.199561432,
      w3: 0.249751144,
      w4: 0.299502287,
      w5: 0.35891648,
      w6: 0.408666186,
      w7: 0.51130127,
      w8: 0.561370121,
    };
    for (const [k, v] of Object.entries(expected)) near(got[k as keyof typeof got], v, k);
    expect(read(dense[0], 1)).toEqual([0.3499999940395355, 0.3499999940395355]); // float32(0.35), untouched
    tf.dispose([xs, ys]);
    disposeOptimizer(opt);
    model.dispose();
  });

  it("L2 and L1 kernel penalties reach the gradient (G-19: 0.5 + 0.01·5 = 0.55)", () => {
    const zeroData: LossFn = (_y, p) => tf.add(0.5, tf.mul(0, tf.sum(p))) as tf.Scalar;
    for (const [reg, lambda, expectedW, penalty] of [
      ["l2", 0.01, [1 - 0.02, -2 + 0.04], 0.05], // W - lr·2λW
      ["l1", 0.1, [1 - 0.1, -2 + 0.1], 0.3], // W - lr·λ·sign(W)
    ] as const) {
      const { model, dense } = mlp(2, [{ units: 1, useBias: false, [reg]: lambda }]);
      dense[0].setWeights([tf.tensor2d([[1], [-2]])]);
      const opt = sgd(1);
      const x = tf.tensor2d([[1, 1]]);
      const r = trainStep(model, opt, x, tf.zeros([1, 1]), { loss: zeroData });
      expect(r.regularizationLoss).toBeCloseTo(penalty, 6);
      expect(r.loss).toBeCloseTo(0.5 + penalty, 6);
      for (const [i, w] of read(dense[0]).entries()) expect(w, `${reg} w${i}`).toBeCloseTo(expectedW[i], 6);
      tf.dispose(x);
      disposeOptimizer(opt);
      model.dispose();
    }
  });

  it("extra loss terms (a VAE's KL) reach the gradient like a term of the loss", () => {
    const run = (withExtra: boolean) => {
      const { model, dense } = mlp(2, [{ units: 2, useBias: false }]);
      dense[0].setWeights([
        tf.tensor2d([
          [0.5, -1],
          [2, 0.25],
        ]),
      ]);
      const mse = lossFunction({ type: "meanSquaredError" });
      const term = (p: tf.Tensor) => tf.mul(0.5, tf.sum(tf.square(p))) as tf.Scalar;
      const opt = sgd(0.1);
      const [x, y] = [tf.tensor2d([[1, 2]]), tf.tensor2d([[0, 1]])];
      const r = withExtra
        ? trainStep(model, opt, x, y, { loss: mse, extraLosses: ([p]) => [term(p)] })
        : trainStep(model, opt, x, y, { loss: (t, p) => tf.add(mse(t, p), term(p)) as tf.Scalar });
      const w = read(dense[0]);
      tf.dispose([x, y]);
      disposeOptimizer(opt);
      model.dispose();
      return { r, w };
    };
    const a = run(true);
    const b = run(false);
    expect(a.r.extraLoss).toBeGreaterThan(0);
    expect(a.r.loss).toBeCloseTo(b.r.loss, 5);
    for (const [i, w] of a.w.entries()) expect(w).toBeCloseTo(b.w[i], 6);
  });

  it("a custom layer's addLoss term, stashed during call(), reaches the gradient (the VAE KL pattern)", () => {
    /** Passes x through and registers 0.5·||x||² as a layer loss read after the forward pass. */
    class Stash extends tf.layers.Layer {
      static className = "NetForgeTestStash";
      term: tf.Scalar | null = null;
      override build(): void {
        this.addLoss(() => (this.term ? tf.clone(this.term) : tf.scalar(0)));
        this.built = true;
      }
      override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
        const x = Array.isArray(inputs) ? inputs[0] : inputs;
        this.term?.dispose();
        this.term = tf.keep(tf.mul(0.5, tf.sum(tf.square(x))) as tf.Scalar);
        return tf.clone(x);
      }
    }
    const input = tf.input({ shape: [2] });
    const dense = tf.layers.dense({ units: 2, useBias: false });
    const stash = new Stash({});
    const model = tf.model({ inputs: input, outputs: stash.apply(dense.apply(input)) as tf.SymbolicTensor });
    dense.setWeights([
      tf.tensor2d([
        [0.5, -1],
        [2, 0.25],
      ]),
    ]);
    const opt = sgd(0.1);
    const [x, y] = [tf.tensor2d([[1, 2]]), tf.zeros([1, 2])];
    const r = trainStep(model, opt, x, y, { loss: (_t, p) => tf.mul(0, tf.sum(p)) as tf.Scalar });
    // xW = (4.5, -0.5); d/dW 0.5·||xW||² = xᵀ(xW) = [[4.5, -0.5], [9, -1]]; W - 0.1·that.
    expect(r.regularizationLoss).toBeCloseTo(10.25, 5);
    const w = read(dense);
    [0.05, -0.95, 1.1, 0.35].forEach((v, i) => {
      expect(w[i]).toBeCloseTo(v, 6);
    });
    stash.term?.dispose();
    tf.dispose([x, y]);
    disposeOptimizer(opt);
    model.dispose();
  });

  it("clips by global norm before the update: gradient (3, 4) with clipNorm 1 moves W by (0.6, 0.8)", () => {
    const { model, dense } = mlp(2, [{ units: 1, useBias: false }]);
    dense[0].setWeights([tf.tensor2d([[0], [0]])]);
    const opt = sgd(1);
    const [x, y] = [tf.tensor2d([[3, 4]]), tf.zeros([1, 1])];
    const r = trainStep(model, opt, x, y, {
      loss: (_t, p) => tf.sum(p) as tf.Scalar,
      clipping: { type: "norm", clipNorm: 1 },
    });
    expect(r.gradNorm).toBeCloseTo(5, 5);
    const w = read(dense[0]);
    expect(w[0]).toBeCloseTo(-0.6, 6);
    expect(w[1]).toBeCloseTo(-0.8, 6);
    trainStep(model, opt, x, y, {
      loss: (_t, p) => tf.sum(p) as tf.Scalar,
      clipping: { type: "value", clipValue: 0.5 },
    });
    const v = read(dense[0]);
    expect(v[0]).toBeCloseTo(-1.1, 6);
    expect(v[1]).toBeCloseTo(-1.3, 6);
    tf.dispose([x, y]);
    disposeOptimizer(opt);
    model.dispose();
  });

  it("a NaN loss leaves the weights alone and says so", () => {
    const { model, dense } = mlp(2, [{ units: 1 }]);
    const before = read(dense[0]);
    const opt = sgd(1);
    const [x, y] = [tf.tensor2d([[1, 1]]), tf.zeros([1, 1])];
    const r = trainStep(model, opt, x, y, { loss: (_t, p) => tf.mul(Number.NaN, tf.sum(p)) as tf.Scalar });
    expect(r.applied).toBe(false);
    expect(Number.isNaN(r.loss)).toBe(true);
    expect(read(dense[0])).toEqual(before);
    tf.dispose([x, y]);
    disposeOptimizer(opt);
    model.dispose();
  });

  it("G-21, the perceptron rule: SGD on the criterion through a straight-through step", () => {
    const { model, dense } = mlp(2, [{ units: 1 }]);
    dense[0].setWeights([tf.tensor2d([[0.5], [-0.6]]), tf.tensor1d([0.2])]);
    // What a Perceptron layer must provide: step forward, identity backward.
    const step = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => ({
      value: tf.cast(tf.greaterEqual(args[0] as tf.Tensor, 0), "float32"),
      gradFunc: (dy: tf.Tensor) => dy,
    })) as (z: tf.Tensor) => tf.Tensor;
    const rule = trainingLoss({ type: "meanSquaredError" }, "perceptron");
    const loss: LossFn = (y, z) => rule(y, step(z));
    const opt = createOptimizer(OptimizerSchema.parse({ type: "perceptron" }), 0.1);
    const [x, y] = [tf.tensor2d([[1, 2]]), tf.tensor2d([[1]])];
    trainStep(model, opt, x, y, { loss }); // ŷ = step(-0.5) = 0, a mistake
    const w = read(dense[0]);
    expect(w[0]).toBeCloseTo(0.6, 6);
    expect(w[1]).toBeCloseTo(-0.4, 6);
    expect(read(dense[0], 1)[0]).toBeCloseTo(0.3, 6);
    trainStep(model, opt, x, y, { loss }); // z = 0.1, ŷ = 1: correct, no update
    expect(read(dense[0])).toEqual(w);
    tf.dispose([x, y]);
    disposeOptimizer(opt);
    model.dispose();
  });

  it("leaks no tensors over 20 steps (Adam, L2 penalty, norm clipping)", () => {
    const start = tf.memory().numTensors;
    const { model } = mlp(3, [{ units: 4, l2: 0.01 }, { units: 2 }]);
    const opt = createOptimizer(OptimizerSchema.parse({ type: "adam" }), 0.01);
    const [x, y] = [tf.randomNormal([8, 3]), tf.randomNormal([8, 2])];
    const options = {
      loss: lossFunction({ type: "meanSquaredError" }),
      clipping: { type: "norm", clipNorm: 1 } as const,
    };
    const first = trainStep(model, opt, x, y, options); // creates Adam's slots
    const baseline = tf.memory().numTensors;
    let last = first;
    for (let i = 0; i < 20; i++) last = trainStep(model, opt, x, y, options);
    expect(tf.memory().numTensors).toBe(baseline);
    expect(last.loss).toBeLessThan(first.loss);
    tf.dispose([x, y]);
    disposeOptimizer(opt);
    model.dispose();
    expect(tf.memory().numTensors).toBe(start);
  });
});
