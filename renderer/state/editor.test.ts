import { describe, expect, it } from "vitest";
import { cnn } from "./__fixtures__/projects";
import { createEditor, memoryClipboard } from "./editor";
import { setParams } from "./edits";

const make = () => createEditor({ project: cnn(), clipboard: memoryClipboard() });

describe("editor", () => {
  it("runs an edit as one undoable step and tracks the unsaved state", () => {
    const editor = make();
    expect(editor.isDirty()).toBe(false);
    expect(editor.edit("units", (p) => setParams(p, "dense_1", { units: 5 }))).toBe(true);
    expect(editor.isDirty()).toBe(true);
    expect(editor.analysis.getState().graph.nodes.dense_1.outputShapes).toEqual([[5]]);
    editor.markSaved("/tmp/a.netforge.json");
    expect(editor.isDirty()).toBe(false);
    expect(editor.ui.getState().filePath).toBe("/tmp/a.netforge.json");
    editor.history.undo();
    expect(editor.project().graph.nodes[3].params.units).toBe(10);
    expect(editor.isDirty()).toBe(true);
  });

  it("shows an edit's error as a toast instead of throwing", () => {
    const editor = make();
    expect(editor.edit("bad", (p) => setParams(p, "nope", {}))).toBe(false);
    expect(editor.ui.getState().toasts.at(-1)).toMatchObject({
      kind: "error",
      text: expect.stringContaining('"nope"'),
    });
    expect(editor.history.canUndo()).toBe(false);
  });

  it("loads a project without history and as saved", () => {
    const editor = make();
    editor.edit("units", (p) => setParams(p, "dense_1", { units: 5 }));
    editor.ui.setState({ selection: { nodes: ["dense_1"], edges: [] } });
    editor.loadProject({ ...cnn(), name: "Other" }, { filePath: "/x.netforge.json" });
    expect(editor.project().name).toBe("Other");
    expect(editor.history.canUndo()).toBe(false);
    expect(editor.isDirty()).toBe(false);
    expect(editor.ui.getState().selection.nodes).toEqual([]);
    expect(editor.analysis.getState().version).toBe(editor.doc.getState().version);
  });

  it("keeps the selection to what exists after undo or delete", () => {
    const editor = make();
    editor.run("add-layer", { kind: "Dropout" });
    const added = editor.ui.getState().selection.nodes;
    expect(added).toEqual(["dropout_1"]);
    editor.history.undo();
    expect(editor.ui.getState().selection.nodes).toEqual([]);
  });

  it("refuses unknown commands and commands whose `when` says no", () => {
    const editor = make();
    expect(editor.run("no-such-command")).toBe(false);
    expect(editor.ui.getState().toasts.at(-1)?.text).toContain('"no-such-command"');
    expect(editor.run("delete")).toBe(false);
    expect(editor.run("undo")).toBe(false);
  });

  it("stops following the document after dispose", () => {
    const editor = make();
    editor.dispose();
    editor.update((p) => setParams(p, "dense_1", { units: 3 }));
    expect(editor.analysis.getState().graph.nodes.dense_1.outputShapes).toEqual([[10]]);
    expect(editor.history.canUndo()).toBe(false);
  });
});
