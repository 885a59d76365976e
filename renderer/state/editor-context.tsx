import { createContext, useContext } from "react";
import type { Editor } from "./editor";

/** Provides the one editor of the window (created in renderer/main.tsx) to components. */
export const EditorContext = createContext<Editor | null>(null);

export function useEditor(): Editor {
  const editor = useContext(EditorContext);
  if (!editor) {
    throw new Error("useEditor() needs an <EditorContext.Provider value={editor}> above this component; received none");
  }
  return editor;
}
