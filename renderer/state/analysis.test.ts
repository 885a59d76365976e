import { describe, expect, it } from "vitest";
import { GraphBuilder } from "../../shared/ir/builder";
import { asEdgeId, asNodeId } from "../../shared/ir/ids";
import { cnn, projectOf, residual } from "./__fixtures__/projects";
import { analyze, createAnalysisStore } from "./analysis";
import { createDocumentStore, updateProject } from "./document-store";
import { moveNodes, removeElements, setParams } from "./edits";

describe("analysis", () => {
  it("follows the document, once per version", () => {
    const doc = createDocumentStore(cnn());
    const { analysis } = createAnalysisStore(doc);
    expect(analysis.getState().graph.nodes.dense_1.outputShapes).toEqual([[10]]);
    updateProject(doc, (p) => setParams(p, "conv2d_1", { kernelSize: 5 }));
    expect(analysis.getState().version).toBe(1);
    expect(analysis.getState().graph.nodes.conv2d_1.outputShapes).toEqual([[24, 24, 8]]);
    expect(analysis.getState().graph.edgeShapes.e3).toEqual([4608]);
  });

  it("does not re-run for moves: dragging cannot change a shape", () => {
    const doc = createDocumentStore(cnn());
    const { analysis } = createAnalysisStore(doc);
    const before = analysis.getState().graph;
    updateProject(doc, (p) => moveNodes(p, { dense_1: { x: 999, y: 5 } }));
    expect(analysis.getState().graph).toBe(before);
    expect(analysis.getState().version).toBe(1);
  });

  it("keeps per-node results by identity while they are equal", () => {
    const doc = createDocumentStore(cnn());
    const { analysis } = createAnalysisStore(doc);
    const before = analysis.getState().graph.nodes;
    updateProject(doc, (p) => setParams(p, "dense_1", { activation: "relu" }));
    const after = analysis.getState().graph.nodes;
    expect(after.input_1).toBe(before.input_1);
    expect(after.conv2d_1).toBe(before.conv2d_1);
    expect(after.flatten_1).toBe(before.flatten_1);
    expect(after.dense_1).not.toBe(before.dense_1);
    expect(after.dense_1.params?.activation).toBe("relu");
    const shapes = analysis.getState().graph.edgeShapes;
    updateProject(doc, (p) => setParams(p, "conv2d_1", { kernelSize: 5 }));
    const moved = analysis.getState().graph.edgeShapes;
    expect(moved.e1).toBe(shapes.e1);
    expect(moved.e2).not.toBe(shapes.e2);
    expect(moved.e2).toEqual([24, 24, 8]);
  });

  it("files diagnostics under the node, the edge or the model they concern", () => {
    const p = cnn();
    const noFlatten = removeElements(p, { nodeIds: ["flatten_1"] });
    const wired = {
      ...noFlatten,
      graph: {
        ...noFlatten.graph,
        edges: [
          ...noFlatten.graph.edges,
          { id: asEdgeId("e9"), source: asNodeId("conv2d_1"), target: asNodeId("dense_1"), targetPort: "in" },
          { id: asEdgeId("e10"), source: asNodeId("ghost"), target: asNodeId("dense_1"), targetPort: "in" },
        ],
      },
    };
    const a = analyze(wired.graph);
    expect(a.nodeDiagnostics.dense_1?.map((d) => d.code)).toEqual(["W_DENSE_ON_RANK"]);
    expect(a.edgeDiagnostics.e10?.map((d) => d.code)).toEqual(["E_DANGLING_EDGE"]);
    expect(a.nodeDiagnostics.input_1).toBeUndefined();
    expect(analyze(projectOf({ ...p.graph, nodes: [], edges: [] }).graph).modelDiagnostics.map((d) => d.code)).toEqual([
      "E_NO_INPUT",
    ]);
  });

  it("puts a graph-level diagnostic that names a node on that node", () => {
    const b = new GraphBuilder();
    const [, g] = b.chain(null, ["Input", { shape: [4] }], ["GANGenerator"]);
    b.chain(null, ["Input", { shape: [3] }], ["Dense", { units: 1 }], ["GANDiscriminator"]);
    const a = analyze(b.build());
    expect(a.nodeDiagnostics[g]?.map((d) => d.code)).toContain("E_GAN_PAIR");
  });

  it("analyses a 500-node graph well within a frame (prints the time)", () => {
    const p = residual(500);
    const doc = createDocumentStore(p);
    const { analysis } = createAnalysisStore(doc);
    const times: number[] = [];
    for (let i = 0; i < 30; i++) {
      const t0 = performance.now();
      updateProject(doc, (q) => setParams(q, "conv2d_1", { kernelSize: i % 2 ? 5 : 3 }));
      times.push(performance.now() - t0);
    }
    times.sort((x, y) => x - y);
    console.log(
      `analysis of ${p.graph.nodes.length} nodes after a param edit: median ${times[15].toFixed(1)} ms, max ${times[29].toFixed(1)} ms (target well under 50 ms)`,
    );
    expect(analysis.getState().graph.ok).toBe(true);
    expect(Object.keys(analysis.getState().graph.nodes)).toHaveLength(p.graph.nodes.length);
  });
});
