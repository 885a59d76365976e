import { readFile, stat } from "node:fs/promises";
import { basename, dirname, extname, join } from "node:path";
import { InlineDatasetSchema } from "../../shared/datasets/inline";
import { DataSourceSchema, type DatasetSpec, DatasetSpecSchema } from "../../shared/datasets/spec";
import { DataError } from "./errors";
import { probeTable } from "./table/probe";

/**
 * What kind of data a path holds, for `netforge data probe <path>` and `train --data <path>`:
 * a folder is an image folder (one subfolder per class); .npy/.npz are NumPy arrays; an IDX file
 * (MNIST format, gzipped or not) pairs with its labels file; .json is a dataset spec, a source or
 * inline samples; .txt is one labelled text per line; anything else is a table (CSV, TSV, ...),
 * or text / sentence pairs when its columns are free text.
 */
export async function specForPath(path: string, opts: { labels?: string } = {}): Promise<DatasetSpec> {
  const info = await stat(path).catch(() => null);
  if (!info) throw new DataError("E_DATA_PATH", `no such file or folder: ${path}`, path);
  if (info.isDirectory()) return spec({ kind: "imageFolder", path });
  const ext = extname(path.replace(/\.gz$/i, "")).toLowerCase();
  if (ext === ".json") return fromJson(path);
  if (ext === ".npy" || ext === ".npz" || path.includes(".npz:"))
    return spec({ kind: "npy", x: path, ...(opts.labels ? { y: opts.labels } : {}) });
  if (/idx\d-ubyte|\.idx$/i.test(path.replace(/\.gz$/i, ""))) {
    return spec({ kind: "idx", images: path, labels: opts.labels ?? (await siblingLabels(path)) });
  }
  if (ext === ".txt") return spec({ kind: "text", path, format: "lines" });
  return tableOrText(path);
}

/**
 * A CSV whose columns are free text is not a numeric table: one text column and a label make a
 * text-classification set, two text columns (and nothing else) a sentence-pair set. The table
 * probe reads only the head of the file, so this costs little.
 */
async function tableOrText(path: string): Promise<DatasetSpec> {
  const summary = await probeTable(path).catch(() => null);
  const text = summary?.columns.filter((c) => c.type === "text") ?? [];
  const others = summary?.columns.filter((c) => c.type !== "text") ?? [];
  const names = summary?.columns.map((c) => c.name.toLowerCase()) ?? [];
  // "source"/"target" columns are the usual shape of translation data, whatever their types.
  if (names.length === 2 && names.includes("source") && names.includes("target")) {
    const cols = summary?.columns ?? [];
    const col = (n: string) => cols[names.indexOf(n)].name;
    return spec({ kind: "sentencePairs", path, sourceColumn: col("source"), targetColumn: col("target") });
  }
  if (text.length === 2 && others.length === 0) {
    return spec({ kind: "sentencePairs", path, sourceColumn: text[0].name, targetColumn: text[1].name });
  }
  if (text.length === 1 && others.length === 1) {
    return spec({ kind: "text", path, format: "table", textColumn: text[0].name, labelColumn: others[0].name });
  }
  return spec({ kind: "table", path });
}

function spec(source: unknown): DatasetSpec {
  return DatasetSpecSchema.parse({ source });
}

async function fromJson(path: string): Promise<DatasetSpec> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(path, "utf8"));
  } catch (error) {
    throw new DataError("E_DATA_PATH", `not a readable JSON file (${(error as Error).message})`, path);
  }
  for (const schema of [DatasetSpecSchema, DataSourceSchema.transform((source) => ({ source }))]) {
    const r = schema.safeParse(raw);
    if (r.success) return DatasetSpecSchema.parse(r.data);
  }
  const inline = InlineDatasetSchema.safeParse(raw);
  if (inline.success) return spec(inline.data);
  throw new DataError(
    "E_DATA_PATH",
    `expected a dataset spec { "source": ... }, a data source { "kind": ... } or inline samples { "kind": "inline", "x": [...], "y": [...] }; ${inline.error.issues[0]?.message ?? ""}`,
    path,
  );
}

/** train-images-idx3-ubyte(.gz) -> train-labels-idx1-ubyte(.gz), the MNIST naming. */
async function siblingLabels(images: string): Promise<string> {
  const name = basename(images).replace("images", "labels").replace("idx3", "idx1");
  const candidate = join(dirname(images), name);
  if (candidate !== images && (await stat(candidate).catch(() => null))) return candidate;
  throw new DataError(
    "E_DATA_PATH",
    `an IDX images file needs its labels file; none found beside it (looked for ${name}); pass --labels <file>`,
    images,
  );
}
