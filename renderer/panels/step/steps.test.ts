import { describe, expect, it } from "vitest";
import type { StepThroughResult, TensorView } from "../../../shared/api/schemas/step-through";
import { formatValue, stepScreens, tensorRows, typedSample } from "./steps";

const t = (shape: number[], values: number[]): TensorView => ({ shape, values, mean: 0, std: 0, min: 0, max: 0 });

/** A one-block result shaped as the trainer sends it (the numbers themselves are tested in main/trainer/step). */
const result: StepThroughResult = {
  detailed: true,
  paramCount: 3,
  sampleIndex: 0,
  inputs: [t([1, 2], [0.05, 0.1])],
  targets: [t([1, 1], [0.01])],
  loss: { value: 0.25, name: "meanSquaredError", formula: "L = mean (t - o)^2" },
  optimizer: { name: "sgd", learningRate: 0.5, formula: "w' = w - lr * dL/dw" },
  layers: [
    {
      nodeId: "out",
      layer: "out",
      kind: "Dense",
      formula: "y = f(x W + b), W: [n_in, units]",
      activation: { name: "sigmoid", formula: "f(x) = 1 / (1 + e^(-x))" },
      pre: { value: t([1, 1], [0.3]), grad: t([1, 1], [0.1]) },
      outputs: [{ value: t([1, 1], [0.57]), grad: t([1, 1], [0.4]) }],
      weights: [
        {
          name: "kernel",
          trainable: true,
          value: t([2, 1], [0.4, 0.5]),
          grad: t([2, 1], [0.082167, 0.01]),
          updated: t([2, 1], [0.3589, 0.495]),
        },
      ],
    },
  ],
};

describe("step-through screens", () => {
  it("go forward, to the loss, then backward, each naming its block and the formula of each number", () => {
    const screens = stepScreens(result);
    expect(screens.map((s) => [s.phase, s.nodeId, s.title])).toEqual([
      ["forward", "out", "Forward 1 of 1: out (Dense)"],
      ["loss", "out", "Loss: meanSquaredError"],
      ["backward", "out", "Backward 1 of 1: out (Dense)"],
    ]);
    expect(screens[0].rows.map((r) => [r.label, r.formula])).toEqual([
      ["kernel", "given (hand-set or initialized)"],
      ["net", "net = x W + b"],
      ["out", "sigmoid(net): f(x) = 1 / (1 + e^(-x))"],
    ]);
    expect(screens[2].rows.map((r) => r.label)).toEqual(["dL/dout", "dL/dnet", "dL/dkernel", "kernel'"]);
    expect(screens[2].rows[3].formula).toBe("w' = w - lr * dL/dw (sgd, lr = 0.5)");
  });

  it("show values to four decimals, row by row along the last axis, tiny ones in significant digits", () => {
    expect(tensorRows(t([2, 2], [0.082167041, -0.0226, 0.35891648, 1]))).toEqual([
      ["0.0822", "-0.0226"],
      ["0.3589", "1.0000"],
    ]);
    expect(formatValue(0.000438567)).toBe("0.000439");
    expect(formatValue(0)).toBe("0");
    expect(tensorRows({ shape: [1000], mean: 0, std: 1, min: -3, max: 3 })).toBeNull();
  });
});

describe("a typed-in sample", () => {
  it("reads numbers separated by commas or JSON arrays, and says which field is wrong", () => {
    expect(typedSample("", " ")).toBeNull();
    expect(typedSample("0.05, 0.1", "[0.01, 0.99]")).toEqual({ x: [0.05, 0.1], y: [0.01, 0.99] });
    expect(typedSample("0.05, 0.1", "")).toEqual({
      error: 'y: expected numbers separated by commas (e.g. 0.05, 0.1) or a JSON array; received ""',
    });
    expect(typedSample("a, b", "1")).toMatchObject({ error: expect.stringContaining("x: expected numbers") });
  });
});
