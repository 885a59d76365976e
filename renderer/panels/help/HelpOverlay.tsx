import { useEffect, useState } from "react";
import { detectMac, formatKbd } from "../../commands/keyboard";
import type { AnyCommand, CommandCategory, CommandRegistry } from "../../commands/registry";
import { useEditor } from "../../state/editor-context";
import { useUi } from "../../state/hooks";
import { Icon } from "../icons";
import { openWalk } from "../walk/walk-store";

const CATEGORY_TITLES: Record<CommandCategory, string> = {
  edit: "Edit",
  graph: "Graph",
  view: "View",
  file: "File",
  train: "Train",
  help: "Help",
};

/** Mouse gestures are not commands, but a learner looks for them in the same place. */
const GESTURES: [string, string][] = [
  ["Add a block", "Drag from the palette, or double-click it"],
  ["Connect", "Drag from an output handle to an input"],
  ["Box select", "Shift + drag on the canvas"],
  ["Add to selection", "Ctrl/⌘ + click"],
  ["Pan", "Drag the canvas"],
  ["Zoom", "Scroll, or pinch"],
  ["Zoom in on a block", "Double-click it when zoomed out (blocks without words)"],
  ["Move the view", "Press or drag in the minimap"],
  ["Commands for a block, wire or the canvas", "Right-click it (menu keys: arrows, Enter, Esc)"],
];

function useCommands(registry: CommandRegistry): AnyCommand[] {
  const [list, setList] = useState(() => registry.all());
  useEffect(() => {
    setList(registry.all());
    return registry.subscribe(() => setList(registry.all()));
  }, [registry]);
  return list;
}

/** Every command with its shortcut, read from the command registry, plus the canvas gestures. */
export function HelpOverlay() {
  const editor = useEditor();
  const open = useUi((s) => s.helpOpen);
  const commands = useCommands(editor.commands);
  if (!open) return null;
  const mac = detectMac();
  const close = () => editor.ui.setState({ helpOpen: false });
  const groups = (Object.keys(CATEGORY_TITLES) as CommandCategory[])
    // A shortcuts sheet: commands without a key are reached through buttons and menus instead.
    .map((c) => ({ category: c, commands: commands.filter((cmd) => cmd.category === c && cmd.kbd) }))
    .filter((g) => g.commands.length > 0);
  return (
    <div className="modal-backdrop">
      <button type="button" className="modal-scrim" aria-label="Close dialog" tabIndex={-1} onClick={close} />
      <div
        className="modal"
        role="dialog"
        aria-modal="true"
        aria-labelledby="help-title"
        onKeyDown={(e) => {
          if (e.key === "Escape") close();
        }}
      >
        <div className="modal-header">
          <h2 id="help-title">Keyboard shortcuts</h2>
          <button
            type="button"
            className="icon-button"
            aria-label="Close shortcuts"
            style={{ marginLeft: "auto" }}
            // biome-ignore lint/a11y/noAutofocus: a dialog moves focus into itself.
            autoFocus
            onClick={close}
          >
            <Icon name="close" />
          </button>
        </div>
        <div className="modal-body">
          <div className="shortcut-groups">
            {groups.map((g) => (
              <section key={g.category} className="shortcut-group" aria-label={CATEGORY_TITLES[g.category]}>
                <h3>{CATEGORY_TITLES[g.category]}</h3>
                {g.commands.map((c) => (
                  <div key={c.id} className="shortcut-row">
                    <span>{c.title}</span>
                    <span>
                      {c.kbd?.split(",").map((binding, i) => (
                        <span key={binding}>
                          {i > 0 && <span className="muted"> or </span>}
                          <kbd>{formatKbd(binding, mac)}</kbd>
                        </span>
                      ))}
                    </span>
                  </div>
                ))}
              </section>
            ))}
            <section className="shortcut-group" aria-label="Canvas">
              <h3>Canvas</h3>
              {GESTURES.map(([what, how]) => (
                <div key={what} className="shortcut-row">
                  <span>{what}</span>
                  <span className="muted">{how}</span>
                </div>
              ))}
            </section>
          </div>
          <p className="muted">
            New to NetForge?{" "}
            <button
              type="button"
              className="link-button"
              onClick={() => {
                close();
                openWalk(editor);
              }}
            >
              Take the getting-started walk
            </button>
            : open XOR, see its data, train, evaluate and export it, step by step.
          </p>
        </div>
      </div>
    </div>
  );
}
