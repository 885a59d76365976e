import { describe, expect, it } from "vitest";
import { cnn } from "../state/__fixtures__/projects";
import { createEditor, memoryClipboard } from "../state/editor";
import { moveNodes } from "../state/edits";
import { groupNodes, setGroupCollapsed } from "../state/grouping";
import { EMPTY_SELECTION } from "../state/ui-store";
import { blockNodeId, createFlowMapper, createFlowView, frameNodeId } from "./to-flow";

describe("document -> React Flow", () => {
  it("maps layers to generic nodes carrying only their kind, and edges to shape edges", () => {
    const map = createFlowMapper();
    const { nodes, edges } = map({ project: cnn(), selection: EMPTY_SELECTION });
    expect(nodes.map((n) => [n.id, n.type, n.data])).toEqual([
      ["input_1", "layer", { kind: "Input" }],
      ["conv2d_1", "layer", { kind: "Conv2D" }],
      ["flatten_1", "layer", { kind: "Flatten" }],
      ["dense_1", "layer", { kind: "Dense" }],
    ]);
    expect(edges[0]).toMatchObject({
      id: "e1",
      type: "shape",
      source: "input_1",
      target: "conv2d_1",
      sourceHandle: null,
      targetHandle: "in",
    });
    expect(nodes[1].ariaLabel).toBe("Conv2D conv2d_1");
  });

  it("keeps the identity of every flow object whose record did not change", () => {
    const map = createFlowMapper();
    const p = cnn();
    const first = map({ project: p, selection: EMPTY_SELECTION });
    const q = moveNodes(p, { conv2d_1: { x: 5, y: 5 } });
    const moved = map({ project: q, selection: EMPTY_SELECTION });
    expect(moved.nodes[0]).toBe(first.nodes[0]);
    expect(moved.nodes[1]).not.toBe(first.nodes[1]);
    expect(moved.nodes[1].data).toBe(first.nodes[1].data);
    expect(moved.nodes[1].position).toEqual({ x: 5, y: 5 });
    expect(moved.edges).toBe(first.edges);
    const selected = map({ project: q, selection: { nodes: ["dense_1"], edges: ["e2"] } });
    expect(selected.nodes.filter((n, i) => n !== moved.nodes[i]).map((n) => n.id)).toEqual(["dense_1"]);
    expect(selected.nodes[3].selected).toBe(true);
    expect(selected.edges.filter((e, i) => e !== moved.edges[i]).map((e) => e.id)).toEqual(["e2"]);
    const again = map({ project: q, selection: { nodes: ["dense_1"], edges: ["e2"] } });
    expect(again.nodes).toBe(selected.nodes);
  });

  it("draws a collapsed group as one block with the crossing wires attached to it", () => {
    const grouped = groupNodes(cnn(), ["conv2d_1", "flatten_1"], "Features");
    const collapsed = setGroupCollapsed(grouped.project, grouped.id, true);
    const { nodes, edges } = createFlowMapper()({
      project: collapsed,
      selection: { nodes: ["conv2d_1", "flatten_1"], edges: [] },
    });
    expect(nodes.map((n) => n.id)).toEqual([blockNodeId("group_1"), "input_1", "dense_1"]);
    expect(nodes[0]).toMatchObject({
      type: "block",
      data: { groupId: "group_1", name: "Features", members: 2 },
      selected: true,
    });
    expect(edges.map((e) => `${e.source}:${e.sourceHandle}>${e.target}:${e.targetHandle}`)).toEqual([
      "input_1:null>block:group_1:in",
      "block:group_1:out>dense_1:in",
    ]);
    const open = createFlowMapper()({ project: grouped.project, selection: EMPTY_SELECTION });
    expect(open.nodes[0]).toMatchObject({ id: frameNodeId("group_1"), type: "frame", selectable: false });
    expect(open.nodes).toHaveLength(5);
  });
});

describe("React Flow -> document", () => {
  const make = () => {
    const editor = createEditor({ project: cnn(), clipboard: memoryClipboard() });
    return { editor, view: createFlowView(editor) };
  };

  it("records a whole drag as one undo entry", () => {
    const { editor, view } = make();
    for (let i = 1; i <= 30; i++)
      view.onNodesChange([{ id: "dense_1", type: "position", position: { x: i, y: i }, dragging: true }]);
    view.onNodesChange([{ id: "dense_1", type: "position", dragging: false }]);
    expect(view.getSnapshot().nodes[3].position).toEqual({ x: 30, y: 30 });
    for (let i = 1; i <= 5; i++)
      view.onNodesChange([{ id: "dense_1", type: "position", position: { x: 100, y: i }, dragging: true }]);
    view.onNodesChange([{ id: "dense_1", type: "position", position: { x: 100, y: 5 }, dragging: false }]);
    editor.history.undo();
    expect(editor.project().graph.nodes[3].position).toEqual({ x: 30, y: 30 });
    editor.history.undo();
    expect(editor.project().graph.nodes[3].position).toEqual(cnn().graph.nodes[3].position);
    expect(editor.history.canUndo()).toBe(false);
  });

  it("keeps a drag in the view until the drop, then writes it to the document once", () => {
    const { editor, view } = make();
    const version = editor.doc.getState().version;
    for (let i = 1; i <= 10; i++)
      view.onNodesChange([{ id: "dense_1", type: "position", position: { x: i, y: 2 * i }, dragging: true }]);
    expect(view.getSnapshot().nodes[3].position).toEqual({ x: 10, y: 20 });
    expect(editor.doc.getState().version).toBe(version);
    expect(editor.project().graph.nodes[3].position).toEqual(cnn().graph.nodes[3].position);
    view.onNodesChange([{ id: "dense_1", type: "position", dragging: false }]);
    expect(editor.doc.getState().version).toBe(version + 1);
    expect(editor.project().graph.nodes[3].position).toEqual({ x: 10, y: 20 });
  });

  it("drags a collapsed block by the pointer's whole offset, however many ticks it takes", () => {
    const { editor, view } = make();
    editor.edit("group", (p) => setGroupCollapsed(groupNodes(p, ["conv2d_1", "flatten_1"]).project, "group_1", true));
    const before = editor.project().graph.nodes.map((n) => n.position ?? { x: 0, y: 0 });
    const { id, position } = view.getSnapshot().nodes[0];
    for (let i = 1; i <= 4; i++)
      view.onNodesChange([
        { id, type: "position", position: { x: position.x + 10 * i, y: position.y }, dragging: true },
      ]);
    expect(view.getSnapshot().nodes[0].position).toEqual({ x: position.x + 40, y: position.y });
    view.onNodesChange([{ id, type: "position", dragging: false }]);
    const after = editor.project().graph.nodes.map((n) => n.position);
    expect(after[1]).toEqual({ x: before[1].x + 40, y: before[1].y });
    expect(after[2]).toEqual({ x: before[2].x + 40, y: before[2].y });
    editor.history.undo();
    expect(editor.project().graph.nodes[1].position).toEqual(before[1]);
  });

  it("keeps measured sizes so React Flow does not measure moved nodes again", () => {
    const { view } = make();
    view.onNodesChange([{ id: "dense_1", type: "dimensions", dimensions: { width: 200, height: 80 } }]);
    view.onNodesChange([{ id: "dense_1", type: "position", position: { x: 1, y: 2 }, dragging: true }]);
    expect(view.getSnapshot().nodes[3]).toMatchObject({ measured: { width: 200, height: 80 }, dragging: true });
  });

  it("turns selection and removal into the ui selection and a delete", () => {
    const { editor, view } = make();
    view.onNodesChange([{ id: "conv2d_1", type: "select", selected: true }]);
    view.onEdgesChange([{ id: "e3", type: "select", selected: true }]);
    expect(editor.ui.getState().selection).toEqual({ nodes: ["conv2d_1"], edges: ["e3"] });
    view.onNodesChange([{ id: "flatten_1", type: "remove" }]);
    view.onEdgesChange([{ id: "e2", type: "remove" }]);
    expect(editor.project().graph.nodes.map((n) => n.id)).toEqual(["input_1", "conv2d_1", "dense_1"]);
    expect(editor.ui.getState().selection).toEqual({ nodes: ["conv2d_1"], edges: [] });
  });

  it("moves a collapsed block's members together", () => {
    const { editor, view } = make();
    editor.edit("group", (p) => setGroupCollapsed(groupNodes(p, ["conv2d_1", "flatten_1"]).project, "group_1", true));
    const before = editor.project().graph.nodes.map((n) => n.position);
    const block = view.getSnapshot().nodes[0];
    view.onNodesChange([
      { id: block.id, type: "position", position: { x: block.position.x + 10, y: block.position.y - 5 } },
    ]);
    const after = editor.project().graph.nodes.map((n) => n.position);
    expect(after[1]).toEqual({ x: (before[1]?.x ?? 0) + 10, y: (before[1]?.y ?? 0) - 5 });
    expect(after[2]).toEqual({ x: (before[2]?.x ?? 0) + 10, y: (before[2]?.y ?? 0) - 5 });
    expect(after[0]).toBe(before[0]);
  });

  it("checks a wire while it is dragged and adds it when dropped", () => {
    const { editor, view } = make();
    const cycle = { source: "dense_1", sourceHandle: null, target: "flatten_1", targetHandle: "in" };
    expect(view.isValidConnection(cycle)).toBe(false);
    expect(editor.ui.getState().connectionHint).toMatch(/already has one|cycle/);
    view.onConnectEnd();
    expect(editor.ui.getState().connectionHint).toBeNull();
    editor.edit("drop edge", (p) => ({
      ...p,
      graph: { ...p.graph, edges: p.graph.edges.filter((e) => e.id !== "e3") },
    }));
    const ok = { source: "conv2d_1", sourceHandle: "out", target: "dense_1", targetHandle: "in" };
    expect(view.isValidConnection(ok)).toBe(true);
    view.onConnect(ok);
    expect(editor.project().graph.edges.at(-1)).toEqual({
      id: "e3",
      source: "conv2d_1",
      target: "dense_1",
      targetPort: "in",
    });
  });

  it("notifies subscribers when the document or the selection changes, not for toasts", () => {
    const { editor, view } = make();
    let calls = 0;
    view.subscribe(() => calls++);
    editor.run("select-all");
    editor.ui.setState({ toasts: [{ id: 1, kind: "info", text: "hi" }] });
    editor.run("set-params", { id: "dense_1", params: { units: 2 } });
    expect(calls).toBe(2);
    view.dispose();
  });
});
