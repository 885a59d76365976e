import { open, readFile } from "node:fs/promises";
import type { NpySource } from "../../../shared/datasets/sources/npy";
import { DataError } from "../errors";
import { isZip, listNpz, readNpzEntry } from "./npz";
import { dtypeOf, type NpyArray, type NpyHeader, parseNpy, parseNpyHeader } from "./parse";

/** "data.npz:x" names one array in an archive; a plain path is a .npy file (or a .npz holding one array). */
export function splitRef(ref: string): { file: string; entry?: string } {
  const m = /^(.*\.npz):([^/\\]+)$/i.exec(ref);
  return m ? { file: m[1], entry: m[2] } : { file: ref };
}

async function readOrThrow(file: string): Promise<Buffer> {
  try {
    return await readFile(file, { flag: "r" });
  } catch (error) {
    throw new DataError("E_DATA_READ", (error as Error).message, file);
  }
}

/** The .npy bytes a reference points at (the whole file, or one archive entry) and a name for messages. */
async function npyBytes(ref: string): Promise<{ bytes: Buffer; where: string }> {
  const { file, entry } = splitRef(ref);
  const buf = await readOrThrow(file);
  if (!isZip(buf)) {
    if (entry)
      throw new DataError(
        "E_NPZ_ZIP",
        `expected a .npz (zip) archive holding '${entry}'; received a file that is not a zip`,
        file,
      );
    return { bytes: buf, where: file };
  }
  const entries = listNpz(buf, file).filter((e) => !e.name.endsWith("/"));
  const names = entries.map((e) => e.name.replace(/\.npy$/, ""));
  let pick: number;
  if (entry === undefined) {
    if (entries.length !== 1) {
      throw new DataError(
        "E_NPZ_ZIP",
        `expected one array or a name such as "${file}:${names[0] ?? "x"}"; the archive holds ${names.join(", ") || "nothing"}`,
        file,
      );
    }
    pick = 0;
  } else {
    pick = names.indexOf(entry.replace(/\.npy$/, ""));
    if (pick < 0)
      throw new DataError(
        "E_NPZ_ZIP",
        `expected an array named '${entry}'; the archive holds ${names.join(", ") || "nothing"}`,
        file,
      );
  }
  return { bytes: readNpzEntry(buf, entries[pick], file), where: `${file}:${names[pick]}` };
}

export async function readNpy(ref: string): Promise<NpyArray & { where: string }> {
  const { bytes, where } = await npyBytes(ref);
  return { ...parseNpy(bytes, where), where };
}

/**
 * The header of x without reading its data: a .npy file's first bytes (the header is at most a
 * few KiB) plus its length; an archive is read whole (archives are small or the entry is compressed).
 */
export async function readNpyHeader(ref: string): Promise<NpyHeader & { where: string; byteLength: number }> {
  const { file, entry } = splitRef(ref);
  let head: Buffer;
  let size: number;
  try {
    const fh = await open(file, "r");
    try {
      size = (await fh.stat()).size;
      head = Buffer.alloc(Math.min(size, 65536));
      await fh.read(head, 0, head.length, 0);
    } finally {
      await fh.close();
    }
  } catch (error) {
    throw new DataError("E_DATA_READ", (error as Error).message, file);
  }
  if (entry !== undefined || isZip(head) || size <= head.length) {
    const { bytes, where } = await npyBytes(ref);
    return { ...parseNpyHeader(bytes, where), where, byteLength: bytes.length };
  }
  return { ...parseNpyHeader(head, file), where: file, byteLength: size };
}

export type NpyTask = "classification" | "regression" | "unsupervised";

export interface NpyDataset {
  x: NpyArray;
  y?: NpyArray;
  n: number;
  task: NpyTask;
  /** Classification only: class count (classNames.length, or the largest label + 1) and per-class counts. */
  numClasses?: number;
  counts?: number[];
  classNames?: string[];
}

/** Loads x (and y), checking that they agree and, for classification, that labels are class ids. */
export async function loadNpy(source: Omit<NpySource, "kind">): Promise<NpyDataset> {
  const [x, y] = await Promise.all([readNpy(source.x), source.y ? readNpy(source.y) : undefined]);
  const n = checkX(x.shape, x.where);
  if (!y) return { x, n, task: "unsupervised" };
  checkY(y.shape, n, y.where, x.where);
  const task = source.task ?? inferTask(y.descr, y.shape, y.where);
  if (task === "regression") return { x, y, n, task };
  const { counts, numClasses } = countLabels(y, source.classNames);
  return { x, y, n, task, counts, numClasses, classNames: source.classNames };
}

export function checkX(shape: number[], where: string): number {
  if (shape.length === 0)
    throw new DataError(
      "E_NPY_SHAPE",
      "expected an array with samples on its first axis; received a 0-d (scalar) array",
      where,
    );
  return shape[0];
}

export function checkY(shape: number[], n: number, where: string, xWhere: string): void {
  if (shape.length === 0 || shape[0] !== n) {
    throw new DataError(
      "E_NPY_SHAPE",
      `expected one target per sample: x (${xWhere}) has ${n} samples; received y of shape (${shape.join(", ")})`,
      where,
    );
  }
}

/** Integer or bool class ids, one per sample ([n] or [n, 1]), read as classification. */
export function inferTask(descr: string, shape: number[], where: string): "classification" | "regression" {
  const { read } = dtypeOf(descr, where);
  const oneId = shape.length === 1 || (shape.length === 2 && shape[1] === 1);
  return read !== "f" && oneId ? "classification" : "regression";
}

export function countLabels(
  y: NpyArray & { where: string },
  classNames?: string[],
): { counts: number[]; numClasses: number } {
  const oneId = y.shape.length === 1 || (y.shape.length === 2 && y.shape[1] === 1);
  if (!oneId) {
    throw new DataError(
      "E_NPY_SHAPE",
      `expected one class id per sample, shape (n) or (n, 1); received (${y.shape.join(", ")})`,
      y.where,
    );
  }
  const limit = classNames?.length ?? Number.POSITIVE_INFINITY;
  let max = -1;
  for (let i = 0; i < y.data.length; i++) {
    const v = y.data[i];
    if (!Number.isInteger(v) || v < 0 || v >= limit) {
      const expected = classNames
        ? `0..${classNames.length - 1} (${classNames.length} class names)`
        : "non-negative integers";
      throw new DataError("E_NPY_LABEL_RANGE", `expected class ids ${expected}; received ${v} at sample ${i}`, y.where);
    }
    if (v > max) max = v;
  }
  const numClasses = classNames?.length ?? max + 1;
  const counts = new Array<number>(numClasses).fill(0);
  for (let i = 0; i < y.data.length; i++) counts[y.data[i]]++;
  return { counts, numClasses };
}
