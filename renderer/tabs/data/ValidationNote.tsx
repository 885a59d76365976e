import { validationFraction } from "../../../shared/training/validation";
import { useEditor } from "../../state/editor-context";
import { useDoc } from "../../state/hooks";

/**
 * Validation is one setting, owned by the Train tab (with the metrics and checkpoints that watch
 * it); the Data tab shows it read-only, with a way there.
 */
export function ValidationNote() {
  const editor = useEditor();
  const fraction = useDoc((s) => validationFraction(s.project.training));
  return (
    <section className="info-note validation-note" aria-label="Validation part">
      <span>
        Validation: <strong>{fraction === 0 ? "none" : `${fraction} of the samples`}</strong> (set in the Train tab)
      </span>
      <button type="button" className="button small ghost" onClick={() => editor.ui.setState({ activeTab: "train" })}>
        Change in Train tab
      </button>
    </section>
  );
}
