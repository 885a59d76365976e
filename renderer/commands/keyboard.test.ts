import { describe, expect, it } from "vitest";
import { cnn } from "../state/__fixtures__/projects";
import { createEditor, memoryClipboard } from "../state/editor";
import { canonicalBinding, eventBinding, formatKbd, handleKeyDown, isEditableTarget } from "./keyboard";

const key = (
  k: string,
  mods: { ctrl?: boolean; meta?: boolean; shift?: boolean; alt?: boolean } = {},
  target?: unknown,
) => ({
  key: k,
  ctrlKey: mods.ctrl,
  metaKey: mods.meta,
  shiftKey: mods.shift,
  altKey: mods.alt,
  target,
});

describe("keyboard", () => {
  it("maps mod to Cmd on macOS and Ctrl elsewhere", () => {
    expect(canonicalBinding("mod+z", false)).toBe("ctrl+z");
    expect(canonicalBinding("mod+z", true)).toBe("meta+z");
    expect(canonicalBinding("shift+mod+Z", false)).toBe("ctrl+shift+z");
    expect(canonicalBinding("Del", false)).toBe("delete");
    expect(canonicalBinding("mod++", false)).toBe("ctrl++");
    expect(() => canonicalBinding("hyper+z", false)).toThrow(/unknown modifier "hyper"/);
  });

  it("reads events the same way, letting punctuation carry its own shift", () => {
    expect(eventBinding(key("Z", { ctrl: true, shift: true }))).toBe("ctrl+shift+z");
    expect(eventBinding(key("?", { shift: true }))).toBe("?");
    expect(eventBinding(key("Delete"))).toBe("delete");
  });

  it("runs the bound command and reports it so the caller can prevent the default", () => {
    const editor = createEditor({ project: cnn(), clipboard: memoryClipboard() });
    editor.run("set-params", { id: "dense_1", params: { units: 3 } });
    expect(handleKeyDown(editor, key("z", { ctrl: true }), false)).toBe(true);
    expect(editor.project().graph.nodes[3].params.units).toBe(10);
    expect(handleKeyDown(editor, key("z", { meta: true, shift: true }), true)).toBe(true);
    expect(editor.project().graph.nodes[3].params.units).toBe(3);
    expect(handleKeyDown(editor, key("?", { shift: true }), false)).toBe(true);
    expect(editor.ui.getState().helpOpen).toBe(true);
    expect(handleKeyDown(editor, key("q"), false)).toBe(false);
  });

  it("leaves keys typed into fields to the field", () => {
    const editor = createEditor({ project: cnn(), clipboard: memoryClipboard() });
    editor.ui.setState({ selection: { nodes: ["dense_1"], edges: [] } });
    const input = { tagName: "INPUT", type: "text" };
    expect(handleKeyDown(editor, key("Backspace", {}, input), false)).toBe(false);
    expect(editor.project().graph.nodes).toHaveLength(4);
    expect(handleKeyDown(editor, key("Backspace", {}, { tagName: "DIV" }), false)).toBe(true);
    expect(editor.project().graph.nodes).toHaveLength(3);
    expect(isEditableTarget({ tagName: "TEXTAREA" })).toBe(true);
    expect(isEditableTarget({ tagName: "DIV", isContentEditable: true })).toBe(true);
    expect(isEditableTarget({ tagName: "INPUT", type: "checkbox" })).toBe(false);
  });

  it("formats shortcuts for people", () => {
    expect(formatKbd("shift+mod+z,mod+y", true)).toBe("⌘⇧Z");
    expect(formatKbd("shift+mod+z,mod+y", false)).toBe("Ctrl+Shift+Z");
    expect(formatKbd("delete,backspace", false)).toBe("Del");
    expect(formatKbd("?", false)).toBe("?");
  });
});
