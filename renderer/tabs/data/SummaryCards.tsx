import { COLUMN_TYPES, type DatasetSummary } from "../../../shared/datasets/summary";
import { describeTarget } from "../../../shared/datasets/target-fit";
import { formatShape } from "../../../shared/shapes/shape";
import { useEditor } from "../../state/editor-context";
import { editColumn } from "./actions";
import { ImageGrid } from "./ImageGrid";
import { hasImageGrid } from "./use-thumbnails";

const ROLES = ["feature", "label", "ignore"] as const;

/** What the probe found: kind, size, task and the shapes a model needs. */
export function SourceCard({ summary, probing }: { summary: DatasetSummary; probing: boolean }) {
  return (
    <section className="card source-card" aria-label="Data source">
      <header className="card-header">
        <h3>Source</h3>
        <span className="tag">{summary.kind}</span>
        {probing && <span className="muted">probing…</span>}
      </header>
      <p className="mono path-text" title={summary.path}>
        {summary.path}
      </p>
      <dl className="stat-row">
        <div>
          <dt>Samples</dt>
          <dd>
            {summary.estimated ? "≈" : ""}
            {summary.rows.toLocaleString("en-US")}
          </dd>
        </div>
        <div>
          <dt>Task</dt>
          <dd>{summary.task}</dd>
        </div>
        <div>
          <dt>Sample shape</dt>
          <dd className="mono">{formatShape(summary.inputShape)}</dd>
        </div>
        <div>
          <dt>Target</dt>
          <dd className="mono">{describeTarget(summary)}</dd>
        </div>
        {summary.classes.length > 0 && (
          <div>
            <dt>Classes</dt>
            <dd>{summary.classes.length}</dd>
          </div>
        )}
      </dl>
    </section>
  );
}

/** A table's columns with their inferred type and role, both editable (per-column overrides). */
export function ColumnsCard({ summary, editable }: { summary: DatasetSummary; editable: boolean }) {
  const editor = useEditor();
  if (summary.columns.length === 0) return null;
  return (
    <section className="card" aria-label="Columns">
      <header className="card-header">
        <h3>Columns</h3>
        <span className="count-badge">{summary.columns.length}</span>
      </header>
      <div className="table-scroll">
        <table className="data-table columns-table">
          <thead>
            <tr>
              <th scope="col">Column</th>
              <th scope="col">Type</th>
              <th scope="col">Role</th>
              <th scope="col" className="num">
                Missing
              </th>
              <th scope="col">Values</th>
              <th scope="col">Examples</th>
            </tr>
          </thead>
          <tbody>
            {summary.columns.map((c) => (
              <tr
                key={c.name}
                className={c.role === "label" ? "label-row" : c.role === "ignore" ? "ignored-row" : undefined}
              >
                <th scope="row">
                  {c.name}
                  {c.unit && (
                    <span className="tag" title="A unit suffix that is stripped">
                      {c.unit}
                    </span>
                  )}
                </th>
                <td>
                  <select
                    aria-label={`Type of ${c.name}`}
                    value={c.type}
                    disabled={!editable}
                    onChange={(e) => editColumn(editor, c.name, { type: e.currentTarget.value })}
                  >
                    {COLUMN_TYPES.map((t) => (
                      <option key={t}>{t}</option>
                    ))}
                  </select>
                </td>
                <td>
                  <select
                    aria-label={`Role of ${c.name}`}
                    value={c.role}
                    disabled={!editable}
                    onChange={(e) => editColumn(editor, c.name, { role: e.currentTarget.value })}
                  >
                    {ROLES.map((r) => (
                      <option key={r}>{r}</option>
                    ))}
                  </select>
                </td>
                <td className="num mono">{c.missing}</td>
                <td className="mono muted">{columnStats(c)}</td>
                <td className="examples">{c.examples.slice(0, 3).join(", ")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function columnStats(c: DatasetSummary["columns"][number]): string {
  const n = (v: number) => String(Number(v.toPrecision(4)));
  if (c.min !== undefined && c.max !== undefined) {
    return `${n(c.min)} … ${n(c.max)}${c.mean !== undefined ? `, mean ${n(c.mean)}` : ""}`;
  }
  return c.distinct !== undefined ? `${c.distinct} distinct` : "";
}

/**
 * Class balance: one bar per class scaled to the largest, split into train / validation / test
 * parts when the probe reports the (stratified) split.
 */
export function BalanceCard({ summary }: { summary: DatasetSummary }) {
  if (summary.classes.length === 0) return null;
  const max = Math.max(...summary.classes.map((c) => c.count), 1);
  const total = summary.classes.reduce((s, c) => s + c.count, 0);
  const s = summary.splits;
  const min = Math.min(...summary.classes.map((c) => c.count));
  return (
    <section className="card" aria-label="Class balance">
      <header className="card-header">
        <h3>Class balance</h3>
        {min > 0 && max / min >= 3 && <span className="pill warning">imbalanced {Math.round(max / min)}:1</span>}
        {s && (
          <span className="legend-inline">
            <span className="swatch-box train" /> train <span className="swatch-box validation" /> validation
            <span className="swatch-box test" /> test
          </span>
        )}
      </header>
      <ul className="balance">
        {summary.classes.map((c, i) => (
          <li key={c.name}>
            <span className="class-name" title={c.name}>
              {c.name}
            </span>
            <span className="bar" style={{ width: `${(c.count / max) * 100}%` }}>
              {s ? (
                <>
                  <span className="part train" style={{ flexGrow: s.train[i] ?? 0 }} />
                  <span className="part validation" style={{ flexGrow: s.validation[i] ?? 0 }} />
                  <span className="part test" style={{ flexGrow: s.test[i] ?? 0 }} />
                </>
              ) : (
                <span className="part train" style={{ flexGrow: 1 }} />
              )}
            </span>
            <span className="mono count">
              {c.count} <span className="muted">({((c.count / Math.max(total, 1)) * 100).toFixed(0)}%)</span>
              {s && (
                <span className="muted">
                  {" "}
                  · {s.train[i] ?? 0}/{s.validation[i] ?? 0}/{s.test[i] ?? 0}
                </span>
              )}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * The first rows of a table, or for images (a folder, IDX) the first images of each class (a grid
 * of classes; the probe sends file names or image indices, and data.thumbnails their small previews).
 */
export function PreviewCard({ summary }: { summary: DatasetSummary }) {
  if (summary.preview.length === 0) return null;
  if (hasImageGrid(summary)) return <ImageGrid summary={summary} />;
  return <TablePreview summary={summary} />;
}

function TablePreview({ summary }: { summary: DatasetSummary }) {
  const header = summary.columns.length > 0 ? summary.columns.map((c) => c.name) : null;
  return (
    <section className="card" aria-label="Preview">
      <header className="card-header">
        <h3>Preview</h3>
        <span className="muted">first {summary.preview.length} rows</span>
      </header>
      <div className="table-scroll">
        <table className="data-table preview-table">
          {header && (
            <thead>
              <tr>
                {header.map((h) => (
                  <th key={h} scope="col">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
          )}
          <tbody>
            {summary.preview.map((row, r) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: preview rows have no identity beyond their position
              <tr key={r}>
                {row.map((cell, c) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: cells are positions in a row
                  <td key={c} className="mono">
                    {cell}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function WarningsCard({ summary }: { summary: DatasetSummary }) {
  if (summary.warnings.length === 0) return null;
  return (
    <section className="card warnings-card" aria-label="Data warnings">
      <header className="card-header">
        <h3>Warnings</h3>
        <span className="count-badge warning">{summary.warnings.length}</span>
      </header>
      <ul className="problem-list">
        {summary.warnings.map((w, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the same code may repeat at other places
          <li key={`${w.code}-${i}`} className="binding-issue warning">
            <span className="code mono">{w.code}</span>
            <span>
              {w.message}
              {w.where && <span className="muted"> ({w.where})</span>}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
