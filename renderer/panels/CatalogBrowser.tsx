import { useMemo, useState } from "react";
import { LAYERS } from "../../shared/layers/catalog";
import { CATEGORIES } from "../../shared/layers/spec";

/** Every layer kind grouped by category, searchable by kind, title and alias. */
export function CatalogBrowser() {
  const [query, setQuery] = useState("");
  const matches = useMemo(() => {
    const q = query.trim().toLowerCase();
    if (!q) return LAYERS;
    return LAYERS.filter((s) => [s.kind, s.title, ...s.doc.aliases].some((t) => t.toLowerCase().includes(q)));
  }, [query]);
  return (
    <section aria-label="Layer catalog">
      <div className="catalog-head">
        <h2>Layer catalog</h2>
        <span className="muted">{LAYERS.length} kinds</span>
        <input
          type="search"
          aria-label="Search layers"
          placeholder="Search: dense, fully connected, atrous…"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
      </div>
      {CATEGORIES.map((category) => {
        const specs = matches.filter((s) => s.category === category);
        if (specs.length === 0) return null;
        return (
          <div key={category} className="category">
            <h3 className={`category-title layer-node--${category.toLowerCase()}`}>{category}</h3>
            <ul>
              {specs.map((s) => (
                <li key={s.kind} className="layer-item">
                  <strong>{s.title}</strong>
                  <span>{s.doc.summary}</span>
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </section>
  );
}
