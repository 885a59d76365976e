import { open } from "node:fs/promises";
import Papa from "papaparse";
import type { DataWarning } from "../../../shared/datasets/summary";
import { DataError } from "../errors";
import { isMissing, parseBoolean, parseDate, parseNumber, parseUnitNumber } from "./cells";

/** The text of a table file, or of its head when the file is larger than `maxBytes`. */
export interface TableText {
  text: string;
  /** True when only the head was read; the last (possibly cut) line is already removed. */
  truncated: boolean;
  fileSize: number;
  /** Bytes of the file that `text` covers. */
  bytes: number;
}

const BINARY_SIGNATURES: [string, number[]][] = [
  ["gzip", [0x1f, 0x8b]],
  ["zip (xlsx, npz, ...)", [0x50, 0x4b, 0x03, 0x04]],
  ["PNG", [0x89, 0x50, 0x4e, 0x47]],
  ["JPEG", [0xff, 0xd8, 0xff]],
  ["NumPy .npy", [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]],
  ["PDF", [0x25, 0x50, 0x44, 0x46]],
];

/** Reads a table file read-only, whole or its first `maxBytes`, and decodes it as text. */
export async function readTableText(path: string, maxBytes = Number.POSITIVE_INFINITY): Promise<TableText> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(path, "r");
  } catch (error) {
    throw new DataError("E_DATA_READ", `cannot open the table: ${(error as Error).message}`, path);
  }
  try {
    const fileSize = (await handle.stat()).size;
    const want = Math.min(fileSize, maxBytes);
    const buffer = Buffer.alloc(want);
    let got = 0;
    while (got < want) {
      const { bytesRead } = await handle.read(buffer, got, want - got, got);
      if (bytesRead === 0) break;
      got += bytesRead;
    }
    let bytes = buffer.subarray(0, got);
    const truncated = got < fileSize;
    checkNotBinary(bytes, path);
    if (truncated) {
      // Cut at the last line break so no row is half read (and no UTF-8 sequence is split).
      const lastBreak = bytes.lastIndexOf(0x0a);
      if (lastBreak > 0) bytes = bytes.subarray(0, lastBreak + 1);
    }
    return { text: decode(bytes, path), truncated, fileSize, bytes: bytes.length };
  } finally {
    await handle.close();
  }
}

function checkNotBinary(bytes: Uint8Array, path: string): void {
  for (const [name, magic] of BINARY_SIGNATURES) {
    if (magic.every((b, i) => bytes[i] === b)) {
      throw new DataError("E_TABLE_BINARY", `expected delimited text, received a ${name} file`, path);
    }
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return; // UTF-16 LE text has NUL bytes; decode() handles it
  const head = bytes.subarray(0, 8192);
  let control = 0;
  for (const b of head) {
    if (b === 0) {
      throw new DataError("E_TABLE_BINARY", "expected delimited text, received binary data (NUL bytes)", path);
    }
    // Tab, LF, CR and the ASCII record/unit separators (0x1e, 0x1f) are legitimate in tables.
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x1e && b !== 0x1f) control++;
  }
  if (head.length > 0 && control / head.length > 0.1) {
    throw new DataError("E_TABLE_BINARY", "expected delimited text, received binary data (control bytes)", path);
  }
}

function decode(bytes: Uint8Array, path: string): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  try {
    // fatal: a file that is not UTF-8 is reported rather than silently filled with U+FFFD.
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new DataError("E_TABLE_BINARY", "expected UTF-8 (or UTF-16 with a BOM) text; save the file as UTF-8", path);
  }
}

export interface ParsedTable {
  names: string[];
  rows: string[][];
  /** 1-based record number of each row in the file, the header (if any) being record 1. */
  rowNumbers: Int32Array;
  delimiter: string;
  hasHeader: boolean;
  /** Bytes of the header line, for row-count estimates. */
  headerBytes: number;
  /** Characters of the text parsed when `maxRows` stopped the parser early; null when all was parsed. */
  stoppedAt: number | null;
  warnings: DataWarning[];
}

export interface ParseOptions {
  delimiter: string;
  header: boolean | "auto";
  /** The text is the head of a larger file: the last record may be cut and is dropped. */
  truncated?: boolean;
  /** Parse at most this many data rows (probing); `ParsedTable.stoppedAt` then tells where. */
  maxRows?: number;
}

/** At most this many row numbers are listed in a message; the count is always complete. */
const LIST = 10;

export function parseTable(text: string, path: string, opts: ParseOptions): ParsedTable {
  if (text.replace(/^\ufeff/, "").trim() === "") throw new DataError("E_TABLE_EMPTY", "the file holds no rows", path);
  // papaparse strips the BOM, handles quotes, CRLF/CR/LF, and sniffs the delimiter when given "".
  const result = Papa.parse<string[]>(text, {
    delimiter: opts.delimiter === "auto" ? "" : opts.delimiter,
    header: false,
    dynamicTyping: false,
    skipEmptyLines: "greedy",
    // One more record than asked for, in case the first one is a header.
    ...(opts.maxRows ? { preview: opts.maxRows + 1 } : {}),
  });
  const stoppedAt = result.meta.truncated ? result.meta.cursor : null;
  const warnings: DataWarning[] = [];
  let records = result.data;
  if (opts.truncated && stoppedAt === null && records.length > 1) records = records.slice(0, -1);
  const quoteErrors = result.errors.filter((e) => e.type === "Quotes" && (e.row ?? 0) < records.length);
  if (quoteErrors.length > 0) {
    warnings.push({
      code: "W_TABLE_QUOTES",
      message: `${quoteErrors.length} quote error(s): ${quoteErrors[0].message}; the field may have swallowed the following lines`,
      where: `${path}, row ${(quoteErrors[0].row ?? 0) + 1}`,
    });
  }
  const delimiter = result.meta.delimiter;
  const hasHeader = opts.header === "auto" ? looksLikeHeader(records) : opts.header;
  const width = hasHeader ? records[0].length : modalWidth(records);
  const names = hasHeader
    ? headerNames(records[0], warnings, path)
    : Array.from({ length: width }, (_, i) => `column${i + 1}`);
  const headerBytes = hasHeader ? Buffer.byteLength(text.slice(0, text.search(/\r?\n|\r|$/))) + 1 : 0;
  const start = hasHeader ? 1 : 0;
  if (records.length <= start) {
    throw new DataError("E_TABLE_HEADER_ONLY", `expected data rows below the header, received none`, path);
  }
  const rows: string[][] = [];
  const rowNumbers: number[] = [];
  const ragged: number[] = [];
  const raggedWidths = new Map<number, number>();
  for (let r = start; r < records.length; r++) {
    let row = records[r];
    // A trailing delimiter on data lines (but not the header) only adds empty fields: trim them.
    if (row.length > width && row.slice(width).every((c) => c.trim() === "")) row = row.slice(0, width);
    if (row.length !== width) {
      ragged.push(r + 1);
      raggedWidths.set(row.length, (raggedWidths.get(row.length) ?? 0) + 1);
      continue;
    }
    rows.push(row);
    rowNumbers.push(r + 1);
  }
  if (ragged.length > 0) {
    const detail = `expected ${width} fields per row${hasHeader ? " (as in the header)" : ""}, received ${[...raggedWidths.keys()].join(" or ")} in row(s) ${ragged.slice(0, LIST).join(", ")}${ragged.length > LIST ? ", ..." : ""}`;
    if (ragged.length > rows.length) {
      throw new DataError(
        "E_TABLE_RAGGED",
        `${ragged.length} of ${ragged.length + rows.length} rows are ragged: ${detail}; check the delimiter and the header`,
        path,
      );
    }
    warnings.push({
      code: "W_TABLE_RAGGED_ROWS",
      message: `skipped ${ragged.length} ragged row(s): ${detail}`,
      where: path,
    });
  }
  if (width === 1) {
    const firstLine = text.replace(/^\ufeff/, "").split(/\r?\n|\r/, 1)[0];
    const other = [",", "\t", ";", "|"].find((d) => d !== delimiter && firstLine.includes(d));
    if (other) {
      warnings.push({
        code: "W_TABLE_ONE_COLUMN",
        message: `one column detected with delimiter ${JSON.stringify(delimiter)}, but the first line contains ${JSON.stringify(other)}: set the delimiter to ${JSON.stringify(other)}?`,
        where: path,
      });
    }
  }
  return {
    names,
    rows,
    rowNumbers: Int32Array.from(rowNumbers),
    delimiter,
    hasHeader,
    headerBytes,
    stoppedAt,
    warnings,
  };
}

function modalWidth(records: string[][]): number {
  const counts = new Map<number, number>();
  for (const r of records.slice(0, 1000)) counts.set(r.length, (counts.get(r.length) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0][0];
}

const isTyped = (c: string) =>
  !Number.isNaN(parseNumber(c)) ||
  parseUnitNumber(c) !== null ||
  !Number.isNaN(parseBoolean(c)) ||
  !Number.isNaN(parseDate(c));

/**
 * The first row is a header when all its cells are non-empty, untyped words and either some column
 * below holds typed values (numbers, booleans, dates) or none of its words occurs in its column
 * below (after Python's csv.Sniffer.has_header, which votes on type and length differences).
 */
export function looksLikeHeader(records: string[][]): boolean {
  const first = records[0];
  if (first.some((c) => isMissing(c) || isTyped(c))) return false;
  const body = records.slice(1, 201);
  if (body.length === 0) return true; // one untyped row: only a header makes sense
  for (let c = 0; c < first.length; c++) {
    const cells = body.map((r) => r[c]).filter((v) => v !== undefined && !isMissing(v));
    if (cells.length > 0 && cells.filter(isTyped).length >= 0.9 * cells.length) return true;
  }
  return first.every((name, c) => !body.some((r) => r[c]?.trim() === name.trim()));
}

function headerNames(cells: string[], warnings: DataWarning[], path: string): string[] {
  const seen = new Map<string, number>();
  const renamed: string[] = [];
  const names = cells.map((cell, i) => {
    let name = cell.trim() || `column${i + 1}`;
    const n = seen.get(name) ?? 0;
    seen.set(name, n + 1);
    if (n > 0 || !cell.trim()) {
      if (n > 0) name = `${name}_${n + 1}`;
      renamed.push(`${JSON.stringify(cell)} -> ${name}`);
    }
    return name;
  });
  if (renamed.length > 0) {
    warnings.push({
      code: "W_TABLE_HEADER_NAMES",
      message: `empty or duplicate header names renamed: ${renamed.join(", ")}`,
      where: path,
    });
  }
  return names;
}
