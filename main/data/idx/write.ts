import type { IDX_IMAGES_MAGIC, IDX_LABELS_MAGIC } from "./read";

/** Encodes uint8 data as IDX (big-endian header, see read.ts); magic's low byte is the number of dims. */
export function encodeIdx(
  magic: typeof IDX_IMAGES_MAGIC | typeof IDX_LABELS_MAGIC,
  dims: number[],
  data: Uint8Array,
): Buffer {
  const ndims = magic & 0xff;
  if (dims.length !== ndims)
    throw new Error(`magic 0x${magic.toString(16)} needs ${ndims} dims; received ${dims.length}`);
  const size = dims.reduce((a, b) => a * b, 1);
  if (data.length !== size) throw new Error(`dims [${dims.join(", ")}] need ${size} bytes; received ${data.length}`);
  const out = Buffer.alloc(4 + 4 * ndims + size);
  out.writeUInt32BE(magic, 0);
  dims.forEach((d, i) => {
    out.writeUInt32BE(d, 4 + 4 * i);
  });
  out.set(data, 4 + 4 * ndims);
  return out;
}
