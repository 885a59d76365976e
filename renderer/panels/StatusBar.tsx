import { useEditor } from "../state/editor-context";
import { useAnalysis, useDoc, useUi } from "../state/hooks";
import type { ThemeSetting } from "../state/ui-store";
import { countText } from "./summary/format";

/** One dense line of facts under everything (VS Code's status bar). */
export function StatusBar() {
  const nodes = useDoc((s) => s.project.graph.nodes.length);
  const edges = useDoc((s) => s.project.graph.edges.length);
  const params = useAnalysis((s) => s.summary.params.total);
  const selected = useUi((s) => s.selection.nodes.length);
  const path = useUi((s) => s.filePath);
  return (
    <footer className="statusbar">
      <span>
        {nodes} block{nodes === 1 ? "" : "s"} · {edges} wire{edges === 1 ? "" : "s"}
      </span>
      <span>{countText(params)} parameters</span>
      {selected > 0 && <span>{selected} selected</span>}
      <span className="spacer" />
      <span className="mono" title={path ?? "Not saved yet"}>
        {path ?? "not saved"}
      </span>
      <ThemeButton />
      <span>
        Press <kbd>?</kbd> for shortcuts
      </span>
    </footer>
  );
}

const NEXT_THEME: Record<ThemeSetting, ThemeSetting> = { system: "light", light: "dark", dark: "system" };

/** System (the default, following the OS), then light, then dark. */
function ThemeButton() {
  const editor = useEditor();
  const theme = useUi((s) => s.theme);
  return (
    <button
      type="button"
      className="statusbar-button"
      aria-label={`Theme: ${theme}. Switch to ${NEXT_THEME[theme]}`}
      onClick={() => editor.ui.setState({ theme: NEXT_THEME[theme] })}
    >
      Theme: {theme}
    </button>
  );
}
