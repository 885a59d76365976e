import "@xyflow/react/dist/style.css";
import "./styles/index.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import type { Project } from "../shared/ir/project";
import { App } from "./App";
import { connectClient, type NetforgeClient } from "./api/client";
import { installFileSupport } from "./commands/file-commands";
import { blankProject } from "./state/document-store";
import { createEditor, type Editor } from "./state/editor";
import { EditorContext } from "./state/editor-context";
import { requestFit } from "./state/ui-store";

/** How long the window waits for the host before it opens without one (the editor works alone). */
const CONNECT_TIMEOUT_MS = 4000;

async function connect(): Promise<NetforgeClient | null> {
  const timeout = new Promise<null>((ok) => setTimeout(() => ok(null), CONNECT_TIMEOUT_MS));
  try {
    return await Promise.race([connectClient(), timeout]);
  } catch (error) {
    console.warn("NetForge: no host connection; editing works, files and training need the host.", error);
    return null;
  }
}

declare global {
  interface Window {
    /**
     * The window's editor, for the e2e specs and the benchmark: commands run by id (ANCHORS R17),
     * `load` opens a project document as File > Open does (null: a blank one).
     */
    __netforge?: { editor: Editor; load(project: Project | null): void };
  }
}

async function start(): Promise<void> {
  const root = document.getElementById("root");
  if (!root) return;
  const client = await connect();
  const editor = createEditor({ api: client ?? undefined });
  // Files, autosave and recovery need the host; without one the editor still edits.
  if (client) installFileSupport(editor, client);
  window.__netforge = {
    editor,
    load: (project) => {
      editor.loadProject(project ?? blankProject(), { filePath: null });
      requestFit(editor.ui, false);
    },
  };
  createRoot(root).render(
    <StrictMode>
      <EditorContext.Provider value={editor}>
        <App client={client} />
      </EditorContext.Provider>
    </StrictMode>,
  );
}

void start();
