import { Fragment, useEffect } from "react";
import type { NetforgeClient } from "./api/client";
import { Canvas } from "./canvas/Canvas";
import { handleKeyDown } from "./commands/keyboard";
import { FileBrowserDialog } from "./files/FileBrowserDialog";
import { RecoveryBanner } from "./files/RecoveryBanner";
import { DiagnosticsList } from "./panels/diagnostics/DiagnosticsList";
import { HelpOverlay } from "./panels/help/HelpOverlay";
import { Inspector } from "./panels/inspector/Inspector";
import { Palette } from "./panels/palette/Palette";
import { StatusBar } from "./panels/StatusBar";
import { StepThrough } from "./panels/step/StepThrough";
import { Toasts } from "./panels/Toasts";
import { TemplateGallery } from "./panels/templates/TemplateGallery";
import { TopBar } from "./panels/topbar/TopBar";
import { Walk } from "./panels/walk/Walk";
import { useEditor } from "./state/editor-context";
import { useUi } from "./state/hooks";
import { DataTab } from "./tabs/DataTab";
import { EvaluateTab } from "./tabs/EvaluateTab";
import { ExportTab } from "./tabs/ExportTab";
import { TrainTab } from "./tabs/TrainTab";

/**
 * The window: top bar; the design workspace (palette | canvas over the problems list | inspector)
 * or one of the Data, Train, Evaluate and Export tabs; a status bar. Tabs stay mounted while hidden
 * so the canvas keeps its viewport and a running chart keeps its data.
 */
export function App({ client }: { client: NetforgeClient | null }) {
  const editor = useEditor();
  const tab = useUi((s) => s.activeTab);
  const theme = useUi((s) => s.theme);
  const draftId = useUi((s) => s.draftId);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (handleKeyDown(editor, e)) e.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [editor]);
  useEffect(() => {
    // "system" leaves color-scheme to the OS setting (styles/theme.css); the others pin it.
    if (theme === "system") delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = theme;
  }, [theme]);
  return (
    <div className="app">
      <TopBar client={client} />
      <main className="workspace">
        <div
          className="design-view"
          id="tab-design"
          role="tabpanel"
          aria-labelledby="tab-button-design"
          hidden={tab !== "design"}
        >
          <Palette />
          <div className="center-column">
            <Canvas />
            <DiagnosticsList />
            <StepThrough />
          </div>
          <Inspector />
        </div>
        {/* Keyed by the project's draft id: another project remounts the tabs, so no choice,
            report or result of the previous project (a selected run, a split, an evaluation,
            try-it answers, an export) stays on screen. Their stores are reset in enterProject. */}
        <Fragment key={draftId}>
          <DataTab hidden={tab !== "data"} />
          <TrainTab hidden={tab !== "train"} />
          <EvaluateTab hidden={tab !== "evaluate"} />
          <ExportTab hidden={tab !== "export"} />
        </Fragment>
      </main>
      <StatusBar />
      <HelpOverlay />
      <Walk />
      <TemplateGallery client={client} />
      <FileBrowserDialog client={client} />
      <RecoveryBanner />
      <Toasts />
    </div>
  );
}
