import { Fragment, type KeyboardEvent, useEffect, useLayoutEffect, useRef, useState } from "react";
import { type MenuTarget, menuFor } from "../../commands/context-menu";
import { detectMac } from "../../commands/keyboard";
import { MenuItem, moveMenuFocus } from "../../panels/menu/MenuItem";
import { useEditor } from "../../state/editor-context";
import { useStoreSelector } from "../../state/hooks";
import { closeContextMenu, contextMenuStore, type OpenMenu } from "./menu-store";

const openOf = (s: { open: OpenMenu | null }) => s.open;
const NAMES: Record<MenuTarget["kind"], string> = { node: "Block", edge: "Wire", canvas: "Canvas" };
/** Kept between the menu and the window's edge when it would not fit beside the pointer. */
const MARGIN = 4;

/**
 * The right-click menu of the canvas (blocks, wires, empty canvas; the overview's painted blocks
 * too). Entries come from the command registry (commands/context-menu.ts). Keyboard: arrows,
 * Home/End, Enter or Space, Escape or Tab to close; a press outside, a scroll, a resize or leaving
 * the window closes it too. Focus returns to where it was.
 */
export function ContextMenu() {
  const editor = useEditor();
  const open = useStoreSelector(contextMenuStore(editor), openOf);
  if (!open) return null;
  // Keyed by the opening so that a second right-click builds a fresh menu where it happened.
  return <OpenContextMenu key={`${open.x},${open.y},${JSON.stringify(open.target)}`} {...open} />;
}

function OpenContextMenu({ target, x, y }: { target: MenuTarget; x: number; y: number }) {
  const editor = useEditor();
  const ref = useRef<HTMLDivElement>(null);
  const [model] = useState(() => menuFor(editor, target, detectMac()));
  const [at, setAt] = useState({ x, y });
  const [returnTo] = useState(() => document.activeElement as HTMLElement | null);

  const close = (refocus: boolean) => {
    closeContextMenu(editor);
    if (refocus && returnTo?.isConnected) returnTo.focus();
  };

  useLayoutEffect(() => {
    // Opens toward the inside of the window where the pointer is near its right or bottom edge.
    const menu = ref.current;
    if (!menu) return;
    const { width, height } = menu.getBoundingClientRect();
    setAt({
      x: Math.max(MARGIN, Math.min(x, window.innerWidth - width - MARGIN)),
      y: Math.max(MARGIN, Math.min(y, window.innerHeight - height - MARGIN)),
    });
    moveMenuFocus(menu, "first");
    if (!menu.contains(document.activeElement)) menu.focus();
  }, [x, y]);

  useEffect(() => {
    const outside = (e: Event) => {
      if (!ref.current?.contains(e.target as Node)) closeContextMenu(editor);
    };
    const dismiss = () => closeContextMenu(editor);
    // Only a scroll that moves the menu's surroundings: a panel re-rendering its own scroll box
    // (the inspector showing the block just selected) must not close it.
    const scrolled = (e: Event) => {
      const t = e.target;
      if (t === document || (t instanceof Node && ref.current && t.contains(ref.current))) dismiss();
    };
    window.addEventListener("pointerdown", outside, true);
    window.addEventListener("wheel", dismiss, { capture: true, passive: true });
    window.addEventListener("scroll", scrolled, true);
    window.addEventListener("resize", dismiss);
    window.addEventListener("blur", dismiss);
    return () => {
      window.removeEventListener("pointerdown", outside, true);
      window.removeEventListener("wheel", dismiss, true);
      window.removeEventListener("scroll", scrolled, true);
      window.removeEventListener("resize", dismiss);
      window.removeEventListener("blur", dismiss);
    };
  }, [editor]);

  const onKeyDown = (e: KeyboardEvent) => {
    // The menu has the keyboard: Delete, Ctrl+A or Escape must not reach the canvas' shortcuts.
    e.stopPropagation();
    const moves: Record<string, 1 | -1 | "first" | "last"> = { ArrowDown: 1, ArrowUp: -1, Home: "first", End: "last" };
    if (e.key in moves) {
      e.preventDefault();
      moveMenuFocus(ref.current, moves[e.key]);
    } else if (e.key === "Escape" || e.key === "Tab") {
      e.preventDefault();
      close(true);
    }
  };

  return (
    <div
      ref={ref}
      className="menu context-menu"
      role="menu"
      aria-label={`${NAMES[target.kind]} menu`}
      tabIndex={-1}
      style={{ left: at.x, top: at.y }}
      onKeyDown={onKeyDown}
      onContextMenu={(e) => e.preventDefault()}
    >
      {model.map((section, i) => (
        <Fragment key={section[0].command}>
          {i > 0 && <hr className="menu-sep" />}
          {section.map((item) => (
            <MenuItem
              key={item.command}
              label={item.label}
              kbd={item.shortcut ?? undefined}
              disabled={!item.enabled}
              onSelect={() => {
                close(true);
                editor.run(item.command, item.args);
              }}
            />
          ))}
        </Fragment>
      ))}
    </div>
  );
}
