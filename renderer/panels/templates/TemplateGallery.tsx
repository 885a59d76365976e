import { useEffect, useMemo, useState } from "react";
import type { ResponseOf } from "../../../shared/api/contract";
import type { NetforgeClient } from "../../api/client";
import { useEditor } from "../../state/editor-context";
import { useStoreSelector } from "../../state/hooks";
import { Icon } from "../icons";
import { GraphPreview } from "./GraphPreview";
import { galleryStore, setGalleryOpen } from "./gallery-store";

type TemplateSummary = ResponseOf<"templates.list">["templates"][number];
const isOpen = (s: { open: boolean }) => s.open;

/**
 * Every starter template with a picture of its graph; picking one opens it as a new project
 * (command open-template). The list comes from the host (resources/templates).
 */
export function TemplateGallery({ client }: { client: NetforgeClient | null }) {
  const editor = useEditor();
  const open = useStoreSelector(galleryStore(editor), isOpen);
  const [templates, setTemplates] = useState<TemplateSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [query, setQuery] = useState("");
  const close = () => setGalleryOpen(editor, false);

  useEffect(() => {
    if (!open || !client || templates) return;
    client
      .call("templates.list", {})
      .then((r) => setTemplates(r.templates))
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [open, client, templates]);

  const shown = useMemo(() => {
    const q = query.trim().toLowerCase();
    return (templates ?? []).filter((t) => !q || `${t.name} ${t.description} ${t.category}`.toLowerCase().includes(q));
  }, [templates, query]);

  // The file command asks before discarding unsaved changes and reports failures as a toast.
  const openTemplate = (id: string) => {
    close();
    editor.run("open-template", { id });
  };

  if (!open) return null;
  return (
    <div className="modal-backdrop">
      <button type="button" className="modal-scrim" aria-label="Close dialog" tabIndex={-1} onClick={close} />
      <div
        className="modal"
        role="dialog"
        aria-modal="true"
        aria-labelledby="gallery-title"
        onKeyDown={(e) => {
          if (e.key === "Escape") close();
        }}
      >
        <div className="modal-header">
          <h2 id="gallery-title">Start from a template</h2>
          <input
            className="search-input"
            type="search"
            aria-label="Search templates"
            placeholder="Search templates"
            value={query}
            // biome-ignore lint/a11y/noAutofocus: a dialog moves focus into itself.
            autoFocus
            onChange={(e) => setQuery(e.target.value)}
          />
          <button type="button" className="icon-button" aria-label="Close templates" onClick={close}>
            <Icon name="close" />
          </button>
        </div>
        <div className="modal-body">
          {!client && <p className="muted">Templates come from the host; this window is not connected to one.</p>}
          {error && <p className="field-message">Could not list the templates: {error}</p>}
          {client && !templates && !error && <p className="muted">Loading templates…</p>}
          <div className="template-grid">
            {shown.map((t) => (
              <button
                key={t.id}
                type="button"
                className="template-card"
                aria-label={`Open template ${t.name}`}
                onClick={() => openTemplate(t.id)}
              >
                <GraphPreview graph={t.graph} label={`Graph of ${t.name}: ${t.nodeCount} blocks`} />
                <h3>{t.name}</h3>
                <p>{t.description}</p>
                <span className="meta">
                  <span className="tag">{t.category}</span>
                  <span>{t.nodeCount} blocks</span>
                  {t.dataKind && <span>data: {t.dataKind}</span>}
                </span>
              </button>
            ))}
          </div>
        </div>
      </div>
    </div>
  );
}
