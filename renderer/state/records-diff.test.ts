import { describe, expect, it } from "vitest";
import { cnn } from "./__fixtures__/projects";
import { addNode, removeElements, renameNode, setParams } from "./edits";
import { applyDiff, diffProjects, emptyDiff, isDiffEmpty, reverseDiff, squashInto } from "./records-diff";

describe("records diffs", () => {
  it("records only what changed, by id", () => {
    const p = cnn();
    const q = setParams(p, "dense_1", { units: 3 });
    const d = diffProjects(p, q);
    expect(Object.keys(d.nodes.updated)).toEqual(["dense_1"]);
    expect(d.meta).toEqual(emptyDiff().meta);
    expect(isDiffEmpty(diffProjects(p, p))).toBe(true);
  });

  it("applies and reverses, restoring the same records", () => {
    const p = cnn();
    const q = removeElements({ ...p, name: "Renamed" }, { nodeIds: ["conv2d_1"] });
    const d = diffProjects(p, q);
    expect(applyDiff(p, d)).toEqual(q);
    const back = applyDiff(q, reverseDiff(d));
    expect(back).toEqual(p);
    expect(back.graph.nodes[1]).toBe(p.graph.nodes[1]);
    expect(back.graph.nodes[0]).toBe(p.graph.nodes[0]);
  });

  it("squashes an add followed by a remove into nothing, and update chains into one update", () => {
    const p = cnn();
    const added = addNode(p, { kind: "Dropout" });
    const removed = removeElements(added.project, { nodeIds: [added.id] });
    const d = squashInto(emptyDiff(), diffProjects(p, added.project), diffProjects(added.project, removed));
    expect(d.nodes).toEqual({ added: {}, updated: {}, removed: {} });
    const a = renameNode(p, "dense_1", "a");
    const b = renameNode(a, "dense_1", "b");
    const chain = squashInto(emptyDiff(), diffProjects(p, a), diffProjects(a, b));
    expect(chain.nodes.updated.dense_1).toEqual([p.graph.nodes[3], b.graph.nodes[3]]);
    expect(applyDiff(p, chain)).toEqual(b);
  });
});
