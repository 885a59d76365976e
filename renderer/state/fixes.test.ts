import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../shared/diagnostics";
import { GraphBuilder, sequential } from "../../shared/ir/builder";
import { asEdgeId, asNodeId } from "../../shared/ir/ids";
import type { Project } from "../../shared/ir/project";
import { cnn, projectOf } from "./__fixtures__/projects";
import { analyze } from "./analysis";
import { connect, removeElements } from "./edits";
import { fixesFor } from "./fixes";

const codes = (p: Project) => analyze(p.graph).graph.diagnostics.map((d) => d.code);

/** The diagnostic with `code`, its fixes, and the project after the first fix. */
function fix(p: Project, code: Diagnostic["code"], index = 0) {
  const a = analyze(p.graph);
  const d = a.graph.diagnostics.find((x) => x.code === code);
  if (!d) throw new Error(`no ${code} among ${a.graph.diagnostics.map((x) => x.code).join(", ")}`);
  const fixes = fixesFor(d, p, a);
  return { fixes, after: fixes[index]?.apply(p) };
}

describe("quick fixes", () => {
  it("inserts Flatten before a Dense that receives an image tensor", () => {
    const p = connect(removeElements(cnn(), { nodeIds: ["flatten_1"] }), { source: "conv2d_1", target: "dense_1" });
    const { fixes, after } = fix(p, "W_DENSE_ON_RANK");
    expect(fixes.map((f) => f.title)).toEqual([
      "Insert Flatten before dense_1",
      "Insert GlobalAveragePooling2D before dense_1",
    ]);
    expect(codes(after as Project)).toEqual([]);
    expect(analyze((after as Project).graph).graph.nodes.dense_1.outputShapes).toEqual([[10]]);
    const pooled = fixes[1].apply(p);
    expect(analyze(pooled.graph).graph.nodes.dense_1.paramCount.total).toBe(8 * 10 + 10);
  });

  it("inserts a Dense projection before an Add of vectors of different sizes", () => {
    const b = new GraphBuilder();
    const [x, d] = b.chain(null, ["Input", { shape: [8] }], ["Dense", { units: 16 }]);
    const add = b.add("Add");
    b.connect(d, add).connect(x, add);
    const { fixes, after } = fix(projectOf(b.build()), "E_SHAPE_MISMATCH");
    expect(fixes[0].title).toBe(`Insert a Dense projection to 16 units before ${add}`);
    expect(codes(after as Project)).toEqual([]);
  });

  it("inserts a strided 1x1 Conv2D on a residual shortcut (ResNet's projection)", () => {
    const b = new GraphBuilder();
    const [x, c] = b.chain(
      null,
      ["Input", { shape: [32, 32, 16] }],
      ["Conv2D", { filters: 32, kernelSize: 3, strides: 2, padding: "same" }],
    );
    const add = b.add("Add");
    b.connect(c, add).connect(x, add);
    const { fixes, after } = fix(projectOf(b.build()), "E_SHAPE_MISMATCH");
    expect(fixes[0].title).toContain("1x1 Conv2D projection to 32 channels, stride 2");
    expect(codes(after as Project)).toEqual([]);
    expect(analyze((after as Project).graph).graph.nodes[add].outputShapes).toEqual([[16, 16, 32]]);
  });

  it("resets an invalid parameter and removes an unknown one", () => {
    const bad = projectOf(sequential([4], ["Dense", { units: 0, color: "red" }]));
    expect(codes(bad)).toEqual(expect.arrayContaining(["E_PARAM_INVALID", "E_PARAM_UNKNOWN"]));
    const reset = fix(bad, "E_PARAM_INVALID");
    expect(reset.fixes[0].title).toBe("Reset units to its default");
    expect(reset.after?.graph.nodes[1].params).toEqual({ color: "red" });
    const removed = fix(bad, "E_PARAM_UNKNOWN");
    expect(removed.after?.graph.nodes[1].params).toEqual({ units: 0 });
  });

  it("removes the connection that closes a cycle", () => {
    const b = new GraphBuilder();
    const [, a] = b.chain(null, ["Input", { shape: [4] }], ["Dense", { units: 4 }]);
    const add = b.add("Add");
    const back = b.add("Dense", { units: 4 });
    b.connect(a, add).connect(back, add).connect(add, back);
    const { fixes, after } = fix(projectOf(b.build()), "E_CYCLE");
    expect(fixes[0].title).toMatch(/^Remove the connection .* that closes the cycle$/);
    expect(codes(after as Project)).not.toContain("E_CYCLE");
    expect(after?.graph.edges).toHaveLength(3);
  });

  it("adds a missing Input and wires it to the first layer", () => {
    const b = new GraphBuilder();
    b.chain(null, ["Dense", { units: 3 }]);
    const { after } = fix(projectOf(b.build()), "E_NO_INPUT");
    expect(after?.graph.edges.map((e) => `${e.source}>${e.target}`)).toEqual(["input_1>dense_1"]);
    expect(codes(after as Project)).toEqual([]);
  });

  it("deletes an unused Input, drops extra wires, and switches to same padding", () => {
    const extraInput = projectOf({
      ...cnn().graph,
      nodes: [...cnn().graph.nodes, { id: asNodeId("input_9"), kind: "Input", params: {} }],
    });
    expect(codes(fix(extraInput, "W_UNUSED_INPUT").after as Project)).toEqual([]);

    const twice = projectOf({
      ...cnn().graph,
      edges: [
        ...cnn().graph.edges,
        { id: asEdgeId("e9"), source: asNodeId("input_1"), target: asNodeId("dense_1"), targetPort: "in" },
      ],
    });
    const extra = fix(twice, "E_TOO_MANY_INPUTS");
    expect(extra.after?.graph.edges.map((e) => e.id)).toEqual(["e1", "e2", "e3"]);

    const tiny = projectOf(
      sequential([2, 2, 1], ["Conv2D", { filters: 1, kernelSize: 3 }], ["Flatten"], ["Dense", { units: 1 }]),
    );
    const padded = fix(tiny, "E_NONPOSITIVE_SIZE");
    expect(padded.fixes[0].title).toBe('Use padding "same" in conv2d_1');
    expect(codes(padded.after as Project)).toEqual([]);
  });

  it("offers nothing where no remedy is obvious", () => {
    const p = projectOf(sequential([4], ["Conv2D", { filters: 2 }]));
    const a = analyze(p.graph);
    const rank = a.graph.diagnostics.find((d) => d.code === "E_RANK") as Diagnostic;
    expect(fixesFor(rank, p, a)).toEqual([]);
  });
});
