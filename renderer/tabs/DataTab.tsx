import { useState } from "react";
import { setGalleryOpen } from "../panels/templates/gallery-store";
import { useEditor } from "../state/editor-context";
import { useDoc, useUi } from "../state/hooks";
import { useClient, useProbe } from "./common/session";
import { useAppInfo } from "./common/use-app-info";
import { removeData, uploadAndBind } from "./data/actions";
import { BindingCard } from "./data/BindingCard";
import { DataSettings } from "./data/DataSettings";
import { BalanceCard, ColumnsCard, PreviewCard, SourceCard, WarningsCard } from "./data/SummaryCards";
import { useChooseData } from "./data/use-choose-data";
import { ValidationNote } from "./data/ValidationNote";
import { TabFrame } from "./TabFrame";

/**
 * The project's data: choose a file or folder (or drop a file), see what the probe found (columns
 * with editable types and roles, classes and their balance, a preview, warnings), set the
 * preprocessing and the split, and see whether the data fits the model's Input and output.
 * Everything edits the document's `data`, so it is undoable and saved with the project.
 */
export function DataTab({ hidden }: { hidden: boolean }) {
  const editor = useEditor();
  const client = useClient();
  const info = useAppInfo();
  const choose = useChooseData();
  const binding = useProbe((s) => s.binding);
  const summary = useProbe((s) => s.summary);
  const error = useProbe((s) => s.error);
  const probing = useProbe((s) => s.probing);
  const filePath = useUi((s) => s.filePath);
  const emptyDesign = useDoc((s) => s.project.graph.nodes.length === 0);
  const [dragging, setDragging] = useState(false);

  // The empty state has its own big buttons; the header offers them once data is bound.
  const actions = binding !== "none" && (
    <>
      <button type="button" className="button" disabled={!client} onClick={() => choose("file")}>
        Choose file…
      </button>
      <button type="button" className="button" disabled={!client} onClick={() => choose("folder")}>
        Choose folder…
      </button>
      <button type="button" className="button ghost" onClick={() => removeData(editor)}>
        Remove data
      </button>
    </>
  );

  return (
    <TabFrame
      tab="data"
      title="Data"
      description="Choose the data the model learns from, how it is prepared and how it is split."
      hidden={hidden}
      actions={actions}
    >
      <section
        className={`data-drop${dragging ? " dragging" : ""}`}
        aria-label="Data (drop a file here to upload it)"
        onDragOver={(e) => {
          if (!e.dataTransfer.types.includes("Files")) return;
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={(e) => {
          if (e.currentTarget === e.target) setDragging(false);
        }}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          const file = e.dataTransfer.files[0];
          if (file && client) void uploadAndBind(editor, client, file, info?.openedFolders[0] ?? null);
        }}
      >
        {binding === "none" ? (
          <div className="placeholder-card data-empty">
            <h3>No dataset bound yet</h3>
            <p>
              Choose a CSV table, an image folder (one subfolder per class), IDX or NumPy files, or drop a file here.
              NetForge probes it and checks its shape against your Input block.
            </p>
            <div className="row-actions">
              <button type="button" className="button primary" disabled={!client} onClick={() => choose("file")}>
                Choose file…
              </button>
              <button type="button" className="button" disabled={!client} onClick={() => choose("folder")}>
                Choose folder…
              </button>
              {emptyDesign && (
                // Nothing designed yet, so nothing to lose: a template brings a network and its data.
                <button type="button" className="button ghost" onClick={() => setGalleryOpen(editor, true)}>
                  Start from a template
                </button>
              )}
            </div>
            {!filePath && (
              <p className="muted small">
                Tip: save the project first; data paths are then stored relative to it and dropped files go beside it.
              </p>
            )}
          </div>
        ) : (
          <div className="data-layout">
            <div className="data-main">
              {error && (
                <div className="problem-note" role="alert">
                  <strong>The data cannot be read.</strong> {error}
                </div>
              )}
              {!summary && !error && <p className="muted">Probing the data…</p>}
              {summary && (
                <>
                  <SourceCard summary={summary} probing={probing} />
                  <BindingCard />
                  {binding === "inline" && (
                    <p className="info-note">
                      Inline samples travel inside the project file; the last fraction is held out for validation.
                    </p>
                  )}
                  <ValidationNote />
                  <ColumnsCard summary={summary} editable={summary.kind === "table"} />
                  <BalanceCard summary={summary} />
                  <PreviewCard summary={summary} />
                  <WarningsCard summary={summary} />
                </>
              )}
            </div>
            {binding === "spec" && (
              <aside className="data-side">
                <DataSettings />
              </aside>
            )}
          </div>
        )}
        {dragging && <div className="drop-hint">Drop the file to upload it and use it as data</div>}
      </section>
    </TabFrame>
  );
}
