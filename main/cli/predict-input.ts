import { readdir, readFile, stat } from "node:fs/promises";
import { basename, extname, join, relative } from "node:path";
import { type RawSample, RawSampleSchema } from "../../shared/evaluation/request";
import { isDataError } from "../data/errors";
import { IMAGE_EXTENSIONS } from "../data/image-folder/scan";
import { readNpy } from "../data/npy/load";
import { type ParsedTable, parseTable } from "../data/table/parse";
import { UserError } from "./io";
import { IMAGE_KINDS, type PredictRun, wrongInput } from "./predict-run";

/** The samples of --input, each with the name a line of output starts with, and notes for stderr. */
export interface PredictInput {
  names: string[];
  samples: RawSample[];
  notes: string[];
}

/** A series window longer than this is cut to its last steps (only the last lookback ones are read). */
const MAX_STEPS = 100_000;
type Nested = Extract<RawSample, { kind: "values" }>["x"];
const isImage = (path: string) => (IMAGE_EXTENSIONS as readonly string[]).includes(extname(path).toLowerCase());
const quoted = (names: readonly string[]) => names.map((n) => JSON.stringify(n)).join(", ");

/**
 * Reads --input as the run's training data was read: a CSV by column name (tables, series
 * steps, text), images and folders of them, .npy arrays, a .txt of texts, or a .json array of
 * samples; the legacy headerless numeric CSV for runs on numbers.
 */
export async function readPredictInput(input: string, run: PredictRun): Promise<PredictInput> {
  const info = await stat(input).catch(() => {
    throw new UserError(`${input}: no such file or folder`);
  });
  try {
    if (info.isDirectory()) return await imageFolder(input, run);
    const ext = extname(input).toLowerCase();
    if (isImage(input)) return imageFiles([input], run, `an image (${basename(input)})`, () => basename(input));
    if (ext === ".npy" || ext === ".npz") return npySamples(await readNpy(input), run);
    const text = await readFile(input, "utf8");
    if (ext === ".json") return jsonSamples(text, input, run);
    if (ext === ".txt" && run.kind === "text") return lines(text, (t) => ({ kind: "text", text: t }));
    if (ext === ".csv" || ext === ".tsv" || ext === ".txt") return csvSamples(text, input, run);
    throw wrongInput(run, `a ${ext || "file without extension"} file (${basename(input)})`);
  } catch (error) {
    if (isDataError(error)) throw new UserError(error.message);
    throw error;
  }
}

async function imageFolder(root: string, run: PredictRun): Promise<PredictInput> {
  if (!IMAGE_KINDS.has(run.kind)) throw wrongInput(run, `a folder (${root})`);
  const files: string[] = [];
  const walk = async (dir: string) => {
    const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const e of entries) {
      if (e.name.startsWith(".")) continue;
      if (e.isDirectory()) await walk(join(dir, e.name));
      else if (isImage(e.name)) files.push(join(dir, e.name));
    }
  };
  await walk(root);
  if (files.length === 0) throw new UserError(`${root}: expected images (${IMAGE_EXTENSIONS.join(" ")}); found none`);
  return imageFiles(files, run, "", (f) => relative(root, f));
}

function imageFiles(files: string[], run: PredictRun, what: string, name: (f: string) => string): PredictInput {
  if (!IMAGE_KINDS.has(run.kind) && run.kind !== "npy" && run.kind !== "inline") throw wrongInput(run, what);
  return { names: files.map(name), samples: files.map((path) => ({ kind: "image", path })), notes: [] };
}

function lines(text: string, sample: (line: string) => RawSample): PredictInput {
  const kept = text.split(/\r?\n/).flatMap((l, i) => (l.trim() === "" ? [] : [{ l, n: i + 1 }]));
  return { names: kept.map((k) => `line ${k.n}`), samples: kept.map((k) => sample(k.l)), notes: [] };
}

function csvSamples(text: string, path: string, run: PredictRun): PredictInput {
  if (run.kind === "table" || run.kind === "timeSeries" || run.kind === "text") {
    const t = parseTable(text, path, { delimiter: "auto", header: true });
    if (run.kind === "text")
      return byColumns(path, t, [run.textColumn], run, (row) => ({ kind: "text", text: row[0] }));
    if (run.kind === "table")
      return byColumns(path, t, run.columns, run, (row) => ({
        kind: "table",
        row: Object.fromEntries(run.columns.map((c, i) => [c, row[i]])),
      }));
    const steps = t.rows.slice(-MAX_STEPS).map((r) => Object.fromEntries(t.names.map((n, c) => [n, r[c]])));
    const read = byColumns(path, t, run.columns, run, () => ({ kind: "series", steps }));
    const last = t.rowNumbers[t.rowNumbers.length - 1];
    return { names: [`after row ${last}`], samples: [{ kind: "series", steps }], notes: read.notes };
  }
  // Runs on numbers: one sample per line, numbers separated by commas, fed as given.
  return lines(text, (line) => {
    const cells = line.split(",").map((c) => Number(c.trim()));
    if (cells.some((c) => !Number.isFinite(c)))
      throw new UserError(`${path}: expected numbers separated by commas on every line; received "${line}"`);
    return { kind: "values", x: cells };
  });
}

/** CSV rows by the run's column names (any order): a missing column is an error, extra ones a note. */
function byColumns(
  path: string,
  t: ParsedTable,
  want: string[],
  run: PredictRun,
  sample: (cells: string[]) => RawSample,
) {
  const missing = want.filter((c) => !t.names.includes(c));
  if (missing.length > 0)
    throw new UserError(
      `${path}: expected the run's column(s) ${quoted(want)} by name; the file lacks ${quoted(missing)} (its header: ${quoted(t.names)})`,
    );
  const extra = t.names.filter((n) => !want.includes(n));
  const label = (n: string) => (n === run.label && run.kind === "table" ? `${n} (the label)` : n);
  const notes = extra.length > 0 ? [`ignored column(s) the run does not use: ${extra.map(label).join(", ")}`] : [];
  const at = want.map((c) => t.names.indexOf(c));
  return {
    names: Array.from(t.rowNumbers, (n) => `row ${n}`),
    samples: t.rows.map((r) => sample(at.map((c) => r[c] ?? ""))),
    notes,
  };
}

function npySamples(a: { shape: number[]; data: ArrayLike<number>; where: string }, run: PredictRun): PredictInput {
  if (run.kind === "table" || run.kind === "text") throw wrongInput(run, `a .npy array (${a.where})`);
  const values = Array.from(a.data);
  if (run.kind === "timeSeries") {
    const f = a.shape.length === 2 ? a.shape[1] : 1;
    const steps = Array.from({ length: a.shape[0] }, (_, t) => values.slice(t * f, t * f + f)).slice(-MAX_STEPS);
    return { names: [`after step ${a.shape[0]}`], samples: [{ kind: "series", steps }], notes: [] };
  }
  const [n, ...shape] = a.shape;
  const size = shape.reduce((x, y) => x * y, 1);
  const one = (i: number) => values.slice(i * size, (i + 1) * size);
  const samples: RawSample[] = Array.from({ length: n }, (_, i) =>
    IMAGE_KINDS.has(run.kind) ? { kind: "pixels", shape, pixels: one(i) } : { kind: "values", x: nest(one(i), shape) },
  );
  return { names: samples.map((_, i) => `sample ${i + 1}`), samples, notes: [] };
}

/** Flat row-major values as nested arrays of the given shape. */
function nest(flat: number[], shape: number[]): Nested {
  if (shape.length === 0) return flat[0];
  const [d, ...rest] = shape;
  const size = rest.reduce((x, y) => x * y, 1);
  return Array.from({ length: d }, (_, i) => nest(flat.slice(i * size, (i + 1) * size), rest));
}

/** A JSON array of samples: numbers (values), row objects (table rows, series steps), texts, or try-it samples. */
function jsonSamples(text: string, path: string, run: PredictRun): PredictInput {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new UserError(`${path}: not valid JSON (${(error as Error).message})`);
  }
  const items = Array.isArray(raw) ? raw : (raw as { x?: unknown })?.x;
  if (!Array.isArray(items) || items.length === 0)
    throw new UserError(`${path}: expected a non-empty array of samples (or { "x": [...] })`);
  const flatStep = (v: unknown) => !!v && typeof v === "object" && !("kind" in v) && !Array.isArray((v as never)[0]);
  if (run.kind === "timeSeries" && items.every(flatStep)) {
    const steps = RawSampleSchema.parse({ kind: "series", steps: items.slice(-MAX_STEPS) });
    return { names: [`after step ${items.length}`], samples: [steps], notes: [] };
  }
  const samples = items.map((item, i): RawSample => {
    const where = `${path}: sample ${i + 1}`;
    let sample: unknown = item;
    if (typeof item === "string") sample = { kind: "text", text: item };
    else if (typeof item === "number" || Array.isArray(item)) sample = { kind: "values", x: item };
    else if (item && typeof item === "object" && !("kind" in item))
      sample = "text" in item ? { kind: "text", text: item.text } : { kind: "table", row: item };
    const parsed = RawSampleSchema.safeParse(sample);
    if (!parsed.success)
      throw new UserError(
        `${where}: expected numbers, a row object, a text or a try-it sample ({ "kind": ... }); received ${JSON.stringify(item).slice(0, 80)}`,
      );
    return parsed.data;
  });
  return { names: samples.map((_, i) => `sample ${i + 1}`), samples, notes: [] };
}
