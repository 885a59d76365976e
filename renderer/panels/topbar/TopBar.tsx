import type { NetforgeClient } from "../../api/client";
import { useEditor } from "../../state/editor-context";
import { useAnalysis, useDoc, useIsDirty, useUi, useUndoState } from "../../state/hooks";
import { type ActiveTab, requestFocus, setSelection } from "../../state/ui-store";
import { Icon } from "../icons";
import { setGalleryOpen } from "../templates/gallery-store";
import { WalkButton } from "../walk/WalkButton";
import { BrandMark } from "./BrandMark";
import { FileMenu } from "./FileMenu";
import { useHostStatus } from "./host-status";

const TABS: [ActiveTab, string][] = [
  ["design", "Design"],
  ["data", "Data"],
  ["train", "Train"],
  ["evaluate", "Evaluate"],
  ["export", "Export"],
];

/**
 * Project name with the unsaved marker, the tabs, and the editor's main commands: undo/redo,
 * auto-layout, the validation state, the backend the trainer runs on, Train and Export.
 */
export function TopBar({ client }: { client: NetforgeClient | null }) {
  const editor = useEditor();
  const name = useDoc((s) => s.project.name);
  const tab = useUi((s) => s.activeTab);
  const { canUndo, canRedo } = useUndoState();
  const host = useHostStatus(client);
  const setTab = (activeTab: ActiveTab) => editor.ui.setState({ activeTab });

  return (
    <header className="topbar">
      <h1 className="brand">
        <BrandMark />
        NetForge
      </h1>
      <FileMenu client={client} />
      <div className="project-name">
        <input
          aria-label="Project name"
          defaultValue={name}
          key={name}
          spellCheck={false}
          onFocus={() => editor.history.mark("rename project")}
          onKeyDown={(e) => {
            if (e.key === "Enter" || e.key === "Escape") e.currentTarget.blur();
          }}
          onBlur={(e) => {
            const next = e.currentTarget.value.trim();
            if (next && next !== name) editor.update((p) => ({ ...p, name: next }));
            else e.currentTarget.value = name;
          }}
        />
        <DirtyMarker />
      </div>
      <div className="toolbar" role="toolbar" aria-label="Edit">
        <button
          type="button"
          className="icon-button"
          aria-label="Undo"
          title="Undo (Ctrl+Z)"
          disabled={!canUndo}
          onClick={() => editor.run("undo")}
        >
          <Icon name="undo" />
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label="Redo"
          title="Redo (Ctrl+Shift+Z)"
          disabled={!canRedo}
          onClick={() => editor.run("redo")}
        >
          <Icon name="redo" />
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label="Auto-layout"
          title="Auto-layout (Shift+L)"
          onClick={() => editor.run("auto-layout")}
        >
          <Icon name="layout" />
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label="Templates"
          title="Templates"
          onClick={() => setGalleryOpen(editor, true)}
        >
          <Icon name="templates" />
        </button>
      </div>
      <div className="tabs" role="tablist" aria-label="Workspace">
        {TABS.map(([id, label]) => (
          <button
            key={id}
            type="button"
            role="tab"
            id={`tab-button-${id}`}
            aria-selected={tab === id}
            aria-controls={`tab-${id}`}
            className="tab"
            onClick={() => setTab(id)}
          >
            {label}
          </button>
        ))}
      </div>
      <div className="toolbar" role="toolbar" aria-label="Model">
        <ValidationPill />
        <BackendPill connection={host.connection} backend={host.backend} />
        <span className="toolbar-sep" />
        <WalkButton />
        <button
          type="button"
          className="icon-button"
          aria-label="Keyboard shortcuts"
          title="Keyboard shortcuts (?)"
          onClick={() => editor.run("help")}
        >
          <Icon name="help" />
        </button>
        <button type="button" className="button" onClick={() => setTab("export")}>
          <Icon name="export" />
          Export
        </button>
        <button type="button" className="button primary" onClick={() => setTab("train")}>
          <Icon name="play" />
          Train
        </button>
      </div>
    </header>
  );
}

/** Its own component: the document version changes on every drag tick, the rest of the bar does not. */
function DirtyMarker() {
  const dirty = useIsDirty();
  return dirty ? (
    <span className="dirty-dot" role="status" aria-label="Unsaved changes" title="Unsaved changes" />
  ) : null;
}

/** "Valid", "2 errors" or "1 warning"; a click goes to the first problem's block. */
function ValidationPill() {
  const editor = useEditor();
  const diagnostics = useAnalysis((s) => s.graph.diagnostics);
  const errors = diagnostics.filter((d) => d.severity === "error");
  const warnings = diagnostics.length - errors.length;
  const first = errors[0] ?? diagnostics[0];
  const [cls, text] = errors.length
    ? ["error", `${errors.length} error${errors.length === 1 ? "" : "s"}`]
    : warnings
      ? ["warning", `${warnings} warning${warnings === 1 ? "" : "s"}`]
      : ["ok", "Valid"];
  return (
    <button
      type="button"
      className={`pill ${cls}`}
      aria-label={`Validation: ${text}`}
      title={first ? `${first.code}: ${first.message}` : "Every shape checks out"}
      onClick={() => {
        if (first?.nodeId) {
          setSelection(editor.ui, { nodes: [first.nodeId], edges: [] });
          requestFocus(editor.ui, first.nodeId);
        }
      }}
    >
      <span className="dot" />
      {text}
    </button>
  );
}

function BackendPill({ connection, backend }: { connection: string; backend: string | null }) {
  const text =
    connection === "none"
      ? "offline"
      : connection !== "open"
        ? connection === "connecting"
          ? "connecting…"
          : "disconnected"
        : (backend ?? "starting…");
  const cls = connection === "open" ? (backend ? "ok" : "neutral") : connection === "none" ? "neutral" : "warning";
  return (
    <span
      className={`pill ${cls}`}
      role="status"
      aria-label={`Backend: ${text}`}
      title="The backend the trainer runs on"
    >
      <span className="dot" />
      {text}
    </span>
  );
}
