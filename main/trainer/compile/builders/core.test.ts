import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { sequential } from "../../../../shared/ir/builder";
import { useBackend } from "../../testing/tf-setup";
import { compileGraph } from "../compile";

/**
 * The Activation block's values against the 003 notes' worked neuron (D1, D2a, D2b in
 * ../shared/curriculum/inventory-notes-003-004.md PART D), steepness included, and Flatten's order.
 */

function activate(params: Record<string, unknown>, xs: number[]): number[] {
  const m = compileGraph(sequential([xs.length], ["Activation", params])).model;
  const y = tf.tidy(() => Array.from((m.predict(tf.tensor2d([xs])) as tf.Tensor).dataSync()));
  m.dispose();
  return y;
}

describe.each(["cpu", "wasm"] as const)("core builders (%s)", (backend) => {
  beforeAll(() => useBackend(backend));

  it("D2a / D2b: sigmoid(0.53) = 0.62948 and bipolar sigmoid(0.53) = 0.25897", () => {
    expect(activate({ activation: "sigmoid" }, [0.53])[0]).toBeCloseTo(0.62948, 5);
    expect(activate({ activation: "bipolarSigmoid" }, [0.53])[0]).toBeCloseTo(0.25897, 5);
  });

  it("steepness lambda scales the sigmoid's input: 1 / (1 + e^(-2 x))", () => {
    const xs = [-1, 0, 0.53];
    const y = activate({ activation: "sigmoid", steepness: 2 }, xs);
    for (const [i, x] of xs.entries()) expect(y[i]).toBeCloseTo(1 / (1 + Math.exp(-2 * x)), 6);
    // Bipolar with lambda 3: tanh(3 x / 2).
    const b = activate({ activation: "bipolarSigmoid", steepness: 3 }, xs);
    for (const [i, x] of xs.entries()) expect(b[i]).toBeCloseTo(Math.tanh(1.5 * x), 6);
  });

  it("steepness is ignored for activations it does not apply to", () => {
    expect(activate({ activation: "tanh", steepness: 5 }, [0.5])[0]).toBeCloseTo(Math.tanh(0.5), 6);
  });

  it("D1: the step activation of s = 1.5 is 1, and of a negative sum 0", () => {
    expect(activate({ activation: "step" }, [1.5, -0.2, 0])).toEqual([1, 0, 1]);
  });

  it("Flatten unrolls row-major (the last axis varies fastest)", () => {
    const m = compileGraph(sequential([2, 2, 2], ["Flatten", {}])).model;
    const x = tf.range(0, 8).reshape([1, 2, 2, 2]);
    const y = tf.tidy(() => Array.from((m.predict(x) as tf.Tensor).dataSync()));
    expect(y).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    x.dispose();
    m.dispose();
  });
});
