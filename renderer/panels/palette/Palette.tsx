import { type KeyboardEvent, memo, useDeferredValue, useMemo, useRef, useState } from "react";
import type { AnyLayerSpec, Category } from "../../../shared/layers/spec";
import { useEditor } from "../../state/editor-context";
import { findNode } from "../../state/project-ops";
import { usePanelRequest } from "../menu/use-panel-request";
import { CategoryGlyph } from "./glyphs";
import { HoverCard } from "./HoverCard";
import { groupByCategory, searchLayers } from "./palette-search";

/** The MIME type a palette drag carries; the canvas reads the layer kind from it on drop. */
export const LAYER_DRAG_TYPE = "application/x-netforge-layer";

/**
 * Every catalog kind, grouped by category and searchable by name and alias. Drag a block onto the
 * canvas, or double-click / press Enter to add it after the selected block (command add-layer).
 * Arrow keys move between blocks; Enter in the search box adds the best match.
 */
export function Palette() {
  const editor = useEditor();
  const [query, setQuery] = useState("");
  const deferred = useDeferredValue(query);
  const [collapsed, setCollapsed] = useState<ReadonlySet<Category>>(new Set());
  const [hover, setHover] = useState<{ spec: AnyLayerSpec; top: number } | null>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const [insertAfter, setInsertAfter] = useState<string | null>(null);
  // Insert after… (context menu): the search picks the block; add-layer puts it after the selected one.
  usePanelRequest("paletteSearch", (nodeId) => {
    const node = findNode(editor.project(), nodeId);
    setInsertAfter(node ? (node.name ?? node.id) : null);
    searchRef.current?.focus();
    searchRef.current?.select();
    return true;
  });
  const results = useMemo(() => searchLayers(deferred), [deferred]);
  const groups = useMemo(() => groupByCategory(results), [results]);
  const searching = deferred.trim() !== "";

  const add = (kind: string) => {
    setInsertAfter(null);
    editor.run("add-layer", { kind });
  };
  const items = () => [...(listRef.current?.querySelectorAll<HTMLElement>(".layer-item") ?? [])];
  const moveFocus = (from: HTMLElement | null, delta: number) => {
    const all = items();
    const next = all[from ? all.indexOf(from) + delta : 0];
    next?.focus();
  };
  const onSearchKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "Enter" && results[0]) {
      e.preventDefault();
      add(results[0].kind);
    } else if (e.key === "ArrowDown") {
      e.preventDefault();
      moveFocus(null, 0);
    } else if (e.key === "Escape") {
      setQuery("");
    }
  };

  return (
    <section className="palette" aria-label="Layer catalog">
      <div className="panel-header">
        <h2>Blocks</h2>
        <span className="muted">{searching ? `${results.length} found` : `${results.length} kinds`}</span>
      </div>
      <div className="palette-search">
        <input
          ref={searchRef}
          type="search"
          aria-label="Search layers"
          placeholder="Search blocks (fully connected, atrous…)"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={onSearchKey}
          onBlur={() => setInsertAfter(null)}
        />
        {insertAfter && (
          <p className="palette-hint" role="status">
            Inserting after “{insertAfter}”: type a block’s name, then Enter.
          </p>
        )}
      </div>
      <div className="palette-list" ref={listRef}>
        {groups.length === 0 && <p className="muted empty-note">No block matches “{query}”.</p>}
        {groups.map(({ category, specs }) => {
          const open = searching || !collapsed.has(category);
          const headingId = `palette-${category}`;
          return (
            <div key={category} className={`palette-group cat-${category.toLowerCase()}`}>
              <button
                type="button"
                className="palette-group-title"
                id={headingId}
                aria-expanded={open}
                onClick={() =>
                  setCollapsed((c) => {
                    const next = new Set(c);
                    if (!next.delete(category)) next.add(category);
                    return next;
                  })
                }
              >
                <span className="chevron" aria-hidden="true">
                  {open ? "▾" : "▸"}
                </span>
                {category}
                <span className="count">{specs.length}</span>
              </button>
              {open && (
                <div role="listbox" aria-labelledby={headingId}>
                  {specs.map((spec) => (
                    <PaletteItem
                      key={spec.kind}
                      spec={spec}
                      onAdd={add}
                      onMove={moveFocus}
                      onHover={(s, el) => {
                        const box = el.getBoundingClientRect();
                        setHover(s ? { spec: s, top: box.top } : null);
                      }}
                    />
                  ))}
                </div>
              )}
            </div>
          );
        })}
      </div>
      {hover && <HoverCard spec={hover.spec} top={hover.top} />}
    </section>
  );
}

const PaletteItem = memo(function PaletteItem({
  spec,
  onAdd,
  onMove,
  onHover,
}: {
  spec: AnyLayerSpec;
  onAdd: (kind: string) => void;
  onMove: (from: HTMLElement, delta: number) => void;
  onHover: (spec: AnyLayerSpec | null, el: HTMLElement) => void;
}) {
  return (
    <div
      className="layer-item"
      role="option"
      aria-selected={false}
      aria-label={spec.title}
      aria-description={spec.doc.summary}
      tabIndex={0}
      draggable
      onDragStart={(e) => {
        e.dataTransfer.setData(LAYER_DRAG_TYPE, spec.kind);
        e.dataTransfer.setData("text/plain", spec.kind);
        e.dataTransfer.effectAllowed = "copy";
        onHover(null, e.currentTarget);
      }}
      onDoubleClick={() => onAdd(spec.kind)}
      onKeyDown={(e) => {
        if (e.key === "Enter" || e.key === " ") {
          e.preventDefault();
          onAdd(spec.kind);
        } else if (e.key === "ArrowDown" || e.key === "ArrowUp") {
          e.preventDefault();
          onMove(e.currentTarget, e.key === "ArrowDown" ? 1 : -1);
        }
      }}
      onMouseEnter={(e) => onHover(spec, e.currentTarget)}
      onMouseLeave={(e) => onHover(null, e.currentTarget)}
      onFocus={(e) => onHover(spec, e.currentTarget)}
      onBlur={(e) => onHover(null, e.currentTarget)}
    >
      <CategoryGlyph category={spec.category} />
      <strong>{spec.title}</strong>
    </div>
  );
});
