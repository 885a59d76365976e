import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { sequential } from "../../../shared/ir/builder";
import { compileGraph } from "../compile/compile";
import { useBackend } from "../testing/tf-setup";
import { applyPerceptronRule, Perceptron, perceptronRule } from "./perceptron";

/**
 * The Perceptron block against the notes' golden cases (../shared/curriculum
 * inventory-notes-000-002.md PART VI: G-1, G-21; inventory-notes-003-004.md PART D: D4, D5).
 */

type Coding = "zeroOne" | "bipolar";

/** Input(n) -> Perceptron, compiled by the real builder; returns the model and its Perceptron layer. */
function perceptronModel(n: number, params: { units?: number; threshold?: number; outputCoding?: Coding } = {}) {
  const compiled = compileGraph(sequential([n], ["Perceptron", params]));
  const id = compiled.outputs[0];
  const layer = (compiled.layersByNode.get(id) ?? [])[0] as Perceptron;
  return { model: compiled.model, layer };
}

function setWeights(layer: Perceptron, w: number[][], b: number[]): void {
  tf.tidy(() => layer.setWeights([tf.tensor2d(w), tf.tensor1d(b)]));
}

function weightsOf(layer: Perceptron): { w: number[][]; b: number[] } {
  const [k, b] = layer.getWeights();
  return { w: k.arraySync() as number[][], b: b.arraySync() as number[] };
}

function predict(model: tf.LayersModel, xs: number[][]): number[][] {
  return tf.tidy(() => (model.predict(tf.tensor2d(xs)) as tf.Tensor).arraySync() as number[][]);
}

describe.each(["cpu", "wasm"] as const)("Perceptron layer (%s)", (backend) => {
  beforeAll(() => useBackend(backend));

  it("G-1: w = (0.5, -0.6), b = 0.2, x = (1, 2) gives z = -0.5, so y = 0", () => {
    const { model, layer } = perceptronModel(2);
    setWeights(layer, [[0.5], [-0.6]], [0.2]);
    expect(predict(model, [[1, 2]])).toEqual([[0]]);
    // The same unit fires once z reaches the threshold: x = (2, 0) gives z = 1.2.
    expect(predict(model, [[2, 0]])).toEqual([[1]]);
    model.dispose();
  });

  it("starts from zero weights (the rule's textbook start), so z = 0 fires at threshold 0", () => {
    const { model, layer } = perceptronModel(3);
    expect(weightsOf(layer)).toEqual({ w: [[0], [0], [0]], b: [0] });
    expect(predict(model, [[5, -1, 2]])).toEqual([[1]]);
    model.dispose();
  });

  it("D4 AND (w = 0.7, 0.7) and D5 OR (w = 1.2, 1.2) gates with threshold 1", () => {
    const gates = [
      { w: 0.7, expected: [0, 0, 0, 1] },
      { w: 1.2, expected: [0, 1, 1, 1] },
    ];
    const inputs = [
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1],
    ];
    for (const { w, expected } of gates) {
      const { model, layer } = perceptronModel(2, { threshold: 1 });
      setWeights(layer, [[w], [w]], [0]);
      expect(predict(model, inputs).map((r) => r[0])).toEqual(expected);
      model.dispose();
    }
  });

  it("bipolar coding outputs -1 / +1 per unit", () => {
    const { model, layer } = perceptronModel(2, { units: 3, outputCoding: "bipolar", threshold: 0.5 });
    setWeights(
      layer,
      [
        [1, 0, -1],
        [0, 1, -1],
      ],
      [0, 0, 0],
    );
    // z = (1, 0, -1) for x = (1, 0): only the first unit reaches 0.5.
    expect(predict(model, [[1, 0]])).toEqual([[1, -1, -1]]);
    model.dispose();
  });

  it("G-21: one rule update from G-1 with y = 1, eta = 0.1 gives w = (0.6, -0.4), b = 0.3, then y = 1", () => {
    const { model, layer } = perceptronModel(2);
    setWeights(layer, [[0.5], [-0.6]], [0.2]);
    const x = [1, 2];
    const yhat = predict(model, [x])[0];
    expect(yhat).toEqual([0]);
    expect(applyPerceptronRule(layer, x, [1], yhat, 0.1)).toBe(true);
    const { w, b } = weightsOf(layer);
    expect(w[0][0]).toBeCloseTo(0.6, 6);
    expect(w[1][0]).toBeCloseTo(-0.4, 6);
    expect(b[0]).toBeCloseTo(0.3, 6);
    // New z = 0.6 - 0.8 + 0.3 = 0.1 >= 0: now correct, so a second step changes nothing.
    const again = predict(model, [x])[0];
    expect(again).toEqual([1]);
    expect(applyPerceptronRule(layer, x, [1], again, 0.1)).toBe(false);
    expect(weightsOf(layer)).toEqual({ w, b });
    model.dispose();
  });

  it("G-21: a correct prediction (G-1 with label 0) leaves the weights unchanged", () => {
    const kernel = tf.tensor2d([[0.5], [-0.6]]);
    const bias = tf.tensor1d([0.2]);
    const next = perceptronRule({ kernel, bias }, [1, 2], [0], [0], 0.1);
    expect(next.mistake).toBe(false);
    expect(next.kernel.arraySync()).toEqual(kernel.arraySync());
    expect(next.bias.arraySync()).toEqual(bias.arraySync());
    tf.dispose([kernel, bias, next.kernel, next.bias]);
  });

  it("updates only the units that erred, by eta (y - yhat) x; bipolar mistakes step twice as far", () => {
    const kernel = tf.zeros([2, 2]) as tf.Tensor2D;
    const bias = tf.zeros([2]) as tf.Tensor1D;
    // Unit 0 is right (1 = 1); unit 1 predicted +1 for a -1 label: y - yhat = -2.
    const next = perceptronRule({ kernel, bias }, [3, -1], [1, -1], [1, 1], 0.5);
    expect(next.mistake).toBe(true);
    expect(next.kernel.arraySync()).toEqual([
      [0, -3],
      [0, 1],
    ]);
    expect(next.bias.arraySync()).toEqual([0, -1]);
    tf.dispose([kernel, bias, next.kernel, next.bias]);
  });

  it("the rule learns AND from zero weights exactly as a plain-number replay of the rule", () => {
    const data: [number[], number][] = [
      [[0, 0], 0],
      [[0, 1], 0],
      [[1, 0], 0],
      [[1, 1], 1],
    ];
    const { model, layer } = perceptronModel(2);
    const eta = 0.1;
    // Oracle: the rule in plain numbers (step fires at z >= 0).
    let w = [0, 0];
    let b = 0;
    for (let epoch = 0; epoch < 50; epoch++) {
      for (const [x, y] of data) {
        const yhat = predict(model, [x])[0];
        applyPerceptronRule(layer, x, [y], yhat, eta);
        const ref = w[0] * x[0] + w[1] * x[1] + b >= 0 ? 1 : 0;
        expect(yhat[0]).toBe(ref);
        w = [w[0] + eta * (y - ref) * x[0], w[1] + eta * (y - ref) * x[1]];
        b += eta * (y - ref);
      }
    }
    expect(
      predict(
        model,
        data.map(([x]) => x),
      ).map((r) => r[0]),
    ).toEqual([0, 0, 0, 1]);
    const got = weightsOf(layer);
    expect(got.w.map((r) => r[0])).toEqual(w.map((v) => expect.closeTo(v, 5)));
    expect(got.b[0]).toBeCloseTo(b, 5);
    model.dispose();
  });

  it("has a zero gradient through the step, for inputs and weights alike", () => {
    const { model, layer } = perceptronModel(2);
    setWeights(layer, [[0.5], [-0.6]], [0.2]);
    const x = tf.tensor2d([
      [1, 2],
      [3, -1],
    ]);
    const dx = tf.grad((t: tf.Tensor) => tf.sum(layer.apply(t) as tf.Tensor))(x);
    const { grads, value } = tf.variableGrads(() => tf.sum(layer.apply(x) as tf.Tensor) as tf.Scalar);
    expect(Array.from(dx.dataSync())).toEqual([0, 0, 0, 0]);
    for (const g of Object.values(grads)) expect(Array.from(g.dataSync()).every((v) => v === 0)).toBe(true);
    tf.dispose([x, dx, value, ...Object.values(grads)]);
    model.dispose();
  });

  it("round-trips through the tfjs layers format and leaks no tensors per rule step", () => {
    const { model, layer } = perceptronModel(2, { threshold: 1, outputCoding: "bipolar" });
    const copy = tf.models.modelFromJSON({ modelTopology: model.toJSON(null, false) } as never);
    return copy.then((m) => {
      const restored = m.layers.find((l) => l instanceof Perceptron) as Perceptron;
      expect(restored.getConfig()).toMatchObject({ units: 1, threshold: 1, outputCoding: "bipolar" });
      const before = tf.memory().numTensors;
      applyPerceptronRule(layer, [1, 1], [1], [-1], 0.1);
      expect(tf.memory().numTensors).toBe(before);
      m.dispose();
      model.dispose();
    });
  });
});
