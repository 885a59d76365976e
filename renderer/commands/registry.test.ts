import { describe, expect, it } from "vitest";
import { createEditor } from "../state/editor";
import { graphCommands } from "./graph-commands";
import { keyConflicts } from "./keyboard";
import { createCommandRegistry, defineCommand } from "./registry";

describe("command registry", () => {
  it("registers, lists and unregisters commands, and refuses duplicate ids", () => {
    const registry = createCommandRegistry();
    let changes = 0;
    registry.subscribe(() => changes++);
    const a = defineCommand({ id: "a", title: "A", category: "edit", run: () => {} });
    const off = registry.register([a]);
    expect(registry.get("a")).toBe(a);
    expect(() => registry.register([{ ...a }])).toThrow('command id "a" is registered twice');
    off();
    expect(registry.all()).toEqual([]);
    expect(changes).toBe(2);
  });

  it("has unique ids, titles and shortcuts for every graph command", () => {
    expect(new Set(graphCommands.map((c) => c.id)).size).toBe(graphCommands.length);
    expect(graphCommands.every((c) => c.title.length > 0)).toBe(true);
    expect(keyConflicts(graphCommands, false)).toEqual([]);
    expect(keyConflicts(graphCommands, true)).toEqual([]);
  });

  it("runs a command as one history entry", () => {
    const editor = createEditor();
    editor.run("add-layer", { kind: "Input" });
    editor.run("add-layer", { kind: "Dense" });
    expect(editor.project().graph.edges.map((e) => `${e.source}>${e.target}`)).toEqual(["input_1>dense_1"]);
    editor.run("undo");
    expect(editor.project().graph.nodes.map((n) => n.id)).toEqual(["input_1"]);
    editor.run("undo");
    expect(editor.project().graph.nodes).toEqual([]);
    editor.run("redo");
    editor.run("redo");
    expect(editor.project().graph.nodes.map((n) => n.id)).toEqual(["input_1", "dense_1"]);
  });
});
