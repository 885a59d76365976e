import { useEditor } from "../../state/editor-context";
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
      {/* A signpost: the walk's own mark, drawn like the app's other 16px stroke icons. */}
      <svg
        viewBox="0 0 16 16"
        width="16"
        height="16"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.4"
        strokeLinecap="round"
        strokeLinejoin="round"
        aria-hidden="true"
      >
        <path d="M8 14.5v-13M3 3h8.5l2 2-2 2H3zM13 9H4.5l-2 2 2 2H13z" />
      </svg>
    </button>
  );
}
