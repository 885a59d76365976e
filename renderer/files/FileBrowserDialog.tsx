import { useCallback, useEffect, useState } from "react";
import type { ResponseOf } from "../../shared/api/contract";
import type { NetforgeClient } from "../api/client";
import { Icon } from "../panels/icons";
import { useEditor } from "../state/editor-context";
import { type FileBrowserRequest, fileBrowserStore } from "../state/file-prompts";
import { useStoreSelector } from "../state/hooks";
import "./files.css";

type Listing = ResponseOf<"fs.list">;
const selectRequest = (s: { request: FileBrowserRequest | null }) => s.request;

/**
 * Browser mode's open / save / choose-folder dialog over the host's folder browser (fs.list). The
 * folder a file is picked in is opened on the host (fs.openFolder) before the path is returned, so
 * the host reads and writes only where the user chose. Electron uses native dialogs instead.
 */
export function FileBrowserDialog({ client }: { client: NetforgeClient | null }) {
  const editor = useEditor();
  const request = useStoreSelector(fileBrowserStore(editor), selectRequest);
  if (!request || !client) return null;
  return <Browser key={`${request.mode}:${request.title}`} client={client} request={request} />;
}

function Browser({ client, request }: { client: NetforgeClient; request: FileBrowserRequest }) {
  const [listing, setListing] = useState<Listing | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [name, setName] = useState(request.defaultName ?? "");
  const [selected, setSelected] = useState<string | null>(null);

  const go = useCallback(
    (path?: string) => {
      setError(null);
      setSelected(null);
      client
        .call("fs.list", path ? { path } : {})
        .then(setListing)
        .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
    },
    [client],
  );
  useEffect(() => go(), [go]);

  const finish = async (path: string | null, folder?: string) => {
    if (path === null) return request.resolve(null);
    try {
      await client.call("fs.openFolder", { path: folder ?? path });
      request.resolve(path);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  const here = listing?.path ?? "";
  const join = (file: string) =>
    `${here}${here.endsWith("/") || here.endsWith("\\") ? "" : here.includes("\\") ? "\\" : "/"}${file}`;
  const confirm = () => {
    if (!listing) return;
    if (request.mode === "folder") return void finish(here);
    if (request.mode === "save") {
      const file = name.trim();
      if (!file) return setError("Type a file name");
      return void finish(join(/\.json$/i.test(file) ? file : `${file}.netforge.json`), here);
    }
    if (selected) void finish(selected, here);
  };
  const action = request.mode === "save" ? "Save" : request.mode === "folder" ? "Choose this folder" : "Open";
  const titleId = "file-browser-title";

  return (
    <div className="modal-backdrop">
      <button
        type="button"
        className="modal-scrim"
        aria-label="Cancel"
        tabIndex={-1}
        onClick={() => void finish(null)}
      />
      <div
        className="modal file-browser"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        onKeyDown={(e) => {
          if (e.key === "Escape") void finish(null);
        }}
      >
        <div className="modal-header">
          <h2 id={titleId}>{request.title}</h2>
        </div>
        <div className="file-browser-path">
          <button
            type="button"
            className="button small"
            aria-label="Parent folder"
            disabled={!listing?.parent}
            onClick={() => listing?.parent && go(listing.parent)}
          >
            <Icon name="up" />
            Up
          </button>
          {/* Right-to-left so a long path is cut at its start; the path itself stays left-to-right. */}
          <code title={here} dir="rtl">
            <bdi dir="ltr">{here}</bdi>
          </code>
        </div>
        <ul className="file-browser-list" aria-label="Folder contents">
          {listing?.entries.map((entry) => {
            const choosable =
              entry.kind === "folder" || (request.mode !== "folder" && (request.accept?.(entry.name) ?? true));
            return (
              <li key={entry.path}>
                <button
                  type="button"
                  className={`file-entry${selected === entry.path ? " selected" : ""}`}
                  disabled={!choosable}
                  aria-label={`${entry.kind === "folder" ? "Folder" : "File"} ${entry.name}`}
                  onClick={() => {
                    if (entry.kind === "folder") go(entry.path);
                    else if (request.mode === "save") setName(entry.name);
                    else setSelected(entry.path);
                  }}
                  onDoubleClick={() => {
                    if (entry.kind === "file" && request.mode === "open") void finish(entry.path, here);
                  }}
                >
                  <span className="file-entry-icon" aria-hidden="true">
                    <Icon name={entry.kind === "folder" ? "folder" : entry.project ? "project" : "file"} />
                  </span>
                  <span className="file-entry-name">{entry.name}</span>
                  {entry.size !== null && <span className="file-entry-size">{formatSize(entry.size)}</span>}
                </button>
              </li>
            );
          })}
          {listing && listing.entries.length === 0 && <li className="empty-note">This folder is empty.</li>}
        </ul>
        {error && (
          <p className="file-browser-error" role="alert">
            {error}
          </p>
        )}
        <div className="file-browser-footer">
          {request.mode === "save" && (
            <input
              className="file-browser-name"
              aria-label="File name"
              value={name}
              // biome-ignore lint/a11y/noAutofocus: the save dialog is there to type a name.
              autoFocus
              onChange={(e) => setName(e.target.value)}
              onKeyDown={(e) => e.key === "Enter" && confirm()}
            />
          )}
          <span className="file-browser-roots">
            NetForge may use folders under {listing?.browseRoots.join(", ") ?? "…"}
          </span>
          <button type="button" className="button" onClick={() => void finish(null)}>
            Cancel
          </button>
          <button
            type="button"
            className="button primary"
            disabled={!listing || (request.mode === "open" && !selected)}
            onClick={confirm}
          >
            {action}
          </button>
        </div>
      </div>
    </div>
  );
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
