import { DataError } from "../errors";
import { readMaybeGzip } from "./gzip";

/**
 * IDX, the format of MNIST and Fashion-MNIST (http://yann.lecun.com/exdb/mnist/, "THE IDX FILE
 * FORMAT"): a 4-byte magic number (two zero bytes, a type code, the number of dimensions), one
 * big-endian uint32 per dimension, then the data in C order. Images are type 0x08 (uint8) with 3
 * dimensions (magic 0x00000803); labels are uint8 with 1 dimension (magic 0x00000801).
 */
export const IDX_IMAGES_MAGIC = 0x00000803;
export const IDX_LABELS_MAGIC = 0x00000801;

export interface IdxArray {
  magic: number;
  dims: number[];
  /** The uint8 payload (a view into the file's bytes, no copy). */
  data: Uint8Array;
}

const hex = (v: number) => `0x${v.toString(16).padStart(8, "0")}`;

export interface IdxHeader {
  magic: number;
  dims: number[];
  headerLength: number;
  /** Header plus payload bytes the dims call for. */
  expectedLength: number;
}

/** Parses an IDX header (from the whole file or just its first bytes) and checks the magic number. */
export function parseIdxHeader(head: Uint8Array, expectedMagic: number, file: string): IdxHeader {
  const what = expectedMagic === IDX_IMAGES_MAGIC ? "an IDX images file" : "an IDX labels file";
  if (head.length < 4) {
    throw new DataError(
      "E_IDX_SIZE",
      `expected ${what} with at least a 4-byte header; received ${head.length} bytes (truncated)`,
      file,
    );
  }
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  const magic = view.getUint32(0, false);
  if (magic !== expectedMagic) {
    const swapped =
      view.getUint32(0, true) === expectedMagic ? " (its bytes are in little-endian order; IDX is big-endian)" : "";
    const other =
      magic === IDX_IMAGES_MAGIC
        ? " (that is an images file)"
        : magic === IDX_LABELS_MAGIC
          ? " (that is a labels file)"
          : "";
    throw new DataError(
      "E_IDX_MAGIC",
      `expected ${what} with magic number ${hex(expectedMagic)}; received ${hex(magic)}${other}${swapped}`,
      file,
    );
  }
  const ndims = magic & 0xff;
  const headerLength = 4 + 4 * ndims;
  if (head.length < headerLength) {
    throw new DataError(
      "E_IDX_SIZE",
      `expected a ${headerLength}-byte header; received ${head.length} bytes (truncated)`,
      file,
    );
  }
  const dims = Array.from({ length: ndims }, (_, i) => view.getUint32(4 + 4 * i, false));
  return { magic, dims, headerLength, expectedLength: headerLength + dims.reduce((a, b) => a * b, 1) };
}

/** The header's dims against the content's byte length: short means truncated. */
export function checkIdxLength(header: IdxHeader, length: number, file: string): void {
  const expected = header.expectedLength;
  if (length === expected) return;
  const why = length < expected ? "truncated" : `${length - expected} trailing bytes`;
  throw new DataError(
    "E_IDX_SIZE",
    `the header declares dimensions [${header.dims.join(", ")}], which take ${expected} bytes; received ${length} bytes (${why})`,
    file,
  );
}

/** Parses and checks one whole IDX buffer: magic number, then header dims against the byte length. */
export function parseIdx(buf: Uint8Array, expectedMagic: number, file: string): IdxArray {
  const header = parseIdxHeader(buf, expectedMagic, file);
  checkIdxLength(header, buf.length, file);
  return { magic: header.magic, dims: header.dims, data: buf.subarray(header.headerLength) };
}

export interface IdxDataset {
  /** Pixels: raw 0..255 (Uint8Array) or divided by 255 (Float32Array), [n, rows, cols, 1] channels last. */
  x: Uint8Array | Float32Array;
  xShape: [number, number, number, 1];
  /** One class id per image. */
  y: Uint8Array;
  n: number;
  /** Number of classes: classNames.length when given, otherwise the largest label + 1. */
  numClasses: number;
  counts: number[];
  classNames?: string[];
}

export interface IdxLoadOptions {
  images: string;
  labels: string;
  scale?: "unit" | "none";
  classNames?: string[];
}

/** Loads an images + labels pair, checking both files and that they agree. */
export async function loadIdx(options: IdxLoadOptions): Promise<IdxDataset> {
  const [imagesBuf, labelsBuf] = await Promise.all([readMaybeGzip(options.images), readMaybeGzip(options.labels)]);
  const images = parseIdx(imagesBuf, IDX_IMAGES_MAGIC, options.images);
  const labels = parseIdx(labelsBuf, IDX_LABELS_MAGIC, options.labels);
  const [n, rows, cols] = images.dims;
  const { counts, numClasses } = checkLabels(labels, n, options);
  const x = options.scale === "none" ? images.data : toUnitFloat32(images.data);
  return { x, xShape: [n, rows, cols, 1], y: labels.data, n, numClasses, counts, classNames: options.classNames };
}

/** Count agreement and label range; returns per-class counts. */
export function checkLabels(
  labels: IdxArray,
  n: number,
  options: Pick<IdxLoadOptions, "images" | "labels" | "classNames">,
): { counts: number[]; numClasses: number } {
  const m = labels.dims[0];
  if (m !== n) {
    throw new DataError(
      "E_IDX_COUNT_MISMATCH",
      `expected one label per image: ${options.images} holds ${n} images; received ${m} labels`,
      options.labels,
    );
  }
  const hist = new Array<number>(256).fill(0);
  for (let i = 0; i < m; i++) hist[labels.data[i]]++;
  let max = -1;
  for (let v = 255; v >= 0; v--) {
    if (hist[v] > 0) {
      max = v;
      break;
    }
  }
  const names = options.classNames;
  if (names && max >= names.length) {
    const at = labels.data.findIndex((v) => v >= names.length);
    throw new DataError(
      "E_IDX_LABEL_RANGE",
      `expected labels 0..${names.length - 1} (${names.length} class names); received ${labels.data[at]} at label ${at}`,
      options.labels,
    );
  }
  const numClasses = names ? names.length : max + 1;
  return { counts: hist.slice(0, numClasses), numClasses };
}

/** uint8 pixels -> float32 in [0, 1]. A multiply by a reciprocal table is what keeps 47 M pixels fast. */
export function toUnitFloat32(data: Uint8Array): Float32Array {
  const table = new Float32Array(256);
  for (let v = 0; v < 256; v++) table[v] = v / 255;
  const out = new Float32Array(data.length);
  for (let i = 0; i < data.length; i++) out[i] = table[data[i]];
  return out;
}
