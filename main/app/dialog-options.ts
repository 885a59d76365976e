import { join } from "node:path";
import type { OpenDialogOptions, SaveDialogOptions } from "electron";
import type { ParsedRequestOf } from "../../shared/api/contract";
import { isProjectPath, PROJECT_SUFFIX } from "./argv";

type Purpose = ParsedRequestOf<"dialog.open">["purpose"];
type Filter = { name: string; extensions: string[] };

const ALL: Filter = { name: "All files", extensions: ["*"] };
// macOS matches filters by the last extension only, so "json" is offered beside "netforge.json".
const PROJECT: Filter[] = [{ name: "NetForge project", extensions: ["netforge.json", "json"] }, ALL];
const DATA: Filter[] = [
  { name: "Data files", extensions: ["csv", "tsv", "txt", "json", "npy", "npz", "gz", "idx", "ubyte"] },
  ALL,
];
const ONNX: Filter[] = [{ name: "ONNX model", extensions: ["onnx"] }, ALL];

const TITLES: Record<Purpose, { open: string; save: string }> = {
  project: { open: "Open project", save: "Save project" },
  "data-file": { open: "Choose a data file", save: "Save data" },
  "data-folder": { open: "Choose a data folder", save: "Choose a data folder" },
  export: { open: "Choose an export folder", save: "Export model" },
};

/** Native open dialog per purpose: files of the right kind, or a folder. */
export function openDialogOptions(req: ParsedRequestOf<"dialog.open">, defaultFolder: string): OpenDialogOptions {
  const title = req.title ?? TITLES[req.purpose].open;
  switch (req.purpose) {
    case "project":
      return { title, defaultPath: defaultFolder, properties: ["openFile"], filters: PROJECT };
    case "data-file":
      return { title, defaultPath: defaultFolder, properties: ["openFile"], filters: DATA };
    case "data-folder":
    case "export":
      return { title, defaultPath: defaultFolder, properties: ["openDirectory", "createDirectory"] };
  }
}

export function saveDialogOptions(req: ParsedRequestOf<"dialog.save">, defaultFolder: string): SaveDialogOptions {
  const title = req.title ?? TITLES[req.purpose].save;
  const name = req.defaultName ? baseName(req.defaultName) : undefined;
  const filters = req.purpose === "project" ? PROJECT : req.purpose === "export" ? ONNX : DATA;
  const defaultName = req.purpose === "project" ? withProjectSuffix(name ?? "Untitled") : name;
  return {
    title,
    defaultPath: defaultName ? join(defaultFolder, defaultName) : defaultFolder,
    filters,
    properties: ["createDirectory", "showOverwriteConfirmation"],
  };
}

/** What a save dialog returned, with the project suffix added when the user typed a bare name. */
export function savedPath(purpose: Purpose, path: string): string {
  return purpose === "project" ? withProjectSuffix(path) : path;
}

export function withProjectSuffix(name: string): string {
  if (isProjectPath(name)) return name;
  // "model.json" typed by the user becomes "model.netforge.json", not "model.json.netforge.json".
  return `${name.replace(/\.json$/i, "")}${PROJECT_SUFFIX}`;
}

/** A default name from the renderer must not move the dialog to another folder. */
function baseName(name: string): string {
  return name.split(/[\\/]/).pop() || "Untitled";
}
