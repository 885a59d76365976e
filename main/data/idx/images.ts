import { DataError } from "../errors";
import { readHead } from "./gzip";
import { IDX_IMAGES_MAGIC, parseIdxHeader } from "./read";

export interface IdxImages {
  rows: number;
  cols: number;
  /** One grey-level image (rows x cols bytes) per index asked for, in the order asked. */
  images: Uint8Array[];
}

/**
 * The pixels of some images of an IDX images file (for thumbnails): only the bytes up to the last
 * image asked for are read and, for gzip, decompressed, so the first images of a 47 MB set come at
 * once. An index past the end is an error that names the file's image count.
 */
export async function readIdxImages(file: string, indices: readonly number[]): Promise<IdxImages> {
  const { head } = await readHead(file, 16);
  const header = parseIdxHeader(head, IDX_IMAGES_MAGIC, file);
  const [n, rows, cols] = header.dims;
  const bad = indices.find((i) => !Number.isInteger(i) || i < 0 || i >= n);
  if (bad !== undefined) {
    throw new DataError("E_IDX_SIZE", `expected image indices from 0 to ${n - 1}; received ${bad}`, file);
  }
  if (indices.length === 0) return { rows, cols, images: [] };
  const size = rows * cols;
  const needed = header.headerLength + (Math.max(...indices) + 1) * size;
  const { head: bytes } = await readHead(file, needed);
  if (bytes.length < needed) {
    throw new DataError(
      "E_IDX_SIZE",
      `expected at least ${needed} bytes for ${Math.max(...indices) + 1} images of ${rows}x${cols}; received ${bytes.length} (truncated)`,
      file,
    );
  }
  const images = indices.map((i) => {
    const start = header.headerLength + i * size;
    return new Uint8Array(bytes.buffer, bytes.byteOffset + start, size);
  });
  return { rows, cols, images };
}
