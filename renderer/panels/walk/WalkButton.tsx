import { useEditor } from "../../state/editor-context";
import { Icon } from "../icons";
import { openWalk } from "./walk-store";

/** The top bar's way into the getting-started walk (resumes where it was closed). */
export function WalkButton() {
  const editor = useEditor();
  return (
    <button
      type="button"
      className="icon-button"
      aria-label="Getting started"
      title="Getting started: open XOR, see its data, train, evaluate, export"
      onClick={() => openWalk(editor)}
    >
      <Icon name="walk" />
    </button>
  );
}
