import { describe, expect, it } from "vitest";
import { cnn } from "../state/__fixtures__/projects";
import { createEditor, memoryClipboard } from "../state/editor";

const make = (project = cnn()) => {
  const clipboard = memoryClipboard();
  return { editor: createEditor({ project, clipboard }), clipboard };
};
const shapes = (editor: ReturnType<typeof make>["editor"]) => {
  const a = editor.analysis.getState().graph;
  return editor.project().graph.edges.map((e) => `${e.source}>${e.target} ${JSON.stringify(a.edgeShapes[e.id])}`);
};

describe("graph commands", () => {
  it("builds Input -> Conv2D -> Flatten -> Dense from the palette, each added after the selected layer", () => {
    const { editor } = make(undefined);
    editor.loadProject({ ...cnn(), graph: { ...cnn().graph, nodes: [], edges: [] } });
    editor.run("add-layer", { kind: "Input", params: { shape: [28, 28, 1] }, position: { x: 0, y: 0 } });
    editor.run("add-layer", { kind: "Conv2D", params: { filters: 8, kernelSize: 3 } });
    editor.run("add-layer", { kind: "Flatten" });
    editor.run("add-layer", { kind: "Dense", params: { units: 10 } });
    expect(shapes(editor)).toEqual([
      "input_1>conv2d_1 [28,28,1]",
      "conv2d_1>flatten_1 [26,26,8]",
      "flatten_1>dense_1 [5408]",
    ]);
    expect(editor.ui.getState().selection.nodes).toEqual(["dense_1"]);
  });

  it("removes Flatten, shows the diagnostic and applies its fix; undo and redo each step", () => {
    const { editor } = make();
    editor.ui.setState({ selection: { nodes: ["flatten_1"], edges: [] } });
    editor.run("delete");
    editor.run("connect", { source: "conv2d_1", target: "dense_1" });
    const diagnostic = editor.analysis.getState().nodeDiagnostics.dense_1?.[0];
    expect(diagnostic?.code).toBe("W_DENSE_ON_RANK");
    expect(editor.run("apply-fix", { diagnostic })).toBe(true);
    expect(editor.analysis.getState().graph.diagnostics).toEqual([]);
    expect(shapes(editor)).toContain("flatten_1>dense_1 [5408]");
    editor.run("undo");
    expect(editor.analysis.getState().nodeDiagnostics.dense_1?.[0].code).toBe("W_DENSE_ON_RANK");
    editor.run("undo");
    editor.run("undo");
    expect(editor.project().graph.nodes.map((n) => n.id)).toEqual(["input_1", "conv2d_1", "flatten_1", "dense_1"]);
    editor.run("redo");
    editor.run("redo");
    editor.run("redo");
    expect(editor.analysis.getState().graph.diagnostics).toEqual([]);
  });

  it("updates every shape when kernelSize changes", () => {
    const { editor } = make();
    editor.run("set-params", { id: "conv2d_1", params: { kernelSize: 5 } });
    expect(shapes(editor)).toEqual([
      "input_1>conv2d_1 [28,28,1]",
      "conv2d_1>flatten_1 [24,24,8]",
      "flatten_1>dense_1 [4608]",
    ]);
  });

  it("refuses a connection that cannot be valid, saying why", () => {
    const { editor } = make();
    editor.run("connect", { source: "dense_1", target: "conv2d_1" });
    expect(editor.ui.getState().toasts.at(-1)?.text).toMatch(/^Cannot connect: .*already has one/);
    editor.run("connect", { source: "dense_1", target: "input_1" });
    expect(editor.ui.getState().toasts.at(-1)?.text).toContain("takes no inputs");
    expect(editor.project().graph.edges).toHaveLength(3);
  });

  it("copies, cuts and pastes through the clipboard as netforge.fragment JSON", async () => {
    const { editor, clipboard } = make();
    editor.ui.setState({ selection: { nodes: ["conv2d_1", "flatten_1"], edges: [] } });
    editor.run("copy");
    await Promise.resolve();
    const text = await clipboard.readText();
    expect(JSON.parse(text)).toMatchObject({ format: "netforge.fragment", version: 1 });
    editor.run("paste");
    await new Promise((r) => setTimeout(r, 0));
    expect(editor.ui.getState().selection.nodes).toEqual(["conv2d_2", "flatten_2"]);
    expect(editor.project().graph.edges.at(-1)).toMatchObject({ source: "conv2d_2", target: "flatten_2" });
    editor.run("cut");
    expect(editor.project().graph.nodes.map((n) => n.id)).toEqual(["input_1", "conv2d_1", "flatten_1", "dense_1"]);
    editor.run("paste", { text: await clipboard.readText(), position: { x: 0, y: 500 } });
    expect(editor.project().graph.nodes.at(-2)?.position).toEqual({ x: 0, y: 500 });
    editor.run("paste", { text: "not json" });
    expect(editor.ui.getState().toasts.at(-1)?.text).toContain("Nothing to paste");
  });

  it("duplicates, selects all, groups, collapses and ungroups", () => {
    const { editor } = make();
    editor.ui.setState({ selection: { nodes: ["dense_1"], edges: [] } });
    editor.run("duplicate");
    expect(editor.ui.getState().selection.nodes).toEqual(["dense_2"]);
    editor.run("select-all");
    expect(editor.ui.getState().selection.nodes).toHaveLength(5);
    expect(editor.ui.getState().selection.edges).toHaveLength(3);
    editor.ui.setState({ selection: { nodes: ["conv2d_1", "flatten_1"], edges: [] } });
    editor.run("group", { name: "Features" });
    expect(editor.project().graph.groups).toEqual([{ id: "group_1", name: "Features", collapsed: false }]);
    editor.run("toggle-group", { groupId: "group_1" });
    expect(editor.project().graph.groups?.[0].collapsed).toBe(true);
    editor.run("rename-group", { groupId: "group_1", name: "Stem" });
    editor.run("ungroup");
    expect(editor.project().graph.groups).toBeUndefined();
    editor.run("undo");
    expect(editor.project().graph.groups?.[0]).toEqual({ id: "group_1", name: "Stem", collapsed: true });
  });

  it("lays out, fits the view, opens help and focuses a layer without touching history", () => {
    const { editor } = make();
    editor.run("auto-layout");
    expect(editor.ui.getState().fitRequest?.seq).toBe(1);
    editor.history.clear();
    editor.run("zoom-to-fit");
    editor.run("help");
    expect(editor.ui.getState().helpOpen).toBe(true);
    editor.run("escape");
    expect(editor.ui.getState().helpOpen).toBe(false);
    editor.run("focus-node", { nodeId: "flatten_1" });
    expect(editor.ui.getState().focusRequest?.value).toBe("flatten_1");
    expect(editor.ui.getState().selection.nodes).toEqual(["flatten_1"]);
    expect(editor.history.canUndo()).toBe(false);
    expect(editor.run("focus-node", { nodeId: "ghost" })).toBe(false);
  });
});
