import { describe, expect, it } from "vitest";
import { cnn } from "../../state/__fixtures__/projects";
import { createEditor, memoryClipboard } from "../../state/editor";
import { groupNodes, setGroupCollapsed } from "../../state/grouping";
import { createFlowView } from "../to-flow";
import { createOverviewGestures } from "./gestures";
import { buildScene, type Viewport } from "./scene";

/** A real editor and flow view at zoom 0.2, the gestures reading the scene as the overview paints it. */
function make() {
  const editor = createEditor({ project: cnn(), clipboard: memoryClipboard() });
  const view = createFlowView(editor);
  const vp: Viewport = { x: 10, y: 20, zoom: 0.2 };
  const scene = () => buildScene(view.getSnapshot(), editor.analysis.getState(), vp, { width: 800, height: 600 });
  const gestures = createOverviewGestures(view, scene, () => vp);
  /** The screen point inside a block, a few pixels in from its top-left corner. */
  const on = (id: string) => {
    const b = scene().blocks.find((x) => x.id === id);
    if (!b) throw new Error(`${id} is not in the scene`);
    return { x: vp.x + b.rect.x * vp.zoom + 4, y: vp.y + b.rect.y * vp.zoom + 4 };
  };
  const position = (id: string) => editor.project().graph.nodes.find((n) => n.id === id)?.position;
  return { editor, view, gestures, on, position, vp };
}

describe("overview gestures", () => {
  it("a press on a block selects it; a press on empty canvas is left to React Flow", () => {
    const { editor, gestures, on } = make();
    expect(gestures.down({ x: 1, y: 1, toggle: false })).toBe(false);
    expect(gestures.down({ ...on("conv2d_1"), toggle: false })).toBe(true);
    gestures.up();
    expect(editor.ui.getState().selection.nodes).toEqual(["conv2d_1"]);
    // Another block replaces the selection; Ctrl/Cmd adds to it and takes away again.
    gestures.down({ ...on("dense_1"), toggle: false });
    gestures.up();
    gestures.down({ ...on("flatten_1"), toggle: true });
    gestures.up();
    expect(editor.ui.getState().selection.nodes).toEqual(["dense_1", "flatten_1"]);
    gestures.down({ ...on("dense_1"), toggle: true });
    gestures.up();
    expect(editor.ui.getState().selection.nodes).toEqual(["flatten_1"]);
  });

  it("a drag moves the selected blocks by the pointer's travel in flow units, as one undo step", () => {
    const { editor, gestures, on, position } = make();
    gestures.down({ ...on("dense_1"), toggle: false });
    gestures.up();
    const start = on("flatten_1");
    const [before, other] = [position("flatten_1"), position("dense_1")];
    const version = editor.doc.getState().version;
    gestures.down({ ...start, toggle: true });
    for (let i = 1; i <= 10; i++) gestures.move({ x: start.x + 2 * i, y: start.y - i });
    // Live in the view, not yet in the document.
    expect(editor.doc.getState().version).toBe(version);
    gestures.up();
    expect(position("flatten_1")).toEqual({ x: (before?.x ?? 0) + 100, y: (before?.y ?? 0) - 50 });
    expect(position("dense_1")).toEqual({ x: (other?.x ?? 0) + 100, y: (other?.y ?? 0) - 50 });
    editor.history.undo();
    expect(position("flatten_1")).toEqual(before);
    expect(position("dense_1")).toEqual(other);
  });

  it("a press that travels less than the drag threshold is a click: nothing moves", () => {
    const { editor, gestures, on } = make();
    const at = on("conv2d_1");
    const version = editor.doc.getState().version;
    gestures.down({ ...at, toggle: false });
    gestures.move({ x: at.x + 1, y: at.y + 1 });
    gestures.up();
    expect(editor.doc.getState().version).toBe(version);
    expect(editor.history.canUndo()).toBe(false);
  });

  it("selects the blocks wholly inside React Flow's selection box", () => {
    const { editor, gestures, on, vp } = make();
    const a = on("input_1");
    const b = on("conv2d_1");
    // From just above-left of input_1 to past conv2d_1's bottom-right (blocks are 220 x 96 units).
    gestures.boxSelect({ x: a.x - 6, y: a.y - 6, width: b.x - a.x + 240 * vp.zoom, height: 110 * vp.zoom });
    expect(editor.ui.getState().selection.nodes.sort()).toEqual(["conv2d_1", "input_1"]);
  });

  it("drags a collapsed group's block with all its members", () => {
    const { editor, gestures, on, position } = make();
    editor.edit("group", (p) => setGroupCollapsed(groupNodes(p, ["conv2d_1", "flatten_1"]).project, "group_1", true));
    const [conv, flatten] = [position("conv2d_1"), position("flatten_1")];
    const at = on("block:group_1");
    gestures.down({ ...at, toggle: false });
    gestures.move({ x: at.x + 20, y: at.y });
    gestures.up();
    expect(editor.ui.getState().selection.nodes.sort()).toEqual(["conv2d_1", "flatten_1"]);
    expect(position("conv2d_1")).toEqual({ x: (conv?.x ?? 0) + 100, y: conv?.y });
    expect(position("flatten_1")).toEqual({ x: (flatten?.x ?? 0) + 100, y: flatten?.y });
  });
});
