import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as tf from "@tensorflow/tfjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GraphBuilder, sequential } from "../../../shared/ir/builder";
import { LAYER_CASES } from "../../../shared/layers/__fixtures__/cases";
import { ACTIVATION_NAMES } from "../../../shared/layers/activations";
import { LAYER_KINDS, type LayerKind } from "../../../shared/layers/catalog";
import { EMITTERS } from "../../../shared/onnx/emitters/index";
import { UnsupportedLayerError } from "../../../shared/onnx/emitters/types";
import { attr, encodeModel, type ModelDef } from "../../../shared/onnx/model";
import { DataType } from "../../../shared/onnx/proto";
import { compileGraph } from "../compile/compile";
import { caseGraph, concreteInput, concreteShapes, INT_INPUT_KINDS, isGanMarker } from "../testing/case-graph";
import { useBackend } from "../testing/tf-setup";
import { parity, pythonOnnxCheck, pythonOnnxMissing, randomizeWeights } from "./parity.testkit";

/**
 * The exported file computes what the trained model computes (R10, issue 5): every example row of
 * every kind with an emitter, the activation catalog and a few multi-layer models, each with
 * random weights, run in onnxruntime-node and compared with tfjs predict(). Every file is then
 * checked by Debian's python3-onnx, an implementation independent of ours.
 */
const TOLERANCE = 1e-5;
const dir = mkdtempSync(join(tmpdir(), "netforge-onnx-"));
const files: string[] = [];
const worst: [string, number][] = [];

async function check(title: string, graph: unknown, xs?: tf.Tensor[], seed = 1) {
  return (await checkOps(title, graph, xs, seed)).maxAbsDiff;
}

async function checkOps(title: string, graph: unknown, xs?: tf.Tensor[], seed = 1) {
  const c = compileGraph(graph);
  randomizeWeights(c, seed);
  const inputs = xs ?? c.model.inputs.map((t) => tf.randomNormal([2, ...(t.shape.slice(1) as number[])]));
  const { maxAbsDiff, exported } = await parity(c, inputs);
  const file = join(dir, `${files.length}-${title.replace(/[^A-Za-z0-9]+/g, "_").slice(0, 60)}.onnx`);
  writeFileSync(file, exported.bytes);
  files.push(file);
  worst.push([title, maxAbsDiff]);
  tf.dispose(inputs);
  c.model.dispose();
  return { maxAbsDiff, ops: exported.ops };
}

const EMPTY: ModelDef = {
  graphName: "broken",
  producerName: "test",
  producerVersion: "0",
  inputs: [{ name: "x", elemType: DataType.FLOAT, dims: ["N", 2] }],
  outputs: [{ name: "y", elemType: DataType.FLOAT, dims: ["N", 2] }],
  nodes: [],
  initializers: [],
  metadata: {},
};

const rows = LAYER_KINDS.filter((k) => EMITTERS[k]).flatMap((kind) =>
  LAYER_CASES[kind as LayerKind].map(
    (c, i) => [`${kind} #${i + 1} ${c.name ?? JSON.stringify(c.params)}`, kind, c] as const,
  ),
);

beforeAll(() => useBackend("cpu"));
afterAll(() => {
  const top = [...worst].sort((a, b) => b[1] - a[1]).slice(0, 3);
  console.log(`ONNX parity: ${worst.length} models, largest max abs diffs: ${JSON.stringify(top)}`);
});

describe("every example row of every exported kind matches tfjs in onnxruntime", () => {
  it.each(rows)("%s", async (title, kind, c) => {
    const vocab = Number((c.params as { inputDim?: number }).inputDim ?? 10);
    const int = INT_INPUT_KINDS.has(kind) || (kind === "Input" && c.params.dtype === "int32");
    const shapes = kind === "Input" ? concreteShapes(c.outputs) : concreteShapes(c.inputs);
    // A GAN marker's row is a two-model graph (case-graph.ts): random data for every model input.
    const xs = isGanMarker(kind) ? undefined : shapes.map((s) => concreteInput(s, int, vocab));
    expect(await check(title, caseGraph(kind, c), xs)).toBeLessThan(TOLERANCE);
  });
});

describe("the activation catalog", () => {
  it.each(ACTIVATION_NAMES)("Dense(6, %s) on rank 2 and rank 4", async (activation) => {
    expect(await check(`Dense ${activation}`, sequential([5], ["Dense", { units: 6, activation }]))).toBeLessThan(
      TOLERANCE,
    );
    const conv = sequential([5, 7, 3], ["Conv2D", { filters: 4, kernelSize: 3, padding: "same", activation }]);
    expect(await check(`Conv2D ${activation}`, conv)).toBeLessThan(TOLERANCE);
  });

  it("sigmoid and bipolarSigmoid with a steepness", async () => {
    for (const activation of ["sigmoid", "bipolarSigmoid"]) {
      const g = sequential([4], ["Dense", { units: 5 }], ["Activation", { activation, steepness: 2.5 }]);
      expect(await check(`steep ${activation}`, g)).toBeLessThan(TOLERANCE);
    }
  });
});

describe("multi-layer models", () => {
  it("MLP with dropout, batch norm and softmax", async () => {
    const g = sequential(
      [10],
      ["Dense", { units: 16, activation: "relu" }],
      ["Dropout", { rate: 0.5 }],
      ["Dense", { units: 12, activation: "gelu" }],
      ["BatchNormalization"],
      ["GaussianNoise", { stddev: 0.3 }],
      ["Dense", { units: 3, activation: "softmax" }],
    );
    expect(await check("MLP", g)).toBeLessThan(TOLERANCE);
  });

  it.each([
    [28, 28],
    [27, 31],
  ])("CNN with SAME padding on %ix%i", async (h, w) => {
    const g = sequential(
      [h, w, 3],
      ["Conv2D", { filters: 8, kernelSize: 3, strides: 2, padding: "same", activation: "relu" }],
      ["BatchNormalization"],
      ["MaxPooling2D", { poolSize: 3, strides: 2, padding: "same" }],
      ["Conv2D", { filters: 6, kernelSize: [3, 5], padding: "same", activation: "swish" }],
      ["AveragePooling2D", { poolSize: 2, padding: "same" }],
      ["Flatten"],
      ["Dense", { units: 10, activation: "softmax" }],
    );
    const { maxAbsDiff, ops } = await checkOps(`CNN ${h}x${w}`, g);
    expect(maxAbsDiff).toBeLessThan(TOLERANCE);
    // One transpose to NCHW before the first Conv, one back before Flatten; none in between.
    expect(ops.filter((op) => op === "Transpose")).toHaveLength(2);
    expect(ops).toEqual([
      "Transpose",
      "Conv",
      "Relu",
      "BatchNormalization",
      "MaxPool",
      "Conv",
      "Sigmoid",
      "Mul",
      "AveragePool",
      "Transpose",
      "Flatten",
      "MatMul",
      "Add",
      "Softmax",
    ]);
  });

  it("residual block: mixed layouts meet in Add and Concatenate", async () => {
    const b = new GraphBuilder();
    const x = b.add("Input", { shape: [9, 11, 4] });
    const [conv] = b.chain(x, ["Conv2D", { filters: 4, kernelSize: 3, padding: "same", activation: "relu" }]);
    const add = b.add("Add");
    b.connect(conv, add).connect(x, add);
    const cat = b.add("Concatenate", { axis: -1 });
    b.connect(add, cat).connect(conv, cat);
    const [, bn] = b.chain(cat, ["Conv2D", { filters: 5, kernelSize: 1 }], ["BatchNormalization", { axis: 2 }]);
    b.chain(bn, ["GlobalAveragePooling2D"], ["Dense", { units: 2 }]);
    expect(await check("residual", b.build())).toBeLessThan(TOLERANCE);
  });

  it("Dense and Reshape after a convolution, softmax over channels, two outputs", async () => {
    const b = new GraphBuilder();
    const x = b.add("Input", { shape: [6, 5, 3] });
    const [conv] = b.chain(
      x,
      ["Conv2D", { filters: 4, kernelSize: 2, padding: "valid" }],
      ["Activation", { activation: "softmax" }],
    );
    b.chain(conv, ["Dense", { units: 3, activation: "tanh" }], ["Reshape", { targetShape: [-1, 3] }]);
    expect(await check("two outputs", b.build())).toBeLessThan(TOLERANCE);
  });
});

describe("the parity check catches broken mappings", () => {
  // tfjs' Flatten and kernel layouts, broken on purpose: each must show a large difference.
  const cnn = sequential(
    [8, 7, 3],
    ["Conv2D", { filters: 4, kernelSize: 3, padding: "same" }],
    ["Flatten"],
    ["Dense", { units: 5 }],
  );

  it("Flatten straight on NCHW data", async () => {
    const emitters = {
      ...EMITTERS,
      Flatten: ({ inputs: [x], g, prefix }: Parameters<NonNullable<(typeof EMITTERS)["Flatten"]>>[0]) => [
        {
          ...x,
          rank: 2,
          layout: "channelsLast" as const,
          name: g.op1("Flatten", [x.name], { axis: attr.i(1) }, prefix),
        },
      ],
    };
    expect(await brokenDiff(emitters)).toBeGreaterThan(1e-2);
  });

  it("Conv2D kernel with kh and kw swapped", async () => {
    const real = EMITTERS.Conv2D as NonNullable<(typeof EMITTERS)["Conv2D"]>;
    const emitters = {
      ...EMITTERS,
      Conv2D: (ctx: Parameters<typeof real>[0]) => {
        const k = ctx.weights[0];
        const [kh, kw, cin, cout] = k.shape;
        const swapped = new Float32Array(k.data.length);
        for (let i = 0; i < kh; i++)
          for (let j = 0; j < kw; j++)
            swapped.set(
              k.data.subarray((i * kw + j) * cin * cout, (i * kw + j + 1) * cin * cout),
              (j * kh + i) * cin * cout,
            );
        const weights = [{ shape: k.shape, data: swapped }, ...ctx.weights.slice(1)];
        return real({ ...ctx, weights, weight: (n) => (n === "kernel" ? weights[0] : ctx.weight(n)) });
      },
    };
    expect(await brokenDiff(emitters)).toBeGreaterThan(1e-2);
  });

  async function brokenDiff(emitters: typeof EMITTERS) {
    const c = compileGraph(cnn);
    randomizeWeights(c, 7);
    const x = tf.randomNormal([2, 8, 7, 3]);
    const { maxAbsDiff } = await parity(c, [x], { emitters });
    expect((await parity(c, [x])).maxAbsDiff).toBeLessThan(TOLERANCE);
    c.model.dispose();
    return maxAbsDiff;
  }

  it("a kind without an emitter is refused by name", async () => {
    const c = compileGraph(sequential([4, 3], ["LSTM", { units: 2 }]));
    // A table without LSTM stands in for a kind that has no emitter.
    await expect(parity(c, [], { emitters: { ...EMITTERS, LSTM: undefined } as never })).rejects.toThrow(
      UnsupportedLayerError,
    );
  });
});

describe("python3-onnx (Debian, onnx 1.12) accepts every exported file", () => {
  it("check_model(full_check), strict shape inference, identical bytes on re-serialization", (ctx) => {
    const missing = pythonOnnxMissing();
    if (missing) {
      console.log(`skipping the python3-onnx check: ${missing}`);
      ctx.skip();
    }
    expect(files.length).toBeGreaterThan(rows.length);
    // A planted invalid file (a Relu reading a value nothing defines) shows the checker can fail.
    const broken = join(dir, "broken.onnx");
    writeFileSync(
      broken,
      encodeModel({
        ...EMPTY,
        nodes: [{ opType: "Relu", inputs: ["nowhere"], outputs: ["y"], name: "r", attributes: {} }],
      }),
    );
    const failures = pythonOnnxCheck(dir, [...files, broken]);
    expect(failures).toHaveLength(1);
    expect(failures[0]).toContain("broken.onnx");
  });
});
