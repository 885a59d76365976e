import { open, readFile } from "node:fs/promises";
import { promisify } from "node:util";
import { createGunzip, gunzip } from "node:zlib";
import { DataError, type DataErrorCode } from "../errors";

const gunzipAsync = promisify(gunzip);

/** gzip streams start with 1f 8b (RFC 1952 §2.3.1); we trust the bytes, not the file name. */
export function isGzip(head: Uint8Array): boolean {
  return head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b;
}

/** Reads a whole file (read-only), gunzipping it when it is gzip. A truncated or corrupt stream is a coded error. */
export async function readMaybeGzip(file: string, code: DataErrorCode = "E_IDX_GZIP"): Promise<Buffer> {
  const raw = await readOrThrow(file);
  if (!isGzip(raw)) return raw;
  try {
    // zlib runs in the libuv thread pool, so a 26 MB archive does not block the event loop.
    return await gunzipAsync(raw);
  } catch (error) {
    throw new DataError(
      code,
      `the gzip stream could not be decompressed (${(error as Error).message}); the file is truncated or corrupt`,
      file,
    );
  }
}

/**
 * The first `n` bytes of the file's content (decompressed when gzip) and the content's full length,
 * without reading the whole file: for gzip the length comes from the ISIZE trailer (RFC 1952 §2.3.1,
 * the size modulo 2^32), which a probe trusts and a full load verifies.
 */
export async function readHead(file: string, n: number): Promise<{ head: Buffer; length: number; gzip: boolean }> {
  let fh: Awaited<ReturnType<typeof open>>;
  try {
    fh = await open(file, "r");
  } catch (error) {
    throw new DataError("E_DATA_READ", (error as Error).message, file);
  }
  try {
    const { size } = await fh.stat();
    const first = Buffer.alloc(Math.min(size, 2));
    await fh.read(first, 0, first.length, 0);
    if (!isGzip(first)) {
      const head = Buffer.alloc(Math.min(size, n));
      await fh.read(head, 0, head.length, 0);
      return { head, length: size, gzip: false };
    }
    const trailer = Buffer.alloc(4);
    if (size >= 18) await fh.read(trailer, 0, 4, size - 4);
    const head = await gunzipHead(file, n);
    return { head, length: size >= 18 ? trailer.readUInt32LE(0) : 0, gzip: true };
  } finally {
    await fh.close();
  }
}

async function gunzipHead(file: string, n: number): Promise<Buffer> {
  const fh = await open(file, "r");
  const stream = fh.createReadStream({ highWaterMark: 16 * 1024 });
  const gz = createGunzip();
  const chunks: Buffer[] = [];
  let got = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      gz.on("data", (chunk: Buffer) => {
        chunks.push(chunk);
        got += chunk.length;
        if (got >= n) resolve();
      });
      gz.on("end", resolve);
      gz.on("error", (error) =>
        got >= n
          ? resolve()
          : reject(new DataError("E_IDX_GZIP", `the gzip stream could not be decompressed (${error.message})`, file)),
      );
      stream.on("error", reject);
      stream.pipe(gz);
    });
  } finally {
    stream.unpipe(gz);
    gz.destroy();
    stream.destroy();
  }
  return Buffer.concat(chunks).subarray(0, n);
}

async function readOrThrow(file: string): Promise<Buffer> {
  try {
    return await readFile(file, { flag: "r" });
  } catch (error) {
    throw new DataError("E_DATA_READ", (error as Error).message, file);
  }
}
