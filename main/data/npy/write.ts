/**
 * Writes a C-order .npy file (format 1.0) from a typed array: the inverse of parse.ts, for the
 * tools that make bundled samples. float32 ('<f4'), int32 ('<i4') or uint8 ('|u1').
 */
export function npyBytes(data: Float32Array | Int32Array | Uint8Array, shape: readonly number[]): Buffer {
  const count = shape.reduce((a, d) => a * d, 1);
  if (count !== data.length) {
    throw new Error(`expected ${count} values for shape (${shape.join(", ")}); received ${data.length}`);
  }
  const descr = data instanceof Float32Array ? "<f4" : data instanceof Int32Array ? "<i4" : "|u1";
  const dims = shape.length === 1 ? `${shape[0]},` : shape.join(", ");
  let header = `{'descr': '${descr}', 'fortran_order': False, 'shape': (${dims}), }`;
  // Magic (6) + version (2) + length (2) + header + "\n", padded with spaces to a multiple of 64.
  const total = Math.ceil((10 + header.length + 1) / 64) * 64;
  header = `${header.padEnd(total - 10 - 1, " ")}\n`;
  const head = Buffer.alloc(10);
  head.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0]);
  head.writeUInt16LE(header.length, 8);
  const body = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  return Buffer.concat([head, Buffer.from(header, "latin1"), body]);
}
