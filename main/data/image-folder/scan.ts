import { readdir, stat } from "node:fs/promises";
import { extname, join } from "node:path";
import type { DataWarning } from "../errors";
import { DataError } from "../errors";

/** Extensions read as images (case-insensitive). GIFs contribute their first frame. */
export const IMAGE_EXTENSIONS = [".png", ".jpg", ".jpeg", ".webp", ".gif"] as const;

/**
 * The listing of an image folder: names and labels only, never pixels, so that a folder of
 * 100,000 images costs a few megabytes. files[i] is relative to root; labels[i] its class id.
 */
export interface ImageIndex {
  root: string;
  /** Class names, index = class id. Class folders without images are left out (see warnings). */
  classNames: string[];
  files: string[];
  labels: Int32Array;
  /** Images per class, index = class id. */
  counts: number[];
  warnings: DataWarning[];
}

const isHidden = (name: string) => name.startsWith(".");
// Code-point order, not localeCompare: class ids must not depend on the machine's locale.
const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const examples = (names: string[]) => names.slice(0, 5).join(", ") + (names.length > 5 ? ", ..." : "");

/** Lists the class subfolders of `root` and the images in each. Throws coded errors when unusable. */
export async function scanImageFolder(root: string): Promise<ImageIndex> {
  const info = await stat(root).catch(() => undefined);
  if (!info?.isDirectory()) {
    const received = info ? "a file" : "nothing (no such path)";
    throw new DataError(
      "E_IMG_NOT_FOLDER",
      `expected a folder with one subfolder per class; received ${received}`,
      root,
    );
  }
  const entries = (await readdir(root, { withFileTypes: true })).filter((e) => !isHidden(e.name));
  const dirs = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort(byCodePoint);
  const looseFiles = entries.filter((e) => !e.isDirectory()).map((e) => e.name);
  if (dirs.length === 0) {
    const imgs = looseFiles.filter(isImageName).length;
    const hint = imgs > 0 ? `; it holds ${imgs} image(s) directly: move them into one folder per class` : "";
    throw new DataError(
      "E_IMG_NO_CLASSES",
      `expected one subfolder per class (e.g. cats/, dogs/); received no subfolders${hint}`,
      root,
    );
  }

  const warnings: DataWarning[] = [];
  const classNames: string[] = [];
  const files: string[] = [];
  const labelList: number[] = [];
  const counts: number[] = [];
  const empty: string[] = [];
  const other: string[] = [];
  const nested: string[] = [];
  for (const dir of dirs) {
    const inner = (await readdir(join(root, dir), { withFileTypes: true })).filter((e) => !isHidden(e.name));
    const images = inner
      .filter((e) => !e.isDirectory() && isImageName(e.name))
      .map((e) => e.name)
      .sort(byCodePoint);
    for (const e of inner) {
      if (e.isDirectory()) nested.push(`${dir}/${e.name}`);
      else if (!isImageName(e.name)) other.push(`${dir}/${e.name}`);
    }
    if (images.length === 0) {
      empty.push(dir);
      continue;
    }
    const id = classNames.length;
    classNames.push(dir);
    counts.push(images.length);
    for (const name of images) {
      files.push(`${dir}/${name}`);
      labelList.push(id);
    }
  }
  other.push(...looseFiles);

  if (classNames.length === 0) {
    throw new DataError(
      "E_IMG_NO_IMAGES",
      `expected images (${IMAGE_EXTENSIONS.join(" ")}) in the class folders; all ${dirs.length} are empty: ${examples(dirs)}`,
      root,
    );
  }
  if (empty.length > 0) {
    warnings.push({
      code: "W_IMG_EMPTY_CLASS",
      message: `${empty.length} class folder(s) hold no images and are left out of the classes: ${examples(empty)}`,
      where: root,
    });
  }
  if (classNames.length === 1) {
    warnings.push({
      code: "W_IMG_SINGLE_CLASS",
      message: `only one class (${classNames[0]}) holds images; a classifier needs at least two`,
      where: root,
    });
  }
  const singles = classNames.filter((_, i) => counts[i] === 1);
  if (singles.length > 0) {
    warnings.push({
      code: "W_IMG_SINGLE_IMAGE_CLASS",
      message: `${singles.length} class(es) hold a single image, too few to appear in both training and validation: ${examples(singles)}`,
      where: root,
    });
  }
  if (other.length > 0) {
    warnings.push({
      code: "W_IMG_OTHER_FILES",
      message: `${other.length} file(s) are not images (expected ${IMAGE_EXTENSIONS.join(" ")}) and are ignored: ${examples(other)}`,
      where: root,
    });
  }
  if (nested.length > 0) {
    // A train/ + test/ layout would otherwise be read as two classes named "train" and "test".
    warnings.push({
      code: "W_IMG_NESTED_FOLDERS",
      message: `${nested.length} folder(s) inside class folders are ignored (only images directly in a class folder count; if the folder has train/ and test/ parts, choose one): ${examples(nested)}`,
      where: root,
    });
  }
  return { root, classNames, files, labels: Int32Array.from(labelList), counts, warnings };
}

function isImageName(name: string): boolean {
  return (IMAGE_EXTENSIONS as readonly string[]).includes(extname(name).toLowerCase());
}
