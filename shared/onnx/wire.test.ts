import { describe, expect, it } from "vitest";
import { float32Bytes, int64Bytes, ProtoWriter, utf8 } from "./wire";

const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, "0")).join(" ");
const written = (f: (w: ProtoWriter) => void) => {
  const w = new ProtoWriter(1);
  f(w);
  return hex(w.bytes());
};

/** Expected bytes from the protobuf encoding guide (protobuf.dev/programming-guides/encoding). */
describe("protobuf wire encoding", () => {
  it("varints: 1, 150 (the guide's example), 300, 2^32, 2^53 - 1", () => {
    expect(written((w) => w.varint(1))).toBe("01");
    expect(written((w) => w.int64(1, 150))).toBe("08 96 01");
    expect(written((w) => w.varint(300))).toBe("ac 02");
    expect(written((w) => w.varint(2 ** 32))).toBe("80 80 80 80 10");
    expect(written((w) => w.varint(2 ** 53 - 1))).toBe("ff ff ff ff ff ff ff 0f");
  });

  it("negative int64 is 64-bit two's complement: 10 bytes (not zigzag)", () => {
    expect(written((w) => w.varint(-1))).toBe("ff ff ff ff ff ff ff ff ff 01");
    expect(written((w) => w.varint(-2n))).toBe("fe ff ff ff ff ff ff ff ff 01");
    expect(() => written((w) => w.varint(0.5))).toThrow(RangeError);
  });

  it("length-delimited strings and nested messages", () => {
    expect(written((w) => w.string(2, "testing"))).toBe("12 07 74 65 73 74 69 6e 67");
    expect(written((w) => w.message(3, (m) => m.int64(1, 150)))).toBe("1a 03 08 96 01");
    expect(hex(utf8("é€😀"))).toBe("c3 a9 e2 82 ac f0 9f 98 80");
  });

  it("fixed-width floats are little-endian; packed fields are one length-delimited run", () => {
    expect(written((w) => w.float(2, 1))).toBe("15 00 00 80 3f");
    expect(written((w) => w.double(1, 1))).toBe("09 00 00 00 00 00 00 f0 3f");
    expect(written((w) => w.packedInt64(4, [3, 270, 86942]))).toBe("22 06 03 8e 02 9e a7 05");
    expect(written((w) => w.packedFloat(4, [1, -2]))).toBe("22 08 00 00 80 3f 00 00 00 c0");
    expect(hex(float32Bytes(new Float32Array([0.5])))).toBe("00 00 00 3f");
    expect(hex(int64Bytes([-1]))).toBe("ff ff ff ff ff ff ff ff");
  });

  it("grows its buffer past the initial size", () => {
    const w = new ProtoWriter(1);
    const big = new Uint8Array(10_000).fill(7);
    w.bytesField(1, big);
    expect(w.bytes().length).toBe(1 + 2 + 10_000);
    expect(w.bytes()[9_999]).toBe(7);
  });
});
