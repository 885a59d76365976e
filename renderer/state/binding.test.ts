import { describe, expect, it } from "vitest";
import type { DatasetSummary } from "../../shared/datasets/summary";
import { type Graph, GraphSchema } from "../../shared/ir/graph";
import { inferGraph } from "../../shared/shapes/infer";
import { projectOf } from "./__fixtures__/projects";
import { setDataSummary } from "./analysis";
import { bindingIssues, isBindingCode } from "./binding";
import { createEditor } from "./editor";
import { fixesFor } from "./fixes";

function mlp(inputShape: number[], units: number, activation = "softmax"): Graph {
  return GraphSchema.parse({
    format: "netforge.graph",
    version: 1,
    nodes: [
      { id: "input_1", kind: "Input", params: { shape: inputShape } },
      { id: "dense_1", kind: "Dense", params: { units: 8, activation: "relu" } },
      { id: "dense_2", kind: "Dense", params: { units, activation } },
    ],
    edges: [
      { id: "e1", source: "input_1", target: "dense_1", targetPort: "in" },
      { id: "e2", source: "dense_1", target: "dense_2", targetPort: "in" },
    ],
  });
}

const iris: DatasetSummary = {
  kind: "table",
  path: "iris.csv",
  rows: 150,
  estimated: false,
  columns: [],
  classes: [
    { name: "setosa", count: 50 },
    { name: "versicolor", count: 50 },
    { name: "virginica", count: 50 },
  ],
  inputShape: [4],
  outputShape: [3],
  task: "classification",
  preview: [],
  warnings: [],
};

describe("bindingIssues", () => {
  it("finds nothing when the model fits the data", () => {
    expect(bindingIssues(iris, inferGraph(mlp([4], 3)))).toEqual([]);
  });

  it("reports an Input shape that differs from the samples, with a fix", () => {
    const [issue] = bindingIssues(iris, inferGraph(mlp([2], 3)));
    expect(issue).toMatchObject({
      code: "E_DATA_INPUT_SHAPE",
      nodeId: "input_1",
      fix: { nodeId: "input_1", params: { shape: [4] } },
    });
    expect(issue.message).toMatch(/expects samples of shape \[2\], but the data gives \[4\]/);
  });

  it("reports an output that does not give one value per class, with a fix", () => {
    const issues = bindingIssues(iris, inferGraph(mlp([4], 2)));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: "E_DATA_OUTPUT_SIZE", fix: { nodeId: "dense_2", params: { units: 3 } } });
    expect(issues[0].message).toMatch(/3 classes, but the output "dense_2" gives 2 value/);
  });

  it("accepts one sigmoid unit for two classes", () => {
    const xor = {
      ...iris,
      classes: [
        { name: "0", count: 2 },
        { name: "1", count: 2 },
      ],
      inputShape: [2],
      outputShape: [2],
    };
    expect(bindingIssues(xor, inferGraph(mlp([2], 1, "sigmoid")))).toEqual([]);
  });

  it("checks regression targets and accepts unknown dimensions", () => {
    const reg = { ...iris, task: "regression" as const, classes: [], outputShape: [1] };
    expect(bindingIssues(reg, inferGraph(mlp([4], 1, "linear")))).toEqual([]);
    expect(bindingIssues(reg, inferGraph(mlp([4], 2, "linear")))[0].code).toBe("E_DATA_OUTPUT_SIZE");
    const seq = { ...reg, inputShape: [null, 4] };
    expect(bindingIssues(seq, inferGraph(mlp([7, 4], 1, "linear")))).toEqual([]);
  });
});

describe("the target fit follows the labels and the project's loss", () => {
  const xor: DatasetSummary = {
    ...iris,
    kind: "inline",
    classes: [
      { name: "0", count: 2 },
      { name: "1", count: 2 },
    ],
    inputShape: [2],
    outputShape: [2],
    labels: "classIds",
  };

  it("rejects 2-class one-hot rows against one output unit", () => {
    const [issue] = bindingIssues({ ...xor, labels: "oneHot" }, inferGraph(mlp([2], 1, "sigmoid")));
    expect(issue).toMatchObject({ code: "E_DATA_OUTPUT_SIZE", fix: { params: { units: 2 } } });
    expect(issue.message).toMatch(/one-hot targets of 2 values.*gives 1 value\(s\) per sample; expected 2/);
  });

  it("rejects a per-class loss on one sigmoid unit, and says which loss fits", () => {
    const sparse = { type: "sparseCategoricalCrossentropy", fromLogits: false } as const;
    const [issue] = bindingIssues(xor, inferGraph(mlp([2], 1, "sigmoid")), sparse);
    expect(issue.code).toBe("E_DATA_LOSS");
    expect(issue.message).toMatch(/expected binary cross-entropy/);
  });

  it("re-checks when the project's loss changes", () => {
    const editor = createEditor({ project: projectOf(mlp([2], 1, "sigmoid")) });
    setDataSummary(editor.analysis, xor);
    expect(editor.analysis.getState().binding).toEqual([]);
    editor.edit("loss", (p) => ({ ...p, training: { loss: { type: "sparseCategoricalCrossentropy" } } }));
    expect(editor.analysis.getState().binding.map((i) => i.code)).toEqual(["E_DATA_LOSS"]);
    editor.history.undo();
    expect(editor.analysis.getState().binding).toEqual([]);
  });
});

describe("binding issues in the analysis store", () => {
  const twoClassModel = () => projectOf(mlp([2], 2));

  it("merges them into the node badges, the problems list and the model list, and drops them with the data", () => {
    const editor = createEditor({ project: twoClassModel() });
    const before = editor.analysis.getState();
    setDataSummary(editor.analysis, iris);
    const a = editor.analysis.getState();
    expect(a.binding.map((i) => i.code)).toEqual(["E_DATA_INPUT_SHAPE", "E_DATA_OUTPUT_SIZE"]);
    expect(a.graph.nodes.input_1.diagnostics.map((d) => d.code)).toEqual(["E_DATA_INPUT_SHAPE"]);
    expect(a.graph.nodes.dense_2.diagnostics.map((d) => d.code)).toEqual(["E_DATA_OUTPUT_SIZE"]);
    expect(a.nodeDiagnostics.dense_2).toBe(a.graph.nodes.dense_2.diagnostics);
    expect(a.graph.diagnostics.map((d) => d.code)).toEqual(["E_DATA_INPUT_SHAPE", "E_DATA_OUTPUT_SIZE"]);
    // Nodes without a mismatch keep their identity (their canvas nodes do not re-render).
    expect(a.graph.nodes.dense_1).toBe(before.graph.nodes.dense_1);
    setDataSummary(editor.analysis, null);
    expect(editor.analysis.getState().graph.diagnostics).toEqual([]);
    expect(editor.analysis.getState().binding).toEqual([]);
  });

  it("offers each issue's fix through fixesFor and apply-fix, and the issue goes away", () => {
    const editor = createEditor({ project: twoClassModel() });
    setDataSummary(editor.analysis, iris);
    const [inputIssue] = editor.analysis.getState().graph.nodes.input_1.diagnostics;
    const fixes = fixesFor(inputIssue, editor.project(), editor.analysis.getState());
    expect(fixes.map((f) => f.title)).toEqual(["Set the Input's shape to [4]"]);
    expect(editor.run("apply-fix", { diagnostic: inputIssue, index: 0 })).toBe(true);
    const [outputIssue] = editor.analysis.getState().graph.diagnostics;
    expect(outputIssue.code).toBe("E_DATA_OUTPUT_SIZE");
    expect(editor.run("apply-fix", { diagnostic: outputIssue, index: 0 })).toBe(true);
    expect(editor.analysis.getState().graph.diagnostics).toEqual([]);
    expect(editor.project().graph.nodes.find((n) => n.id === "dense_2")?.params.units).toBe(3);
    // Undo brings the mismatch back: the issues follow the document.
    editor.history.undo();
    expect(editor.analysis.getState().binding.map((i) => i.code)).toEqual(["E_DATA_OUTPUT_SIZE"]);
  });

  it("files a mismatch without a block (several Inputs) under the model", () => {
    const two = mlp([4], 3);
    const graph = GraphSchema.parse({
      ...two,
      nodes: [...two.nodes, { id: "input_2", kind: "Input", params: { shape: [4] } }, { id: "add_1", kind: "Add" }],
      edges: [
        ...two.edges.filter((e) => e.id !== "e1"),
        { id: "e3", source: "input_1", target: "add_1", targetPort: "in" },
        { id: "e4", source: "input_2", target: "add_1", targetPort: "in" },
        { id: "e5", source: "add_1", target: "dense_1", targetPort: "in" },
      ],
    });
    const editor = createEditor({ project: projectOf(graph) });
    setDataSummary(editor.analysis, iris);
    const a = editor.analysis.getState();
    expect(a.modelDiagnostics.map((d) => d.code)).toEqual(["W_DATA_INPUTS"]);
    expect(a.graph.diagnostics.filter((d) => isBindingCode(d.code))).toHaveLength(1);
  });
});
