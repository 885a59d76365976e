import { describe, expect, it } from "vitest";
import { inferGraph } from "../../shared/shapes/infer";
import { cnn } from "./__fixtures__/projects";
import { copyFragment, FRAGMENT_FORMAT, parseFragment, pasteFragment, serializeFragment } from "./clipboard";
import { blankProject } from "./document-store";
import { groupNodes } from "./grouping";

describe("clipboard fragments", () => {
  it("copies the chosen nodes and only the edges between them", () => {
    const f = copyFragment(cnn(), ["conv2d_1", "flatten_1", "dense_1"]);
    expect(f.format).toBe(FRAGMENT_FORMAT);
    expect(f.nodes.map((n) => n.id)).toEqual(["conv2d_1", "flatten_1", "dense_1"]);
    expect(f.edges.map((e) => `${e.source}>${e.target}`)).toEqual(["conv2d_1>flatten_1", "flatten_1>dense_1"]);
  });

  it("pastes with fresh ids, remapped edges and offset positions, into the same or another project", () => {
    const p = cnn();
    const text = serializeFragment(copyFragment(p, ["input_1", "conv2d_1"]));
    const parsed = parseFragment(text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const same = pasteFragment(p, parsed.fragment, { x: 10, y: 20 });
    expect(same.ids).toEqual(["input_2", "conv2d_2"]);
    const added = same.project.graph.edges.slice(p.graph.edges.length);
    expect(added.map((e) => `${e.id}:${e.source}>${e.target}`)).toEqual(["e4:input_2>conv2d_2"]);
    const src = p.graph.nodes[1].position as { x: number; y: number };
    expect(same.project.graph.nodes.at(-1)?.position).toEqual({ x: src.x + 10, y: src.y + 20 });
    expect(inferGraph(same.project.graph).nodes.conv2d_2.outputShapes).toEqual([[26, 26, 8]]);

    const other = pasteFragment(blankProject(), parsed.fragment);
    expect(other.ids).toEqual(["input_1", "conv2d_1"]);
    expect(other.project.graph.edges).toHaveLength(1);
  });

  it("keeps groups of the copied nodes, renamed to free ids", () => {
    const grouped = groupNodes(cnn(), ["conv2d_1", "flatten_1"], "Features").project;
    const f = copyFragment(grouped, ["conv2d_1", "flatten_1"]);
    const r = pasteFragment(grouped, f);
    expect(r.project.graph.groups?.map((g) => `${g.id}:${g.name}`)).toEqual(["group_1:Features", "group_2:Features"]);
    expect(r.project.graph.nodes.filter((n) => n.group === "group_2").map((n) => n.id)).toEqual([
      "conv2d_2",
      "flatten_2",
    ]);
  });

  it("reads a whole graph or project file as blocks", () => {
    const p = cnn();
    const fromProject = parseFragment(JSON.stringify(p));
    expect(fromProject.ok && fromProject.fragment.nodes).toHaveLength(4);
    const fromGraph = parseFragment(JSON.stringify(p.graph));
    expect(fromGraph.ok && fromGraph.fragment.edges).toHaveLength(3);
  });

  it("explains what it expected when the clipboard holds something else", () => {
    const text = parseFragment("hello world");
    expect(text).toEqual({ ok: false, error: expect.stringContaining('received text "hello world"') });
    const other = parseFragment(JSON.stringify({ format: "excalidraw", elements: [] }));
    expect(other).toEqual({ ok: false, error: expect.stringContaining('received format "excalidraw"') });
    const bad = parseFragment(
      JSON.stringify({ format: FRAGMENT_FORMAT, version: 1, nodes: [{ id: "a b" }], edges: [] }),
    );
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error).toContain("nodes.0");
  });
});
