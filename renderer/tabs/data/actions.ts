import { MAX_UPLOAD_BYTES, UPLOAD_PART_BYTES } from "../../../shared/api/limits";
import { resolveSourcePaths } from "../../../shared/datasets/paths";
import type { DatasetSpec } from "../../../shared/datasets/spec";
import { withoutSplitValidation } from "../../../shared/training/validation";
import type { NetforgeClient } from "../../api/client";
import type { BindingIssue } from "../../state/binding";
import type { Editor } from "../../state/editor";
import { setParams } from "../../state/edits";
import { toast } from "../../state/ui-store";
import { messageOf } from "../common/errors";
import { dirName, relativeToProject } from "../common/paths";
import { getIn, setIn } from "../common/schema-model";

/**
 * Binds a file or folder as the project's data: the host proposes a spec for it (CSV, image
 * folder, IDX, NumPy, text), its paths are made relative to the project file where they lie
 * beside it, and the document changes in one undoable step.
 */
export async function bindPath(editor: Editor, client: NetforgeClient, path: string): Promise<boolean> {
  try {
    const { spec } = await client.call("data.specForPath", { path });
    setData(editor, `choose data ${path}`, spec);
    return true;
  } catch (error) {
    toast(editor.ui, "error", `Could not use ${path} as data: ${messageOf(error)}`);
    return false;
  }
}

export function setData(editor: Editor, label: string, spec: DatasetSpec): void {
  const projectFile = editor.ui.getState().filePath;
  // The split's validation fraction is the Train tab's setting; the project keeps it there only.
  const relative = withoutSplitValidation(resolveSourcePaths(spec, (p) => relativeToProject(projectFile, p)));
  editor.edit(label, (p) => ({ ...p, data: relative as unknown as Record<string, unknown> }));
}

export function removeData(editor: Editor): void {
  editor.edit("remove data", (p) => ({ ...p, data: null }));
}

/** One undoable change inside the bound spec (`where` is "source" or "split"). */
export function editSpec(editor: Editor, where: "source" | "split", path: readonly string[], value: unknown): void {
  editor.edit(`data: ${[where, ...path].join(".")}`, (p) => ({
    ...p,
    data: setIn(p.data ?? {}, [where, ...path], value),
  }));
}

/** A table column's type or role, written as a per-column override (and `label` for the label). */
export function editColumn(editor: Editor, name: string, change: { type?: string; role?: string }): void {
  editor.edit(`data: column ${name}`, (p) => {
    const source = (getIn(p.data, ["source"]) ?? {}) as Record<string, unknown>;
    const columns = Array.isArray(source.columns) ? [...(source.columns as Record<string, unknown>[])] : [];
    const i = columns.findIndex((c) => c.name === name);
    const own = { ...(i >= 0 ? columns[i] : { name }), ...change };
    let label = source.label;
    if (change.role === "label") {
      label = name;
      delete own.role;
      for (let k = 0; k < columns.length; k++) {
        if (columns[k].role === "label") columns[k] = { ...columns[k], role: "feature" };
      }
    } else if (change.role !== undefined && label === name) {
      label = undefined;
    }
    if (i >= 0) columns[i] = own;
    else columns.push(own);
    const next: Record<string, unknown> = { ...source, columns: columns.filter((c) => Object.keys(c).length > 1) };
    if (label === undefined) delete next.label;
    else next.label = label;
    return { ...p, data: { ...(p.data ?? {}), source: next } };
  });
}

/** Applies a binding issue's fix (the Input's shape, the output's units) as one undoable edit. */
export function applyBindingFix(editor: Editor, issue: BindingIssue): void {
  const fix = issue.fix;
  if (!fix) return;
  editor.edit(fix.title, (p) => setParams(p, fix.nodeId, fix.params));
}

/**
 * Uploads a dropped file into the project's folder (or the first opened one) and binds it. A
 * dropped folder cannot be read by a page; the message says to use Choose folder instead.
 */
export async function uploadAndBind(
  editor: Editor,
  client: NetforgeClient,
  file: File,
  fallbackFolder: string | null,
): Promise<void> {
  const projectFile = editor.ui.getState().filePath;
  const folder = projectFile ? dirName(projectFile) : fallbackFolder;
  if (!folder) {
    toast(
      editor.ui,
      "error",
      "Save the project or open a folder first: a dropped file is stored in the project's folder.",
    );
    return;
  }
  if (file.size > MAX_UPLOAD_BYTES) {
    toast(
      editor.ui,
      "error",
      `${file.name} is ${(file.size / 1024 / 1024).toFixed(0)} MB; uploads take at most 64 MB. Choose it with Choose file instead.`,
    );
    return;
  }
  try {
    const path = await uploadInParts(client, folder, file);
    toast(editor.ui, "success", `Uploaded ${file.name} to ${folder}`);
    await bindPath(editor, client, path);
  } catch (error) {
    toast(editor.ui, "error", `Could not upload ${file.name}: ${messageOf(error)}`);
  }
}

/**
 * Sends a file in parts of UPLOAD_PART_BYTES, in order (the host appends each to a temporary file
 * and renames it into place after the last): one message never holds more than a part, so a large
 * upload neither hits the message cap nor holds up other calls on the host.
 */
export async function uploadInParts(client: NetforgeClient, folder: string, file: Blob & { name: string }) {
  let path = "";
  for (let offset = 0; offset === 0 || offset < file.size; offset += UPLOAD_PART_BYTES) {
    const end = Math.min(file.size, offset + UPLOAD_PART_BYTES);
    const base64 = await fileBase64(file.slice(offset, end));
    const last = end >= file.size;
    ({ path } = await client.call("fs.upload", { folder, name: file.name, base64, overwrite: false, offset, last }));
  }
  return path;
}

/** A file's bytes as base64, in slices (String.fromCharCode takes a bounded number of arguments). */
export async function fileBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
