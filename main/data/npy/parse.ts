import { DataError } from "../errors";

/**
 * The .npy format (https://numpy.org/doc/stable/reference/generated/numpy.lib.format.html):
 * "\x93NUMPY", major and minor version bytes, the header length (uint16 LE for 1.0, uint32 LE for
 * 2.0 and 3.0), then a Python dict literal {'descr': '<f4', 'fortran_order': False, 'shape': (3, 4), }
 * (latin-1, or UTF-8 in 3.0), padded so the data starts aligned, then the raw data.
 */
export type NpyData = Float32Array | Int32Array | Uint8Array;

export interface NpyArray {
  /** The file's dtype as written, e.g. "<f8", "|u1". */
  descr: string;
  shape: number[];
  /** Floats -> Float32Array; u1 and b1 -> Uint8Array; other integers -> Int32Array (range-checked). */
  data: NpyData;
}

export interface NpyHeader {
  descr: string;
  fortranOrder: boolean;
  shape: number[];
  dataOffset: number;
}

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // \x93NUMPY

/** What each supported kind+size decodes to; anything else (complex, object, strings, datetimes, structured) is E_NPY_DTYPE. */
const SUPPORTED: Record<string, { size: number; read: "f" | "i" | "u" | "b" }> = {
  f2: { size: 2, read: "f" },
  f4: { size: 4, read: "f" },
  f8: { size: 8, read: "f" },
  i1: { size: 1, read: "i" },
  i2: { size: 2, read: "i" },
  i4: { size: 4, read: "i" },
  i8: { size: 8, read: "i" },
  u1: { size: 1, read: "u" },
  u2: { size: 2, read: "u" },
  u4: { size: 4, read: "u" },
  u8: { size: 8, read: "u" },
  b1: { size: 1, read: "b" },
};
const SUPPORTED_LIST = "float16/32/64 (f2 f4 f8), int8..int64 (i1 i2 i4 i8), uint8..uint64 (u1 u2 u4 u8), bool (b1)";

export function isNpy(buf: Uint8Array): boolean {
  return MAGIC.every((b, i) => buf[i] === b);
}

/** Parses the header; `buf` may be only the file's first bytes (a probe reads 64 KiB at most). */
export function parseNpyHeader(buf: Uint8Array, file: string): NpyHeader {
  if (!isNpy(buf)) {
    const got = Array.from(buf.subarray(0, 6), (b) => b.toString(16).padStart(2, "0")).join(" ");
    throw new DataError(
      "E_NPY_MAGIC",
      `expected a .npy file starting with 93 4e 55 4d 50 59 ("\\x93NUMPY"); received ${got || "an empty file"}`,
      file,
    );
  }
  const major = buf[6];
  if (major < 1 || major > 3 || buf.length < 10) {
    throw new DataError(
      "E_NPY_HEADER",
      `expected .npy format version 1.0, 2.0 or 3.0; received ${major}.${buf[7]}`,
      file,
    );
  }
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const headerLength = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
  const start = major === 1 ? 10 : 12;
  if (buf.length < start + headerLength) {
    throw new DataError(
      "E_NPY_HEADER",
      `the header declares ${headerLength} bytes; received ${buf.length - start} (truncated)`,
      file,
    );
  }
  const text = new TextDecoder(major === 3 ? "utf-8" : "latin1").decode(buf.subarray(start, start + headerLength));
  const descr = /'descr'\s*:\s*'([^']*)'/.exec(text)?.[1];
  const order = /'fortran_order'\s*:\s*(True|False)/.exec(text)?.[1];
  const shapeText = /'shape'\s*:\s*\(([^)]*)\)/.exec(text)?.[1];
  if (descr === undefined) {
    const structured = /'descr'\s*:\s*\[/.test(text);
    if (structured)
      throw new DataError(
        "E_NPY_DTYPE",
        `expected a plain numeric dtype (${SUPPORTED_LIST}); received a structured dtype`,
        file,
      );
    throw new DataError(
      "E_NPY_HEADER",
      `expected a 'descr' entry in the header; received ${JSON.stringify(text.trim())}`,
      file,
    );
  }
  if (order === undefined || shapeText === undefined) {
    throw new DataError(
      "E_NPY_HEADER",
      `expected 'fortran_order' and 'shape' (a tuple) in the header; received ${JSON.stringify(text.trim())}`,
      file,
    );
  }
  const parts = shapeText
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");
  const shape = parts.map((s) => (/^\d+L?$/.test(s) ? Number.parseInt(s, 10) : Number.NaN));
  if (shape.some((d) => !Number.isSafeInteger(d))) {
    throw new DataError("E_NPY_HEADER", `expected a shape of non-negative integers; received (${shapeText})`, file);
  }
  return { descr, fortranOrder: order === "True", shape, dataOffset: start + headerLength };
}

/** The dtype's decoder, or E_NPY_DTYPE naming the dtype. */
export function dtypeOf(descr: string, file: string): { size: number; read: "f" | "i" | "u" | "b"; little: boolean } {
  const m = /^([<>|=])([a-zA-Z])(\d*)$/.exec(descr);
  const spec = m ? SUPPORTED[`${m[2]}${m[3]}`] : undefined;
  if (!m || !spec) {
    const kind = m?.[2];
    const name =
      kind === "c"
        ? "complex"
        : kind === "O"
          ? "object (pickled Python objects)"
          : kind === "U" || kind === "S"
            ? "string"
            : kind === "M" || kind === "m"
              ? "datetime"
              : "unsupported";
    throw new DataError(
      "E_NPY_DTYPE",
      `expected a numeric dtype (${SUPPORTED_LIST}); received '${descr}' (${name})`,
      file,
    );
  }
  // "=" is native order; every platform Node runs on here is little-endian.
  return { ...spec, little: m[1] !== ">" };
}

/** Parses a whole .npy buffer: header, dtype, size, data (converted to C order when Fortran). */
export function parseNpy(buf: Uint8Array, file: string): NpyArray {
  const header = parseNpyHeader(buf, file);
  const dtype = dtypeOf(header.descr, file);
  const count = header.shape.reduce((a, b) => a * b, 1);
  const expected = header.dataOffset + count * dtype.size;
  if (buf.length !== expected) {
    const why = buf.length < expected ? "truncated" : `${buf.length - expected} trailing bytes`;
    throw new DataError(
      "E_NPY_SIZE",
      `shape (${header.shape.join(", ")}) of '${header.descr}' takes ${expected} bytes; received ${buf.length} (${why})`,
      file,
    );
  }
  let data = decode(buf, header.dataOffset, count, dtype, header.descr, file);
  if (header.fortranOrder && header.shape.length > 1) data = fortranToC(data, header.shape);
  return { descr: header.descr, shape: header.shape, data };
}

function decode(
  buf: Uint8Array,
  offset: number,
  count: number,
  dtype: ReturnType<typeof dtypeOf>,
  descr: string,
  file: string,
): NpyData {
  const view = new DataView(buf.buffer, buf.byteOffset + offset, count * dtype.size);
  const { size, read, little } = dtype;
  if (read === "b" || (read === "u" && size === 1)) return new Uint8Array(buf.subarray(offset, offset + count)); // a copy, as a plain Uint8Array (not a Buffer view)
  if (read === "f") {
    // Little-endian float32 is the common case: one aligned copy instead of a per-element read.
    if (size === 4 && little)
      return new Float32Array(buf.buffer.slice(buf.byteOffset + offset, buf.byteOffset + offset + 4 * count));
    const out = new Float32Array(count);
    if (size === 4) for (let i = 0; i < count; i++) out[i] = view.getFloat32(4 * i, little);
    else if (size === 8) for (let i = 0; i < count; i++) out[i] = view.getFloat64(8 * i, little);
    else for (let i = 0; i < count; i++) out[i] = half(view.getUint16(2 * i, little));
    return out;
  }
  const out = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const p = i * size;
    let v: number;
    if (size === 1) v = view.getInt8(p);
    else if (size === 2) v = read === "i" ? view.getInt16(p, little) : view.getUint16(p, little);
    else if (size === 4) v = read === "i" ? view.getInt32(p, little) : view.getUint32(p, little);
    else v = Number(read === "i" ? view.getBigInt64(p, little) : view.getBigUint64(p, little));
    if (v > 2147483647 || v < -2147483648) {
      throw new DataError(
        "E_NPY_RANGE",
        `expected '${descr}' values that fit int32; received ${v} at flat index ${i}`,
        file,
      );
    }
    out[i] = v;
  }
  return out;
}

/** IEEE 754 binary16 -> number. */
function half(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exp = (h >> 10) & 0x1f;
  const frac = h & 0x3ff;
  if (exp === 0) return sign * 2 ** -14 * (frac / 1024);
  if (exp === 31) return frac ? Number.NaN : sign * Number.POSITIVE_INFINITY;
  return sign * 2 ** (exp - 15) * (1 + frac / 1024);
}

/** Column-major -> row-major: element (i0..ik) sits at sum(i_j * prod(shape[0..j-1])) in the input. */
function fortranToC<T extends NpyData>(src: T, shape: number[]): T {
  const out = new (src.constructor as new (n: number) => T)(src.length);
  const k = shape.length;
  const fStride = new Array<number>(k);
  let s = 1;
  for (let j = 0; j < k; j++) {
    fStride[j] = s;
    s *= shape[j];
  }
  const idx = new Array<number>(k).fill(0);
  for (let c = 0; c < src.length; c++) {
    let f = 0;
    for (let j = 0; j < k; j++) f += idx[j] * fStride[j];
    out[c] = src[f];
    for (let j = k - 1; j >= 0; j--) {
      if (++idx[j] < shape[j]) break;
      idx[j] = 0;
    }
  }
  return out;
}
