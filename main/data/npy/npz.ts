import { inflateRawSync } from "node:zlib";
import { DataError } from "../errors";

/**
 * Just enough ZIP (APPNOTE.TXT, https://pkware.cachefly.net/webdocs/casestudies/APPNOTE.TXT) to read
 * .npz archives: the end-of-central-directory record, the central directory (sizes from there, or
 * from its zip64 extra field, §4.5.3), local headers, and stored (0) or deflated (8) entries.
 * NumPy's savez writes exactly this; multi-disk, encrypted or other compressions are refused.
 */
const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

export interface NpzEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
  flags: number;
}

export function isZip(buf: Uint8Array): boolean {
  return buf.length >= 4 && buf[0] === 0x50 && buf[1] === 0x4b && buf[2] === 0x03 && buf[3] === 0x04;
}

export function listNpz(buf: Buffer, file: string): NpzEntry[] {
  const fail = (what: string): never => {
    throw new DataError("E_NPZ_ZIP", `${what}; expected a .npz (zip) archive as written by numpy.savez`, file);
  };
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) fail("no end-of-central-directory record (the file is truncated or not a zip)");
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || p === 0xffffffff) fail("a zip64 central directory (archives over 4 GiB) is not supported");
  const entries: NpzEntry[] = [];
  for (let e = 0; e < count; e++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL)
      fail(`central directory entry ${e} is missing or corrupt`);
    const nameLength = buf.readUInt16LE(p + 28);
    const extraLength = buf.readUInt16LE(p + 30);
    const entry: NpzEntry = {
      flags: buf.readUInt16LE(p + 8),
      method: buf.readUInt16LE(p + 10),
      compressedSize: buf.readUInt32LE(p + 20),
      size: buf.readUInt32LE(p + 24),
      localOffset: buf.readUInt32LE(p + 42),
      name: buf.toString("utf8", p + 46, p + 46 + nameLength),
    };
    readZip64(buf.subarray(p + 46 + nameLength, p + 46 + nameLength + extraLength), entry);
    entries.push(entry);
    p += 46 + nameLength + extraLength + buf.readUInt16LE(p + 32);
  }
  return entries;
}

/** Zip64 extended information (header id 1): the 8-byte fields present are those whose 32-bit field is 0xffffffff, in this order. */
function readZip64(extra: Buffer, entry: NpzEntry): void {
  for (let q = 0; q + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(q);
    const len = extra.readUInt16LE(q + 2);
    if (id === 1) {
      let r = q + 4;
      for (const key of ["size", "compressedSize", "localOffset"] as const) {
        if (entry[key] === 0xffffffff && r + 8 <= q + 4 + len) {
          entry[key] = Number(extra.readBigUInt64LE(r));
          r += 8;
        }
      }
    }
    q += 4 + len;
  }
}

/** One entry's bytes. */
export function readNpzEntry(buf: Buffer, entry: NpzEntry, file: string): Buffer {
  const where = `${file}:${entry.name}`;
  const p = entry.localOffset;
  if (p + 30 > buf.length || buf.readUInt32LE(p) !== LOCAL) {
    throw new DataError("E_NPZ_ZIP", "the local header is missing or corrupt", where);
  }
  if (entry.flags & 1)
    throw new DataError("E_NPZ_ZIP", "expected an unencrypted entry; received an encrypted one", where);
  const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
  const end = start + entry.compressedSize;
  if (end > buf.length)
    throw new DataError("E_NPZ_ZIP", `the entry needs ${end} bytes; received ${buf.length} (truncated)`, where);
  const raw = buf.subarray(start, end);
  let out: Buffer;
  if (entry.method === 0) out = raw;
  else if (entry.method === 8) {
    try {
      out = inflateRawSync(raw);
    } catch (error) {
      throw new DataError("E_NPZ_ZIP", `the deflated data is corrupt (${(error as Error).message})`, where);
    }
  } else {
    throw new DataError(
      "E_NPZ_ZIP",
      `expected compression method 0 (stored) or 8 (deflate); received ${entry.method}`,
      where,
    );
  }
  if (out.length !== entry.size) {
    throw new DataError("E_NPZ_ZIP", `the directory declares ${entry.size} bytes; received ${out.length}`, where);
  }
  return out;
}
