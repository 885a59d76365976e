import { useCallback, useRef } from "react";
import { getSpec } from "../../../shared/layers/catalog";
import { resolveParams } from "../../../shared/layers/resolve";
import { useEditor } from "../../state/editor-context";
import { renameNode, setParams } from "../../state/edits";
import { useAnalysis, useDoc } from "../../state/hooks";
import { DiagnosticItem } from "../diagnostics/DiagnosticItem";
import { DocsView } from "../docs/DocsView";
import { usePanelRequest } from "../menu/use-panel-request";
import { CategoryGlyph } from "../palette/glyphs";
import { compactText, countText, shapeText } from "../summary/format";
import { ParamForm } from "./ParamForm";

const NO_ISSUES: Readonly<Record<string, string>> = {};

type NodeRecord = { id: string; kind: string; name?: string; params: Record<string, unknown> } | undefined;
const sameContent = (a: NodeRecord, b: NodeRecord) =>
  a === b || (a !== undefined && b !== undefined && a.kind === b.kind && a.name === b.name && a.params === b.params);

/** One block: its name, the form generated from its params, what it outputs, its problems and docs. */
export function NodeInspector({ id }: { id: string }) {
  const editor = useEditor();
  // Narrow selections: a drag changes the node's position many times a second, and the
  // inspector must not re-render for it (kind, name and params keep their identity meanwhile).
  const node = useDoc((s) => s.project.graph.nodes.find((n) => n.id === id), sameContent);
  const analysis = useAnalysis((s) => s.graph.nodes[id]);
  const diagnostics = useAnalysis((s) => s.nodeDiagnostics[id]);
  const docs = useRef<HTMLDivElement>(null);
  // Show documentation (context menu): bring this block's docs into view and give them the focus.
  usePanelRequest("docs", (nodeId) => {
    if (nodeId !== id || !docs.current) return false;
    docs.current.scrollIntoView({ block: "start" });
    docs.current.focus({ preventScroll: true });
    return true;
  });

  const onBegin = useCallback((name: string) => editor.history.mark(`edit ${id}.${name}`), [editor, id]);
  const onCommit = useCallback(
    (name: string, value: unknown) => editor.update((p) => setParams(p, id, { [name]: value })),
    [editor, id],
  );

  if (!node) return null;
  const spec = getSpec(node.kind);
  if (!spec) {
    return (
      <div className="section">
        <h3>Unknown block</h3>
        <p>
          “{node.kind}” is not a layer kind this version of NetForge knows. Replace it, or delete it to train the rest.
        </p>
      </div>
    );
  }
  const params = analysis?.params ?? resolveParams(spec, node.params).params;
  const issues = paramIssues(diagnostics);
  const outputs = analysis?.outputShapes ?? null;
  const ports = analysis?.outputPorts ?? [];
  const count = analysis?.paramCount;
  return (
    <>
      <header className={`inspector-head cat-${spec.category.toLowerCase()}`}>
        <span className="glyph-tile">
          <CategoryGlyph category={spec.category} size={18} />
        </span>
        <div className="inspector-title">
          <input
            aria-label="Block name"
            defaultValue={node.name ?? node.id}
            key={node.name ?? node.id}
            onFocus={() => editor.history.mark(`rename ${id}`)}
            onKeyDown={(e) => {
              if (e.key === "Enter") e.currentTarget.blur();
            }}
            onBlur={(e) => {
              const name = e.currentTarget.value.trim();
              if (name && name !== (node.name ?? node.id)) editor.update((p) => renameNode(p, id, name));
            }}
          />
          <div className="sub">
            {spec.title} · <span className="mono">{node.id}</span>
          </div>
        </div>
      </header>
      {diagnostics && diagnostics.length > 0 && (
        <section className="section" aria-label="Block problems">
          <h3>Problems</h3>
          <ul className="problem-list">
            {diagnostics.map((d) => (
              <DiagnosticItem key={`${d.code}:${d.message}`} diagnostic={d} focusable={false} />
            ))}
          </ul>
        </section>
      )}
      <section className="section" aria-label="Parameters">
        <h3>Parameters</h3>
        <ParamForm
          idPrefix={`p-${id}`}
          spec={spec}
          params={params}
          issues={issues}
          onBegin={onBegin}
          onCommit={onCommit}
        />
      </section>
      <section className="section" aria-label="Output">
        <h3>Output</h3>
        <dl className="facts">
          {outputs ? (
            outputs.map((s, i) => (
              <OutputRow
                key={ports[i] ?? i}
                port={outputs.length > 1 ? (ports[i] ?? `out ${i}`) : "Shape"}
                shape={shapeText(s)}
              />
            ))
          ) : (
            <OutputRow port="Shape" shape="unknown until the inputs are valid" />
          )}
          <dt>Parameters</dt>
          <dd
            title={
              count ? `${countText(count.trainable)} trainable, ${countText(count.nonTrainable)} non-trainable` : ""
            }
          >
            {count ? countText(count.total) : "—"}
            {count && count.nonTrainable > 0 ? ` (${compactText(count.nonTrainable)} fixed)` : ""}
          </dd>
        </dl>
      </section>
      <div ref={docs} tabIndex={-1} className="docs-anchor">
        <DocsView spec={spec} params={params} />
      </div>
    </>
  );
}

function OutputRow({ port, shape }: { port: string; shape: string }) {
  return (
    <>
      <dt>{port}</dt>
      <dd>{shape}</dd>
    </>
  );
}

function paramIssues(diagnostics: readonly { param?: string; message: string }[] | undefined) {
  if (!diagnostics) return NO_ISSUES;
  const out: Record<string, string> = {};
  // A nested param ("layer.units") belongs to the field of its wrapper param ("layer").
  for (const d of diagnostics) {
    const param = d.param?.split(".")[0];
    if (param && !out[param]) out[param] = d.message;
  }
  return out;
}
