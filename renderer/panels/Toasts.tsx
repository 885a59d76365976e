import { useEffect } from "react";
import { useEditor } from "../state/editor-context";
import { useUi } from "../state/hooks";
import { dismissToast, type Toast, type UiStore } from "../state/ui-store";
import { Icon } from "./icons";

const LIFETIME_MS = { info: 4000, success: 3000, error: 8000 } as const;

/** Messages from commands (saved, pasted, refused), bottom right, each leaving after a while. */
export function Toasts() {
  const editor = useEditor();
  const toasts = useUi((s) => s.toasts);
  return (
    <div className="toasts" role="log" aria-live="polite" aria-label="Messages">
      {toasts.map((t) => (
        <ToastItem key={t.id} toast={t} ui={editor.ui} />
      ))}
    </div>
  );
}

function ToastItem({ toast, ui }: { toast: Toast; ui: UiStore }) {
  useEffect(() => {
    const timer = setTimeout(() => dismissToast(ui, toast.id), LIFETIME_MS[toast.kind]);
    return () => clearTimeout(timer);
  }, [ui, toast.id, toast.kind]);
  return (
    <div className={`toast ${toast.kind}`} role={toast.kind === "error" ? "alert" : "status"}>
      <p>{toast.text}</p>
      <button
        type="button"
        className="icon-button"
        aria-label="Dismiss message"
        onClick={() => dismissToast(ui, toast.id)}
      >
        <Icon name="close" />
      </button>
    </div>
  );
}
