import { useEffect, useMemo, useRef, useState } from "react";
import type { ResponseOf } from "../../../shared/api/contract";
import type { NetforgeClient } from "../../api/client";
import { useEditor } from "../../state/editor-context";
import { useStoreSelector } from "../../state/hooks";
import { Icon } from "../icons";
import { GraphPreview } from "./GraphPreview";
import { dataKindLabel, groupTemplates, matchesQuery, minutesLabel, paramsLabel, targetLabel } from "./gallery-groups";
import { galleryStore, setGalleryOpen } from "./gallery-store";

type TemplateSummary = ResponseOf<"templates.list">["templates"][number];
const isOpen = (s: { open: boolean }) => s.open;

/**
 * Every starter template with a picture of its graph, grouped by course unit in course order;
 * picking one opens it as a new project (command open-template). The list comes from the host
 * (resources/templates).
 */
export function TemplateGallery({ client }: { client: NetforgeClient | null }) {
  const editor = useEditor();
  const open = useStoreSelector(galleryStore(editor), isOpen);
  const [templates, setTemplates] = useState<TemplateSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [query, setQuery] = useState("");
  const searchField = useRef<HTMLInputElement>(null);
  const close = () => setGalleryOpen(editor, false);

  useEffect(() => {
    if (!open || !client || templates) return;
    client
      .call("templates.list", {})
      .then((r) => setTemplates(r.templates))
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [open, client, templates]);

  const groups = useMemo(
    () => groupTemplates((templates ?? []).filter((t) => matchesQuery(t, query))),
    [templates, query],
  );

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
        className="modal template-gallery"
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
            ref={searchField}
            className="search-input"
            type="search"
            aria-label="Search templates"
            placeholder="Search templates"
            value={query}
            // biome-ignore lint/a11y/noAutofocus: a dialog moves focus into itself.
            autoFocus
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={(e) => {
              // Enter opens the first match, in the order the gallery shows them.
              const first = groups[0]?.templates[0];
              if (e.key === "Enter" && first) openTemplate(first.id);
            }}
          />
          <button type="button" className="icon-button" aria-label="Close templates" onClick={close}>
            <Icon name="close" />
          </button>
        </div>
        <div className="modal-body">
          {!client && <p className="muted">Templates come from the host; this window is not connected to one.</p>}
          {error && <p className="field-message">Could not list the templates: {error}</p>}
          {client && !templates && !error && <p className="muted">Loading templates…</p>}
          {templates && groups.length === 0 && (
            <div className="template-empty" role="status">
              <p className="muted">No template matches “{query.trim()}”.</p>
              <button
                type="button"
                className="button"
                onClick={() => {
                  setQuery("");
                  searchField.current?.focus();
                }}
              >
                Clear search
              </button>
            </div>
          )}
          {groups.map((g) => (
            <section key={g.unit} className="template-group" aria-label={g.unit}>
              <h3 className="template-group-title">{g.unit}</h3>
              <div className="template-grid">
                {g.templates.map((t) => (
                  <TemplateCard key={t.id} template={t} onOpen={() => openTemplate(t.id)} />
                ))}
              </div>
            </section>
          ))}
        </div>
      </div>
    </div>
  );
}

/** One template: its graph, name, what it teaches, and its unit, size, data, time and target. */
function TemplateCard({ template: t, onOpen }: { template: TemplateSummary; onOpen: () => void }) {
  const minutes = minutesLabel(t.lesson?.minutes);
  const target = targetLabel(t.lesson?.target);
  const params = paramsLabel(t.paramCount);
  return (
    <button
      type="button"
      className="template-card"
      aria-label={`Open template ${t.name}`}
      title={t.description}
      onClick={onOpen}
    >
      <GraphPreview graph={t.graph} label={`Graph of ${t.name}: ${t.nodeCount} blocks`} />
      <h4>{t.name}</h4>
      <p>{t.lesson?.teaches ?? t.description}</p>
      <div className="card-foot">
        <span className="meta">
          <span className="tag" title="Course unit">
            {t.category}
          </span>
          {t.dataKind && <span title="Data kind">data: {dataKindLabel(t.dataKind)}</span>}
        </span>
        {params && (
          <span className="meta" title={`${t.nodeCount} blocks`}>
            {params}
          </span>
        )}
        {minutes && (
          <span className="meta" title="Expected training time">
            {minutes}
          </span>
        )}
        {target && <span className="meta">target: {target}</span>}
      </div>
    </button>
  );
}
