import { describe, expect, it } from "vitest";
import { parseNpy } from "./parse";
import { npyBytes } from "./write";

describe("npyBytes", () => {
  it.each([
    ["float32", Float32Array.from([0.5, -1, 2, 3, 4, 5]), [2, 3, 1], "<f4"],
    ["int32", Int32Array.from([1, 0, 7]), [3], "<i4"],
    ["uint8", Uint8Array.from([255, 0]), [2], "|u1"],
  ] as const)("writes %s that the reader reads back", (_, data, shape, descr) => {
    const bytes = npyBytes(data, shape);
    // The data starts 64-byte aligned, as numpy writes it.
    expect((bytes.length - data.byteLength) % 64).toBe(0);
    expect(parseNpy(bytes, "x.npy")).toEqual({ descr, shape: [...shape], data });
  });

  it("refuses a shape that does not hold the values", () => {
    expect(() => npyBytes(Float32Array.from([1, 2, 3]), [2, 2])).toThrow(
      "expected 4 values for shape (2, 2); received 3",
    );
  });
});
