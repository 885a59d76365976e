import type { NetforgeClient } from "../../api/client";
import { commandTooltip } from "../../commands/tooltip";
import { useEditor } from "../../state/editor-context";
import { useAnalysis, useDoc, useIsDirty, useUi, useUndoState } from "../../state/hooks";
import { type ActiveTab, requestFocus, setSelection } from "../../state/ui-store";
import { validationState } from "../diagnostics/validation-state";
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
  const tip = (id: string) => commandTooltip(editor.commands, id);

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
            if (next && next !== name) {
              editor.update((p) => ({ ...p, name: next }));
              editor.ui.setState({ projectNamed: true });
            } else e.currentTarget.value = name;
          }}
        />
        <DirtyMarker />
      </div>
      <div className="toolbar" role="toolbar" aria-label="Edit">
        <button
          type="button"
          className="icon-button"
          aria-label="Undo"
          title={tip("undo")}
          disabled={!canUndo}
          onClick={() => editor.run("undo")}
        >
          <Icon name="undo" />
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label="Redo"
          title={tip("redo")}
          disabled={!canRedo}
          onClick={() => editor.run("redo")}
        >
          <Icon name="redo" />
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label="Auto-layout"
          title={tip("auto-layout")}
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
          title={tip("help")}
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

/** "Valid", "2 errors", "1 warning" or "Empty"; a click goes to the first problem's block. */
function ValidationPill() {
  const editor = useEditor();
  const diagnostics = useAnalysis((s) => s.graph.diagnostics);
  const nodeCount = useDoc((s) => s.project.graph.nodes.length);
  const state = validationState(diagnostics, nodeCount);
  const first = state.problems.find((d) => d.severity === "error") ?? state.problems[0];
  return (
    <button
      type="button"
      className={`pill ${state.kind === "empty" ? "neutral" : state.kind}`}
      aria-label={`Validation: ${state.text}`}
      title={state.detail}
      onClick={() => {
        if (first?.nodeId) {
          setSelection(editor.ui, { nodes: [first.nodeId], edges: [] });
          requestFocus(editor.ui, first.nodeId);
        }
      }}
    >
      <span className="dot" />
      {state.text}
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
