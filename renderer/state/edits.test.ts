import { describe, expect, it } from "vitest";
import { inferGraph } from "../../shared/shapes/infer";
import { cnn } from "./__fixtures__/projects";
import { blankProject } from "./document-store";
import {
  addNode,
  connect,
  insertAfter,
  insertBetween,
  moveNodes,
  removeElements,
  renameNode,
  setParams,
} from "./edits";
import { EditError } from "./project-ops";

const ids = (list: readonly { id: string }[]) => list.map((x) => x.id);

describe("pure edits", () => {
  it("adds a node with a readable id, a free spot and only the params given", () => {
    const { project, id } = addNode(cnn(), { kind: "Dense", params: { units: 4 } });
    expect(id).toBe("dense_2");
    const node = project.graph.nodes.at(-1);
    expect(node).toMatchObject({ id: "dense_2", kind: "Dense", params: { units: 4 } });
    const rightmost = Math.max(...cnn().graph.nodes.map((n) => n.position?.x ?? 0));
    expect(node?.position?.x).toBeGreaterThan(rightmost);
  });

  it("never mutates its input and keeps untouched records by identity", () => {
    const p = cnn();
    const frozen = structuredClone(p);
    const q = setParams(p, "conv2d_1", { filters: 16 });
    expect(p).toEqual(frozen);
    expect(q.graph.nodes[0]).toBe(p.graph.nodes[0]);
    expect(q.graph.nodes[1]).not.toBe(p.graph.nodes[1]);
    expect(q.graph.edges).toBe(p.graph.edges);
  });

  it("returns the same project when an edit changes nothing", () => {
    const p = cnn();
    expect(setParams(p, "conv2d_1", { filters: 8, kernelSize: 3 })).toBe(p);
    expect(moveNodes(p, { conv2d_1: p.graph.nodes[1].position as { x: number; y: number } })).toBe(p);
    expect(renameNode(p, "dense_1", "")).toBe(p);
    expect(removeElements(p, { nodeIds: ["nope"] })).toBe(p);
    expect(connect(p, { source: "conv2d_1", target: "flatten_1" })).toBe(p);
  });

  it("removes a param set to undefined, so it falls back to the spec default", () => {
    const q = setParams(cnn(), "conv2d_1", { kernelSize: undefined });
    expect(q.graph.nodes[1].params).toEqual({ filters: 8 });
  });

  it("names unknown ids and kinds in its errors", () => {
    expect(() => setParams(cnn(), "conv9", {})).toThrow(EditError);
    expect(() => setParams(cnn(), "conv9", {})).toThrow(/node "conv9" does not exist; expected one of "input_1"/);
    expect(() => addNode(cnn(), { kind: "Dens" })).toThrow(/unknown layer kind "Dens"/);
    expect(() => connect(cnn(), { source: "input_1", target: "dense_1", targetPort: "x" })).toThrow(
      /Dense "dense_1" has no input port "x"; its input ports are "in"/,
    );
    expect(() => moveNodes(cnn(), { input_1: { x: Number.NaN, y: 0 } })).toThrow(/finite/);
  });

  it("removes nodes with their edges", () => {
    const q = removeElements(cnn(), { nodeIds: ["flatten_1"] });
    expect(ids(q.graph.nodes)).toEqual(["input_1", "conv2d_1", "dense_1"]);
    expect(q.graph.edges.map((e) => `${e.source}>${e.target}`)).toEqual(["input_1>conv2d_1"]);
  });

  it("replaces the wire of a single input and appends to a variadic one", () => {
    let p = cnn();
    p = connect(p, { source: "input_1", target: "flatten_1" });
    expect(p.graph.edges.filter((e) => e.target === "flatten_1").map((e) => e.source)).toEqual(["input_1"]);
    const add = addNode(p, { kind: "Add" });
    p = connect(add.project, { source: "dense_1", target: add.id });
    p = connect(p, { source: "flatten_1", target: add.id });
    expect(p.graph.edges.filter((e) => e.target === add.id).map((e) => e.source)).toEqual(["dense_1", "flatten_1"]);
  });

  it("inserts a layer after another, splicing it into the chain", () => {
    const { project, id } = insertAfter(cnn(), "conv2d_1", { kind: "MaxPooling2D" });
    expect(id).toBe("max_pooling2d_1");
    const chain = project.graph.edges.map((e) => `${e.source}>${e.target}`);
    expect(chain).toContain("conv2d_1>max_pooling2d_1");
    expect(chain).toContain("max_pooling2d_1>flatten_1");
    expect(chain).not.toContain("conv2d_1>flatten_1");
    const a = inferGraph(project.graph);
    expect(a.ok).toBe(true);
    expect(a.nodes.max_pooling2d_1.outputShapes).toEqual([[13, 13, 8]]);
    const x = (id: string) => project.graph.nodes.find((n) => n.id === id)?.position?.x as number;
    expect(x("max_pooling2d_1")).toBeGreaterThan(x("conv2d_1"));
    expect(x("flatten_1")).toBeGreaterThan(x("max_pooling2d_1"));
  });

  it("inserts a layer between the two ends of an edge, keeping the target port", () => {
    const p = removeElements(cnn(), { nodeIds: ["flatten_1"] });
    const wired = connect(p, { source: "conv2d_1", target: "dense_1" });
    const edge = wired.graph.edges.find((e) => e.target === "dense_1");
    const { project, id } = insertBetween(wired, edge?.id as string, { kind: "Flatten" });
    expect(project.graph.edges.map((e) => `${e.source}>${e.target}:${e.targetPort}`)).toEqual([
      "input_1>conv2d_1:in",
      "conv2d_1>flatten_1:in",
      `${id}>dense_1:in`,
    ]);
    expect(inferGraph(project.graph).ok).toBe(true);
  });

  it("starts from a blank project", () => {
    const { project } = addNode(blankProject(), { kind: "Input" });
    expect(project.graph.nodes[0].position).toEqual({ x: 0, y: 0 });
  });

  it("renames and clears names", () => {
    const named = renameNode(cnn(), "dense_1", "  head  ");
    expect(named.graph.nodes[3].name).toBe("head");
    expect("name" in renameNode(named, "dense_1", " ").graph.nodes[3]).toBe(false);
  });
});
