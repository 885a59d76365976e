import { useEffect, useRef, useState } from "react";
import type { ResponseOf } from "../../../shared/api/contract";
import type { NetforgeClient } from "../../api/client";
import { detectMac, formatKbd } from "../../commands/keyboard";
import { useEditor } from "../../state/editor-context";
import { MenuItem, moveMenuFocus } from "../menu/MenuItem";
import { setGalleryOpen } from "../templates/gallery-store";

/** The file commands shown in the menu, in menu order; titles and shortcuts come from the registry. */
const ITEMS = ["new-project", "open-project", "save", "save-as", "download-project", "upload-project"] as const;

type Recent = ResponseOf<"projects.recent">["items"][number];

/** File: new, open, templates, save, save as, download, upload, and recent projects (commands as data). */
export function FileMenu({ client }: { client: NetforgeClient | null }) {
  const editor = useEditor();
  const [open, setOpen] = useState(false);
  const [recent, setRecent] = useState<Recent[]>([]);
  const menuRef = useRef<HTMLDivElement>(null);
  const mac = detectMac();

  useEffect(() => {
    if (!open) return;
    menuRef.current?.querySelector<HTMLElement>("[role=menuitem]:not([aria-disabled=true])")?.focus();
    client
      ?.call("projects.recent", {})
      .then((r) => setRecent(r.items.filter((i) => i.exists).slice(0, 6)))
      .catch(() => setRecent([]));
    const onDown = (e: MouseEvent) => {
      if (!menuRef.current?.parentElement?.contains(e.target as Node)) setOpen(false);
    };
    window.addEventListener("mousedown", onDown);
    return () => window.removeEventListener("mousedown", onDown);
  }, [open, client]);

  const choose = (fn: () => void) => {
    setOpen(false);
    fn();
  };

  return (
    <div className="menu-anchor">
      <button
        type="button"
        className="menu-button"
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
      >
        File
      </button>
      {open && (
        <div
          ref={menuRef}
          className="menu"
          role="menu"
          aria-label="File"
          tabIndex={-1}
          onKeyDown={(e) => {
            if (e.key === "Escape") setOpen(false);
            else if (e.key === "ArrowDown" || e.key === "ArrowUp") {
              e.preventDefault();
              moveMenuFocus(menuRef.current, e.key === "ArrowDown" ? 1 : -1);
            }
          }}
        >
          {ITEMS.map((id) => {
            const c = editor.commands.get(id);
            if (!c) return null;
            const enabled = !c.when || c.when(editor);
            return (
              <MenuItem
                key={id}
                label={c.title}
                kbd={c.kbd ? formatKbd(c.kbd, mac) : undefined}
                disabled={!enabled}
                onSelect={() => choose(() => editor.run(id))}
              />
            );
          })}
          <hr className="menu-sep" />
          <MenuItem label="Templates…" onSelect={() => choose(() => setGalleryOpen(editor, true))} />
          {recent.length > 0 && (
            <>
              <hr className="menu-sep" />
              <div className="menu-heading">Recent</div>
              {recent.map((r) => (
                <MenuItem
                  key={r.path}
                  label={r.name}
                  detail={r.path}
                  onSelect={() => choose(() => editor.run("open-recent", { path: r.path }))}
                />
              ))}
            </>
          )}
        </div>
      )}
    </div>
  );
}
