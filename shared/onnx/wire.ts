import { WireType } from "./proto";

/**
 * A minimal protobuf encoder (protobuf.dev/programming-guides/encoding). Callers write fields in
 * ascending field-number order, as the official serializers do, so our bytes equal python-onnx's
 * `SerializeToString()` (the parity test re-serializes every file and compares).
 *
 * ONNX declares its integers `int64`, not `sint64`: a negative value is its 64-bit two's complement
 * as a varint, 10 bytes long (axis = -1 is ff ff ff ff ff ff ff ff ff 01).
 */
export class ProtoWriter {
  private buf: Uint8Array;
  private len = 0;

  constructor(initial = 256) {
    this.buf = new Uint8Array(initial);
  }

  /** The bytes written so far (a view; copy it before writing more). */
  bytes(): Uint8Array {
    return this.buf.subarray(0, this.len);
  }

  private reserve(n: number): void {
    if (this.len + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.len + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.len));
    this.buf = next;
  }

  /** An unsigned varint; negative or >= 2^53 values go through BigInt as 64-bit two's complement. */
  varint(value: number | bigint): void {
    if (typeof value === "number" && Number.isSafeInteger(value) && value >= 0) {
      this.reserve(8);
      let v = value;
      // Above 2^31 bit operators would truncate, so divide instead.
      while (v >= 0x80) {
        this.buf[this.len++] = (v % 0x80) | 0x80;
        v = Math.floor(v / 0x80);
      }
      this.buf[this.len++] = v;
      return;
    }
    if (typeof value === "number" && !Number.isInteger(value)) throw new RangeError(`varint of ${value}`);
    let v = BigInt.asUintN(64, BigInt(value));
    this.reserve(10);
    while (v >= 0x80n) {
      this.buf[this.len++] = Number(v & 0x7fn) | 0x80;
      v >>= 7n;
    }
    this.buf[this.len++] = Number(v);
  }

  tag(field: number, wireType: number): void {
    this.varint(field * 8 + wireType);
  }

  raw(bytes: Uint8Array): void {
    this.reserve(bytes.length);
    this.buf.set(bytes, this.len);
    this.len += bytes.length;
  }

  // ---- Fields. Each writes its tag, then the value.

  /** int64 / int32 / enum / bool field (varint; negatives take 10 bytes). */
  int64(field: number, value: number | bigint): void {
    this.tag(field, WireType.VARINT);
    this.varint(value);
  }

  /** A 32-bit float field (wire type I32, little-endian). */
  float(field: number, value: number): void {
    this.tag(field, WireType.I32);
    this.reserve(4);
    new DataView(this.buf.buffer, this.buf.byteOffset + this.len, 4).setFloat32(0, value, true);
    this.len += 4;
  }

  /** A 64-bit float field (wire type I64, little-endian). */
  double(field: number, value: number): void {
    this.tag(field, WireType.I64);
    this.reserve(8);
    new DataView(this.buf.buffer, this.buf.byteOffset + this.len, 8).setFloat64(0, value, true);
    this.len += 8;
  }

  bytesField(field: number, bytes: Uint8Array): void {
    this.tag(field, WireType.LEN);
    this.varint(bytes.length);
    this.raw(bytes);
  }

  string(field: number, value: string): void {
    this.bytesField(field, utf8(value));
  }

  /** An embedded message, encoded by `write` into its own buffer so its length is known first. */
  message(field: number, write: (w: ProtoWriter) => void): void {
    const inner = new ProtoWriter();
    write(inner);
    this.bytesField(field, inner.bytes());
  }

  /** `repeated int64 ... [packed = true]`: one length-delimited run of varints. */
  packedInt64(field: number, values: readonly (number | bigint)[]): void {
    const inner = new ProtoWriter(values.length * 2 + 8);
    for (const v of values) inner.varint(v);
    this.bytesField(field, inner.bytes());
  }

  /** `repeated float ... [packed = true]`: one length-delimited run of little-endian float32. */
  packedFloat(field: number, values: ArrayLike<number>): void {
    this.bytesField(field, float32Bytes(values));
  }

  /** `repeated double ... [packed = true]`. */
  packedDouble(field: number, values: ArrayLike<number>): void {
    const out = new Uint8Array(values.length * 8);
    const view = new DataView(out.buffer);
    for (let i = 0; i < values.length; i++) view.setFloat64(i * 8, values[i], true);
    this.bytesField(field, out);
  }
}

/** UTF-8 bytes of a string (shared/ has no TextEncoder typing: see shared/env.d.ts). */
export function utf8(s: string): Uint8Array {
  const out: number[] = [];
  for (const ch of s) {
    const c = ch.codePointAt(0) as number;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return Uint8Array.from(out);
}

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** Little-endian float32 bytes; a Float32Array on a little-endian host is copied as is. */
export function float32Bytes(values: ArrayLike<number>): Uint8Array {
  if (LITTLE_ENDIAN && values instanceof Float32Array) {
    return new Uint8Array(values.buffer.slice(values.byteOffset, values.byteOffset + values.byteLength));
  }
  const out = new Uint8Array(values.length * 4);
  const view = new DataView(out.buffer);
  for (let i = 0; i < values.length; i++) view.setFloat32(i * 4, values[i], true);
  return out;
}

/** Little-endian int64 bytes (two's complement), as `raw_data` of an INT64 tensor stores them. */
export function int64Bytes(values: readonly (number | bigint)[]): Uint8Array {
  const out = new Uint8Array(values.length * 8);
  const view = new DataView(out.buffer);
  values.forEach((v, i) => {
    view.setBigInt64(i * 8, BigInt(v), true);
  });
  return out;
}

/** Little-endian float64 bytes, as `raw_data` of a DOUBLE tensor stores them. */
export function float64Bytes(values: ArrayLike<number>): Uint8Array {
  const out = new Uint8Array(values.length * 8);
  const view = new DataView(out.buffer);
  for (let i = 0; i < values.length; i++) view.setFloat64(i * 8, values[i], true);
  return out;
}
