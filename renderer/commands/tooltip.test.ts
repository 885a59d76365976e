/// <reference types="vite/client" />
import { describe, expect, it } from "vitest";
import { createEditor } from "../state/editor";
import { canonicalBinding, createKeymap } from "./keyboard";
import { commandTooltip } from "./tooltip";

// Every component's source text, read by the bundler (the renderer may not import node:fs).
const SOURCES = import.meta.glob<string>("../**/*.tsx", { query: "?raw", import: "default", eager: true });

describe("commandTooltip", () => {
  it("names the shortcut the keyboard runs the command by, for every bound command", () => {
    const editor = createEditor();
    for (const isMac of [false, true]) {
      const keymap = createKeymap(editor.commands.all(), isMac);
      for (const c of editor.commands.all().filter((c) => c.kbd)) {
        const shown = /\((.+)\)$/.exec(commandTooltip(editor.commands, c.id, isMac))?.[1] ?? "";
        // "Ctrl+Shift+L" back to a binding; on macOS the symbols are joined without "+".
        const binding = isMac
          ? shown
              .replace(/[⌘⇧⌥⌃]/g, (m) => `${{ "⌘": "meta", "⇧": "shift", "⌥": "alt", "⌃": "ctrl" }[m]}+`)
              .replace("⌦", "delete")
          : shown.replace(/^Del$/, "delete");
        expect(keymap.get(canonicalBinding(binding, isMac)), `${c.id}: "${shown}"`).toBe(c.id);
      }
    }
    expect(commandTooltip(editor.commands, "auto-layout", false)).toBe("Auto-layout (Ctrl+Shift+L)");
    expect(commandTooltip(editor.commands, "add-layer", false)).not.toContain("(");
    editor.dispose();
  });

  it("says when a command is missing instead of inventing a shortcut", () => {
    expect(commandTooltip(createEditor().commands, "no-such", false)).toBe("no-such (not available in this window)");
  });

  it("is the only source of shortcut text in tooltips: no component writes one by hand", () => {
    expect(Object.keys(SOURCES).length).toBeGreaterThan(20);
    const pattern = /title="[^"]*\((?:Ctrl|Shift|Alt|Cmd|Meta|Del|[⌘⇧⌥⌃]|[A-Z?]\))[^"]*"/g;
    const handWritten = Object.entries(SOURCES).flatMap(([file, text]) =>
      [...text.matchAll(pattern)].map((m) => `${file}: ${m[0]}`),
    );
    expect(handWritten).toEqual([]);
  });
});
