import { projectFileName } from "../files/local-files";

/** The name of a project nobody has named yet (a new, blank project). */
export const DEFAULT_PROJECT_NAME = "Untitled";

const PROJECT_SUFFIX = /\.netforge\.json$|\.json$/i;

/** "my-xor" for ".../my-xor.netforge.json" (either separator); the file name itself when it has no suffix. */
export function fileStem(path: string): string {
  const base = path.split(/[\\/]/).filter(Boolean).pop() ?? "";
  return base.replace(PROJECT_SUFFIX, "").trim() || base;
}

/**
 * Whether a loaded project's name was given by someone: a name that is neither the default nor the
 * project file's own name (a saved or uploaded project's author chose it), which Save As must keep.
 * New projects and templates are loaded as not named (file-commands.ts says so).
 */
export function namedInFile(name: string, filePath: string | null): boolean {
  if (name === DEFAULT_PROJECT_NAME) return false;
  return !filePath || name !== fileStem(filePath);
}

/**
 * The project's name after Save As to `path`. A name the user gave stays; otherwise the project
 * takes the file's name, as a document's title does, so the title bar and the export's default
 * file name ("my-xor.onnx") say what the user typed in the save dialog. Accepting the file name
 * offered for the current name ("xor-mlp.netforge.json" for "XOR MLP") keeps that name.
 */
export function nameAfterSaveAs(name: string, path: string, userNamed: boolean): string {
  if (userNamed) return name;
  const base = path.split(/[\\/]/).pop() ?? "";
  if (base.toLowerCase() === projectFileName(name)) return name;
  return fileStem(path).slice(0, 200) || name;
}
