import { type RecoveryItem, recoveryStore } from "../state/autosave";
import { useEditor } from "../state/editor-context";
import { useStoreSelector } from "../state/hooks";
import "./files.css";

const selectItems = (s: { items: RecoveryItem[] }) => s.items;

/** Unsaved work left by a window that crashed or was closed without saving, offered once. */
export function RecoveryBanner() {
  const editor = useEditor();
  const items = useStoreSelector(recoveryStore(editor), selectItems);
  if (items.length === 0) return null;
  return (
    <section className="recovery-banner" aria-label="Recover unsaved work">
      {items.map((item) => (
        <div key={item.sessionId} className="recovery-item">
          <span>
            Unsaved work on <strong>{item.name}</strong>
            {item.path ? ` (${item.path})` : ""} from {new Date(item.savedAt).toLocaleString()} was recovered.
          </span>
          <button
            type="button"
            className="button small primary"
            onClick={() => editor.run("recover-project", { sessionId: item.sessionId })}
          >
            Restore
          </button>
          <button
            type="button"
            className="button small"
            aria-label={`Discard recovered work on ${item.name}`}
            onClick={() => editor.run("discard-recovery", { sessionId: item.sessionId })}
          >
            Discard
          </button>
        </div>
      ))}
    </section>
  );
}
