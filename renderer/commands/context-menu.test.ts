import { describe, expect, it } from "vitest";
import { cnn } from "../state/__fixtures__/projects";
import { createEditor, memoryClipboard } from "../state/editor";
import { panelRequests } from "../state/panel-requests";
import { type MenuModel, type MenuTarget, menuFor, selectTarget } from "./context-menu";

const make = () => createEditor({ project: cnn(), clipboard: memoryClipboard() });
type Editor = ReturnType<typeof make>;

const open = (editor: Editor, target: MenuTarget, isMac = false): MenuModel => {
  selectTarget(editor, target);
  return menuFor(editor, target, isMac);
};
const labels = (model: MenuModel) => model.map((s) => s.map((i) => `${i.label}${i.enabled ? "" : " (off)"}`));
const item = (model: MenuModel, command: string) => {
  const found = model.flat().find((i) => i.command === command);
  if (!found) throw new Error(`no ${command} in the menu`);
  return found;
};

describe("context menu", () => {
  it("selects a right-clicked block and offers the block commands with the registry's shortcuts", () => {
    const editor = make();
    const model = open(editor, { kind: "node", id: "conv2d_1" });
    expect(editor.ui.getState().selection).toEqual({ nodes: ["conv2d_1"], edges: [] });
    expect(labels(model)).toEqual([
      ["Cut", "Copy", "Duplicate", "Delete selection"],
      ["Group into a block", "Ungroup (off)"],
      ["Insert after…", "Show documentation"],
    ]);
    expect(item(model, "duplicate").shortcut).toBe("Ctrl+D");
    expect(item(model, "delete").shortcut).toBe("Del");
    expect(menuFor(editor, { kind: "node", id: "conv2d_1" }, true).flat()[0].shortcut).toBe("⌘X");
  });

  it("keeps a multi-selection that holds the block, and acts on all of it", () => {
    const editor = make();
    editor.ui.setState({ selection: { nodes: ["conv2d_1", "flatten_1"], edges: [] } });
    const model = open(editor, { kind: "node", id: "flatten_1" });
    expect(editor.ui.getState().selection.nodes).toEqual(["conv2d_1", "flatten_1"]);
    expect(item(model, "show-docs").enabled).toBe(false);
    expect(editor.run(item(model, "duplicate").command)).toBe(true);
    expect(editor.project().graph.nodes).toHaveLength(6);
  });

  it("treats a group's block as its members: Ungroup is on and undoes the group", () => {
    const editor = make();
    editor.ui.setState({ selection: { nodes: ["conv2d_1", "flatten_1"], edges: [] } });
    editor.run("group", { name: "features" });
    const group = editor.project().graph.groups?.[0];
    if (!group) throw new Error("no group made");
    editor.ui.setState({ selection: { nodes: [], edges: [] } });
    const model = open(editor, { kind: "node", id: `block:${group.id}` });
    expect(editor.ui.getState().selection.nodes).toEqual(["conv2d_1", "flatten_1"]);
    expect(item(model, "ungroup").enabled).toBe(true);
    editor.run("ungroup");
    expect(editor.project().graph.groups ?? []).toEqual([]);
  });

  it("offers Delete for a wire, which removes only the wire", () => {
    const editor = make();
    const edge = editor.project().graph.edges[0];
    const model = open(editor, { kind: "edge", id: edge.id });
    expect(labels(model)).toEqual([["Delete selection"]]);
    editor.run("delete");
    expect(editor.project().graph.edges.map((e) => e.id)).not.toContain(edge.id);
    expect(editor.project().graph.nodes).toHaveLength(4);
  });

  it("pastes from the canvas menu with the copied blocks' top-left corner at the point clicked", async () => {
    const editor = make();
    editor.ui.setState({ selection: { nodes: ["conv2d_1", "flatten_1"], edges: [] } });
    editor.run("copy");
    await Promise.resolve();
    const model = open(editor, { kind: "canvas", at: { x: 900, y: -300 } });
    expect(editor.ui.getState().selection.nodes).toEqual(["conv2d_1", "flatten_1"]);
    expect(labels(model)[0]).toEqual(["Paste here", "Select all"]);
    const paste = item(model, "paste");
    expect(paste.shortcut).toBe("Ctrl+V");
    editor.run(paste.command, paste.args);
    await vitestFlush();
    const pasted = editor.ui
      .getState()
      .selection.nodes.map((id) => editor.project().graph.nodes.find((n) => n.id === id));
    expect(pasted).toHaveLength(2);
    const xs = pasted.map((n) => n?.position?.x ?? Number.NaN);
    const ys = pasted.map((n) => n?.position?.y ?? Number.NaN);
    expect([Math.min(...xs), Math.min(...ys)]).toEqual([900, -300]);
  });

  it("disables what does not apply on an empty canvas", () => {
    const editor = createEditor({ clipboard: memoryClipboard() });
    const model = open(editor, { kind: "canvas", at: { x: 0, y: 0 } });
    expect(labels(model)).toEqual([
      ["Paste here", "Select all"],
      ["Auto-layout (off)", "Zoom to fit"],
      ["Undo (off)", "Redo (off)"],
    ]);
  });

  it("hands Show documentation and Insert after to the panels, and refuses without one layer", () => {
    const editor = make();
    open(editor, { kind: "node", id: "dense_1" });
    expect(editor.run("show-docs")).toBe(true);
    expect(panelRequests(editor).getState().docs?.value).toBe("dense_1");
    expect(editor.run("insert-after", { nodeId: "flatten_1" })).toBe(true);
    expect(panelRequests(editor).getState().paletteSearch?.value).toBe("flatten_1");
    expect(editor.ui.getState().selection.nodes).toEqual(["flatten_1"]);
    editor.ui.setState({ selection: { nodes: [], edges: [] } });
    expect(editor.run("show-docs")).toBe(false);
    editor.ui.setState({ selection: { nodes: ["dense_1"], edges: [] } });
    expect(editor.run("insert-after", { nodeId: "nope" })).toBe(false);
    expect(editor.ui.getState().toasts.at(-1)?.text).toBe("Insert after needs one layer; received nope");
  });
});

/** Lets the clipboard's promise settle (paste reads it asynchronously). */
const vitestFlush = () => new Promise((r) => setTimeout(r, 0));
