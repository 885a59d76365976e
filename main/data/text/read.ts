import type { SentencePairsSourceInput } from "../../../shared/datasets/sources/sentence-pairs";
import { SentencePairsSourceSchema } from "../../../shared/datasets/sources/sentence-pairs";
import { type TextSource, type TextSourceInput, TextSourceSchema } from "../../../shared/datasets/sources/text";
import type { DataWarning } from "../../../shared/datasets/summary";
import { DataError } from "../errors";
import { parseTable, readTableText } from "../table/parse";
import { classIds, tokenize } from "./tokenizer";

/** At most this many line numbers are listed in a message; counts are always complete. */
const LIST = 10;

export interface TextExamples {
  path: string;
  texts: string[];
  tokens: string[][];
  labels: Int32Array;
  classNames: string[];
  /** 1-based line (lines format) or record (table format) of each example. */
  lineNumbers: number[];
  /** Only the head of a large file was read (probing). */
  truncated: boolean;
  fileSize: number;
  bytes: number;
  warnings: DataWarning[];
}

/** Reads labelled text (see TextSourceSchema for the two formats), read-only, whole or its head. */
export async function readText(input: TextSourceInput, maxBytes?: number): Promise<TextExamples> {
  const source = TextSourceSchema.parse(input);
  const file = await readTableText(source.path, maxBytes);
  const warnings: DataWarning[] = [];
  const { texts, labels, lineNumbers } =
    source.format === "lines" ? fromLines(file.text, source.path, warnings) : fromTable(file, source, warnings);
  if (texts.length === 0)
    throw new DataError("E_TEXT_EMPTY", "expected at least one example, received none", source.path);
  const { ids, names } = classIds(labels);
  return {
    path: source.path,
    texts,
    tokens: texts.map((t) => tokenize(t, source.tokenizer)),
    labels: ids,
    classNames: names,
    lineNumbers,
    truncated: file.truncated,
    fileSize: file.fileSize,
    bytes: file.bytes,
    warnings,
  };
}

function fromLines(text: string, path: string, warnings: DataWarning[]) {
  const texts: string[] = [];
  const labels: string[] = [];
  const lineNumbers: number[] = [];
  const blank: number[] = [];
  const unlabelled: number[] = [];
  const lines = text.split(/\r\n|\n|\r/);
  if (lines.at(-1) === "") lines.pop(); // the final newline ends the last line; it starts none
  lines.forEach((line, i) => {
    const tab = line.indexOf("\t");
    const label = tab >= 0 ? line.slice(0, tab).trim() : "";
    const body = tab >= 0 ? line.slice(tab + 1).trim() : line.trim();
    if (body === "" && label === "") blank.push(i + 1);
    else if (label === "" || body === "") unlabelled.push(i + 1);
    else {
      texts.push(body);
      labels.push(label);
      lineNumbers.push(i + 1);
    }
  });
  if (texts.length === 0 && unlabelled.length > 0) {
    throw new DataError(
      "E_TEXT_NO_LABELS",
      `expected lines written label<TAB>text; none of the ${unlabelled.length} non-blank line(s) has a label before a tab and text after it (line ${unlabelled[0]}: ${JSON.stringify(lines[unlabelled[0] - 1].slice(0, 60))})`,
      path,
    );
  }
  skipped(warnings, path, "W_TEXT_BLANK_LINES", "blank line(s)", blank, "line");
  skipped(warnings, path, "W_TEXT_UNLABELLED", "line(s) without label<TAB>text", unlabelled, "line");
  return { texts, labels, lineNumbers };
}

function fromTable(file: { text: string; truncated: boolean }, source: TextSource, warnings: DataWarning[]) {
  const table = parseTable(file.text, source.path, { delimiter: "auto", header: true, truncated: file.truncated });
  warnings.push(...table.warnings);
  const textCol = column(table.names, source.textColumn, "text", 0, source.path, "textColumn");
  const labelCol = column(table.names, source.labelColumn, "label", table.names.length - 1, source.path, "labelColumn");
  if (textCol === labelCol) {
    throw new DataError(
      "E_TEXT_COLUMN",
      `expected different text and label columns; both are "${table.names[textCol]}" (columns: ${table.names.join(", ")})`,
      source.path,
    );
  }
  const texts: string[] = [];
  const labels: string[] = [];
  const lineNumbers: number[] = [];
  const empty: number[] = [];
  table.rows.forEach((row, r) => {
    const text = row[textCol].trim();
    const label = row[labelCol].trim();
    if (text === "" || label === "") empty.push(table.rowNumbers[r]);
    else {
      texts.push(text);
      labels.push(label);
      lineNumbers.push(table.rowNumbers[r]);
    }
  });
  skipped(warnings, source.path, "W_TEXT_EMPTY_CELLS", "row(s) with an empty text or label", empty, "row");
  return { texts, labels, lineNumbers };
}

/**
 * The index of a named column, or of the conventional name when present, else `fallback`.
 * Shared with sentence pairs (source/target columns).
 */
export function column(
  names: string[],
  wanted: string | undefined,
  conventional: string,
  fallback: number,
  path: string,
  option: string,
): number {
  if (wanted !== undefined) {
    const i = names.indexOf(wanted);
    if (i < 0) {
      throw new DataError(
        "E_TEXT_COLUMN",
        `${option} "${wanted}" is not a column; the header has: ${names.join(", ")}`,
        path,
      );
    }
    return i;
  }
  const i = names.findIndex((n) => n.toLowerCase() === conventional);
  if (i >= 0) return i;
  if (fallback < 0 || fallback >= names.length) {
    throw new DataError(
      "E_TEXT_COLUMN",
      `expected a "${conventional}" column or at least ${fallback + 1} columns; the header has: ${names.join(", ")}`,
      path,
    );
  }
  return fallback;
}

function skipped(warnings: DataWarning[], path: string, code: string, what: string, at: number[], unit: string) {
  if (at.length === 0) return;
  warnings.push({
    code,
    message: `skipped ${at.length} ${what}: ${unit} ${at.slice(0, LIST).join(", ")}${at.length > LIST ? ", ..." : ""}`,
    where: path,
  });
}

export interface SentencePairs {
  path: string;
  source: string[][];
  target: string[][];
  /** Raw text, for the preview. */
  pairs: [string, string][];
  truncated: boolean;
  fileSize: number;
  bytes: number;
  warnings: DataWarning[];
}

/** Reads a delimited file of sentence pairs (header row), read-only, whole or its head. */
export async function readSentencePairs(input: SentencePairsSourceInput, maxBytes?: number): Promise<SentencePairs> {
  const spec = SentencePairsSourceSchema.parse(input);
  const file = await readTableText(spec.path, maxBytes);
  const table = parseTable(file.text, spec.path, { delimiter: "auto", header: true, truncated: file.truncated });
  const warnings = [...table.warnings];
  const s = column(table.names, spec.sourceColumn, "source", 0, spec.path, "sourceColumn");
  const t = column(table.names, spec.targetColumn, "target", 1, spec.path, "targetColumn");
  if (s === t) {
    throw new DataError(
      "E_TEXT_COLUMN",
      `expected different source and target columns; both are "${table.names[s]}"`,
      spec.path,
    );
  }
  const pairs: [string, string][] = [];
  const empty: number[] = [];
  table.rows.forEach((row, r) => {
    const [a, b] = [row[s].trim(), row[t].trim()];
    if (a === "" || b === "") empty.push(table.rowNumbers[r]);
    else pairs.push([a, b]);
  });
  skipped(warnings, spec.path, "W_TEXT_EMPTY_CELLS", "row(s) with an empty source or target", empty, "row");
  if (pairs.length === 0)
    throw new DataError("E_TEXT_EMPTY", "expected at least one sentence pair, received none", spec.path);
  return {
    path: spec.path,
    source: pairs.map(([a]) => tokenize(a, spec.tokenizer)),
    target: pairs.map(([, b]) => tokenize(b, spec.tokenizer)),
    pairs,
    truncated: file.truncated,
    fileSize: file.fileSize,
    bytes: file.bytes,
    warnings,
  };
}
