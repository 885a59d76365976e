import { describe, expect, it } from "vitest";
import type { DiagnosticCode } from "../diagnostics";
import { GraphBuilder, sequential } from "../ir/builder";
import type { Graph } from "../ir/graph";
import { inferGraph } from "./infer";

const codes = (g: unknown) => inferGraph(g).diagnostics.map((d) => d.code);
const shapeOf = (g: Graph, id: string) => inferGraph(g).nodes[id]?.outputShapes?.[0];
function only(g: unknown, code: DiagnosticCode) {
  const found = inferGraph(g).diagnostics.filter((d) => d.code === code);
  expect(found, JSON.stringify(inferGraph(g).diagnostics)).toHaveLength(1);
  return found[0];
}

describe("inferGraph on valid models", () => {
  it("walks the notes' 32x32x3 -> 12 filters example (D13)", () => {
    const g = sequential(
      [32, 32, 3],
      ["Conv2D", { filters: 12, kernelSize: 3, padding: "same", activation: "relu" }],
      ["MaxPooling2D", { poolSize: 2, strides: 2 }],
    );
    const a = inferGraph(g);
    expect(a.diagnostics).toEqual([]);
    expect(a.ok).toBe(true);
    expect(a.nodes.conv2d_1.outputShapes).toEqual([[32, 32, 12]]);
    expect(a.nodes.conv2d_1.paramCount.total).toBe(336);
    expect(a.nodes.max_pooling2d_1.outputShapes).toEqual([[16, 16, 12]]);
    expect(a.order).toEqual(["input_1", "conv2d_1", "max_pooling2d_1"]);
    expect(a.inputs).toEqual(["input_1"]);
    expect(a.outputs).toEqual(["max_pooling2d_1"]);
  });

  it("counts LeNet-5 as the textbook does (61,706 parameters)", () => {
    const g = sequential(
      [32, 32, 1],
      ["Conv2D", { filters: 6, kernelSize: 5, activation: "tanh" }],
      ["AveragePooling2D", { poolSize: 2 }],
      ["Conv2D", { filters: 16, kernelSize: 5, activation: "tanh" }],
      ["AveragePooling2D", { poolSize: 2 }],
      ["Flatten"],
      ["Dense", { units: 120, activation: "tanh" }],
      ["Dense", { units: 84, activation: "tanh" }],
      ["Dense", { units: 10, activation: "softmax" }],
    );
    const a = inferGraph(g);
    expect(a.ok).toBe(true);
    expect(a.nodes.flatten_1.outputShapes).toEqual([[400]]);
    expect(a.totals.total).toBe(61_706);
  });

  it("counts the basic and sparse autoencoders (D22, D23)", () => {
    const basic = sequential(
      [784],
      ["Dense", { units: 32, activation: "relu" }],
      ["Dense", { units: 784, activation: "sigmoid" }],
    );
    expect(inferGraph(basic).totals.total).toBe(50_992);
    const sparse = sequential(
      [784],
      ["Dense", { units: 64, activation: "relu" }],
      ["Dense", { units: 784, activation: "sigmoid" }],
    );
    expect(inferGraph(sparse).totals.total).toBe(101_200);
  });

  it("counts the denoising convolutional autoencoder (D24: 28,353 parameters)", () => {
    const g = sequential(
      [28, 28, 1],
      ["Conv2D", { filters: 32, kernelSize: 3, padding: "same", activation: "relu" }],
      ["MaxPooling2D", { poolSize: 2, padding: "same" }],
      ["Conv2D", { filters: 32, kernelSize: 3, padding: "same", activation: "relu" }],
      ["MaxPooling2D", { poolSize: 2, padding: "same" }],
      ["Conv2D", { filters: 32, kernelSize: 3, padding: "same", activation: "relu" }],
      ["UpSampling2D", { size: 2 }],
      ["Conv2D", { filters: 32, kernelSize: 3, padding: "same", activation: "relu" }],
      ["UpSampling2D", { size: 2 }],
      ["Conv2D", { filters: 1, kernelSize: 3, padding: "same", activation: "sigmoid" }],
    );
    const a = inferGraph(g);
    expect(a.ok).toBe(true);
    expect(a.nodes.max_pooling2d_2.outputShapes).toEqual([[7, 7, 32]]);
    expect(a.nodes.conv2d_5.outputShapes).toEqual([[28, 28, 1]]);
    expect(a.totals.total).toBe(28_353);
  });

  it("walks the cat/dog CNN (T5) to 12,544 features", () => {
    const g = sequential(
      [64, 64, 3],
      ["Conv2D", { filters: 32, kernelSize: 3, activation: "relu" }],
      ["MaxPooling2D", { poolSize: 2 }],
      ["Conv2D", { filters: 64, kernelSize: 3, activation: "relu" }],
      ["MaxPooling2D", { poolSize: 2 }],
      ["Flatten"],
      ["Dense", { units: 1, activation: "sigmoid" }],
    );
    expect(shapeOf(g, "conv2d_1")).toEqual([62, 62, 32]);
    expect(shapeOf(g, "max_pooling2d_1")).toEqual([31, 31, 32]);
    expect(shapeOf(g, "conv2d_2")).toEqual([29, 29, 64]);
    expect(shapeOf(g, "flatten_1")).toEqual([12_544]);
  });

  it("passes unknown sequence lengths through a recurrent model", () => {
    const g = sequential(
      [null],
      ["Embedding", { inputDim: 1000, outputDim: 16 }],
      ["LSTM", { units: 8, returnSequences: true }],
    );
    expect(shapeOf(g, "lstm_1")).toEqual([null, 8]);
  });

  it("gives a residual block with Add and an edge shape per edge", () => {
    const b = new GraphBuilder();
    const [input, conv] = b.chain(
      null,
      ["Input", { shape: [8, 8, 16] }],
      ["Conv2D", { filters: 16, kernelSize: 3, padding: "same" }],
    );
    const add = b.add("Add");
    b.connect(conv, add).connect(input, add);
    const a = inferGraph(b.build());
    expect(a.ok).toBe(true);
    expect(a.nodes[add].outputShapes).toEqual([[8, 8, 16]]);
    expect(Object.values(a.edgeShapes)).toEqual([
      [8, 8, 16],
      [8, 8, 16],
      [8, 8, 16],
    ]);
  });

  it("routes an LSTM's state outputs by port name", () => {
    const b = new GraphBuilder();
    const [, lstm] = b.chain(null, ["Input", { shape: [10, 4] }], ["LSTM", { units: 6, returnState: true }]);
    const dense = b.add("Dense", { units: 2 });
    b.connect(lstm, dense, "in", "c");
    const a = inferGraph(b.build());
    expect(a.nodes[lstm].outputShapes).toEqual([[6], [6], [6]]);
    expect(a.nodes[dense].outputShapes).toEqual([[2]]);
    expect(a.nodes[dense].inputRefs).toEqual([{ source: lstm, outputIndex: 2 }]);
  });

  it("allows Dense on an image tensor (last axis, as Keras) but warns that Flatten is probably missing", () => {
    const g = sequential([8, 8, 3], ["Dense", { units: 4 }]);
    const a = inferGraph(g);
    expect(a.ok).toBe(true);
    expect(a.nodes.dense_1.outputShapes).toEqual([[8, 8, 4]]);
    expect(only(g, "W_DENSE_ON_RANK").message).toContain("insert Flatten");
  });
});

describe("inferGraph diagnostics", () => {
  it("E_SHAPE_MISMATCH names the node and both shapes", () => {
    const b = new GraphBuilder();
    const a1 = b.add("Input", { shape: [8, 8, 32] });
    const a2 = b.add("Input", { shape: [8, 8, 16] });
    const add = b.add("Add", {}, { id: "add_1" });
    b.connect(a1, add).connect(a2, add);
    const d = only(b.build(), "E_SHAPE_MISMATCH");
    expect(d.nodeId).toBe("add_1");
    expect(d.message).toContain('Add "add_1"');
    expect(d.message).toContain("[8,8,32]");
    expect(d.message).toContain("[8,8,16]");
  });

  it("E_CYCLE on the nodes of the cycle only", () => {
    const b = new GraphBuilder();
    const [input, add, dense] = b.chain(null, ["Input", { shape: [4] }], ["Add"], ["Dense", { units: 4 }]);
    b.connect(input, add); // Add's variadic port takes the loop edge below without complaint
    b.connect(dense, add);
    const after = b.add("Dense", { units: 1 });
    b.connect(dense, after);
    const a = inferGraph(b.build());
    const cyc = a.diagnostics.filter((x) => x.code === "E_CYCLE");
    expect(cyc.map((x) => x.nodeId).sort()).toEqual([add, dense].sort());
    expect(cyc[0].message).toContain("directed acyclic graph");
    expect(a.nodes[after].outputShapes).toBeNull();
    expect(a.nodes[after].diagnostics).toEqual([]);
  });

  it("E_UNCONNECTED_INPUT for a layer whose input is not wired", () => {
    const b = new GraphBuilder();
    b.add("Input", { shape: [4] });
    b.add("Dense", { units: 2 });
    expect(only(b.build(), "E_UNCONNECTED_INPUT").message).toContain('input "in" needs a connection; received 0');
  });

  it("E_TOO_MANY_INPUTS when a single-input port gets two edges", () => {
    const b = new GraphBuilder();
    const i1 = b.add("Input", { shape: [4] });
    const i2 = b.add("Input", { shape: [4] });
    const d = b.add("Dense", { units: 2 });
    b.connect(i1, d).connect(i2, d);
    expect(codes(b.build())).toContain("E_TOO_MANY_INPUTS");
  });

  it("E_TOO_FEW_INPUTS for a merge with one input", () => {
    const b = new GraphBuilder();
    b.chain(null, ["Input", { shape: [4] }], ["Concatenate"]);
    expect(codes(b.build())).toContain("E_TOO_FEW_INPUTS");
  });

  it("E_RANK: LSTM on a rank-1 input is refused", () => {
    const d = only(sequential([16], ["LSTM", { units: 4 }]), "E_RANK");
    expect(d.message).toContain('LSTM "lstm_1"');
    expect(d.message).toContain("[16]");
  });

  it("E_RANK: Conv2D on a flat vector", () => {
    expect(codes(sequential([784], ["Conv2D", { filters: 4, kernelSize: 3 }]))).toContain("E_RANK");
  });

  it("E_NONPOSITIVE_SIZE when a kernel is larger than its input", () => {
    const d = only(sequential([2, 2, 1], ["Conv2D", { filters: 1, kernelSize: 5 }]), "E_NONPOSITIVE_SIZE");
    expect(d.message).toContain("Conv2D");
  });

  it("E_PARAM_INVALID says expected and received", () => {
    const d = only(sequential([4], ["Dense", { units: 0 }]), "E_PARAM_INVALID");
    expect(d.message).toBe('Dense "dense_1": units must be an integer >= 1 and <= 1000000. Received: units=0');
    expect(d.param).toBe("units");
  });

  it("E_PARAM_UNKNOWN for a misspelt param", () => {
    expect(only(sequential([4], ["Dense", { unit: 3 }]), "E_PARAM_UNKNOWN").message).toContain(
      'unknown parameter "unit"',
    );
  });

  it("E_UNKNOWN_KIND, and the rest of the graph is still analysed", () => {
    const g = sequential([4], ["Dense", { units: 3 }]);
    g.nodes.push({ id: "mystery" as never, kind: "Densse", params: {} });
    const a = inferGraph(g);
    expect(codes(g)).toContain("E_UNKNOWN_KIND");
    expect(a.nodes.dense_1.outputShapes).toEqual([[3]]);
  });

  it("E_DANGLING_EDGE and E_UNKNOWN_PORT", () => {
    const g = sequential([4], ["Dense", { units: 3 }]);
    g.edges.push({
      id: "x" as never,
      source: "ghost" as never,
      target: "dense_1" as never,
      targetPort: "in",
    });
    g.edges.push({
      id: "y" as never,
      source: "input_1" as never,
      target: "dense_1" as never,
      targetPort: "query",
    });
    expect(codes(g)).toEqual(expect.arrayContaining(["E_DANGLING_EDGE", "E_UNKNOWN_PORT"]));
  });

  it("E_DUPLICATE_ID for two nodes with one id", () => {
    const g = sequential([4], ["Dense", { units: 3 }]);
    g.nodes.push({ ...g.nodes[1] });
    expect(codes(g)).toContain("E_DUPLICATE_ID");
  });

  it("E_NO_INPUT, E_NO_OUTPUT, W_UNUSED_INPUT and W_MULTIPLE_OUTPUTS", () => {
    expect(codes({ format: "netforge.graph", version: 1, nodes: [], edges: [] })).toEqual(["E_NO_INPUT"]);
    const lone = new GraphBuilder();
    lone.add("Input", { shape: [4] });
    expect(codes(lone.build())).toEqual(["E_NO_OUTPUT"]);
    const b = new GraphBuilder();
    const [input] = b.chain(null, ["Input", { shape: [4] }], ["Dense", { units: 3 }]);
    b.connect(input, b.add("Dense", { units: 1 }));
    b.add("Input", { shape: [2] });
    expect(codes(b.build())).toEqual(expect.arrayContaining(["W_MULTIPLE_OUTPUTS", "W_UNUSED_INPUT"]));
    expect(inferGraph(b.build()).ok).toBe(true);
  });

  it("E_WEIGHTS_SHAPE for hand-set weights of the wrong size", () => {
    const g = sequential([2], ["Dense", { units: 1 }]);
    g.nodes[1].initialWeights = { kernel: [0.5, -0.6, 7], bias: [0.2] };
    expect(only(g, "E_WEIGHTS_SHAPE").message).toContain("need 2 values for shape [2,1]; received 3");
  });

  it("E_INVALID_DOCUMENT for structural garbage, without throwing", () => {
    for (const garbage of [
      undefined,
      null,
      42,
      "x",
      { format: "netforge.graph" },
      { format: "netforge.graph", version: 1, nodes: 3, edges: [] },
    ]) {
      const a = inferGraph(garbage);
      expect(a.ok).toBe(false);
      expect(a.diagnostics[0].code).toBe("E_INVALID_DOCUMENT");
    }
  });

  it("does not cascade: only the root cause is reported", () => {
    const g = sequential([4], ["Dense", { units: -1 }], ["Dense", { units: 3 }], ["Dense", { units: 1 }]);
    expect(codes(g)).toEqual(["E_PARAM_INVALID"]);
  });
});

describe("GAN pair", () => {
  function gan(imageShape: number[]) {
    const b = new GraphBuilder();
    b.chain(
      null,
      ["Input", { shape: [16] }],
      ["Dense", { units: 784, activation: "tanh" }],
      ["Reshape", { targetShape: [28, 28, 1] }],
      ["GANGenerator"],
    );
    b.chain(
      null,
      ["Input", { shape: imageShape }],
      ["Flatten"],
      ["Dense", { units: 1, activation: "sigmoid" }],
      ["GANDiscriminator"],
    );
    return b.build();
  }
  it("accepts a generator whose output matches the discriminator's Input", () => {
    const a = inferGraph(gan([28, 28, 1]));
    expect(a.diagnostics).toEqual([]);
    expect(a.outputs).toHaveLength(2);
  });
  it("E_GAN_PAIR when the generator's output does not fit the discriminator", () => {
    expect(only(gan([32, 32, 1]), "E_GAN_PAIR").message).toContain("[28,28,1]");
  });
});
