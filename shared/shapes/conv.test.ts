import { describe, expect, it } from "vitest";
import {
  convOutputLength,
  convOutputSizeExplicit,
  deconvOutputLength,
  deconvOutputSizeExplicit,
  effectiveKernelSize,
  samePadding,
} from "./conv";

describe("convOutputSizeExplicit: floor((I - F + 2P)/S) + 1", () => {
  it.each([
    // G-8 (I, F, P, S) -> out
    [5, 3, 0, 1, 3],
    [5, 3, 1, 1, 5],
    [5, 3, 0, 2, 2],
    [64, 3, 0, 1, 62],
    [32, 3, 0, 1, 30],
    // D9, D12, D14 (pooling uses the same rule with P = 0)
    [5, 2, 0, 1, 4],
    [7, 3, 0, 2, 3],
    [32, 2, 0, 2, 16],
  ])("I=%i F=%i P=%i S=%i -> %i", (i, f, p, s, out) => {
    expect(convOutputSizeExplicit(i, f, p, s)).toBe(out);
  });

  it("D14: the notes' (n - f + 1)/s is not the output size", () => {
    expect((32 - 2 + 1) / 2).toBe(15.5);
    expect(convOutputSizeExplicit(32, 2, 0, 2)).toBe(16);
  });

  it("needs the floor when S does not divide I - F + 2P", () => {
    expect(convOutputSizeExplicit(8, 3, 0, 2)).toBe(3);
    expect(convOutputSizeExplicit(29, 2, 0, 2)).toBe(14);
  });
});

describe("convOutputLength (Keras/tfjs padding modes)", () => {
  it("valid equals the explicit form with P = 0", () => {
    for (let n = 1; n <= 20; n++)
      for (let k = 1; k <= n; k++)
        for (let s = 1; s <= 4; s++)
          for (let d = 1; d <= 3; d++) {
            if (effectiveKernelSize(k, d) > n) continue;
            expect(convOutputLength(n, k, "valid", s, d)).toBe(convOutputSizeExplicit(n, k, 0, s, d));
          }
  });

  it("same gives ceil(n/s) and keeps the size only at stride 1", () => {
    expect(convOutputLength(5, 3, "same", 1)).toBe(5);
    expect(convOutputLength(5, 3, "same", 2)).toBe(3);
    expect(convOutputLength(7, 2, "same", 2)).toBe(4);
    expect(convOutputLength(28, 2, "same", 2)).toBe(14);
  });

  it("same equals the explicit form with Keras' same padding split", () => {
    for (let n = 1; n <= 20; n++)
      for (let k = 1; k <= 5; k++)
        for (let s = 1; s <= 3; s++) {
          const [before, after] = samePadding(n, k, s);
          const out = Math.floor((n + before + after - k) / s) + 1;
          expect(convOutputLength(n, k, "same", s)).toBe(out);
        }
  });

  it("causal keeps the length at stride 1 whatever the dilation", () => {
    expect(convOutputLength(100, 3, "causal", 1, 2)).toBe(100);
    expect(convOutputLength(11, 5, "causal", 2)).toBe(6);
  });

  it("dilated valid sizes use the effective kernel", () => {
    expect(convOutputLength(16, 3, "valid", 1, 1)).toBe(14);
    expect(convOutputLength(16, 3, "valid", 1, 2)).toBe(12);
    expect(convOutputLength(16, 3, "valid", 1, 4)).toBe(8);
  });

  it("returns 0 or less when the window does not fit (callers report it)", () => {
    expect(convOutputLength(3, 5, "valid")).toBe(-1);
    expect(convOutputLength(4, 3, "valid", 1, 2)).toBe(0);
  });

  it("passes unknown sizes through", () => {
    expect(convOutputLength(null, 3, "valid", 2)).toBeNull();
    expect(deconvOutputLength(null, 3, "same", 2)).toBeNull();
  });
});

describe("effectiveKernelSize: k + (k - 1)(l - 1) (D16)", () => {
  it.each([
    [1, 3],
    [2, 5],
    [4, 9],
  ])("k=3, l=%i -> %i", (l, keff) => expect(effectiveKernelSize(3, l)).toBe(keff));
  it("a 1x1 kernel is never dilated", () => expect(effectiveKernelSize(1, 8)).toBe(1));
});

describe("transposed convolution sizes (D15)", () => {
  it.each([
    [5, 3, 0, 1, 7],
    [5, 3, 1, 1, 5],
    [3, 3, 1, 2, 5],
  ])("explicit: i=%i k=%i p=%i s=%i -> %i", (i, k, p, s, out) => {
    expect(deconvOutputSizeExplicit(i, k, p, s)).toBe(out);
  });

  it("tfjs valid and same reproduce the stride-1 cases", () => {
    expect(deconvOutputLength(5, 3, "valid", 1)).toBe(7);
    expect(deconvOutputLength(5, 3, "same", 1)).toBe(5);
  });

  it("tfjs cannot express i=3, k=3, s=2, p=1 -> 5", () => {
    expect(deconvOutputLength(3, 3, "valid", 2)).toBe(7);
    expect(deconvOutputLength(3, 3, "same", 2)).toBe(6);
  });

  it("valid with k >= s equals the explicit form with p = 0", () => {
    for (let n = 1; n <= 10; n++)
      for (let s = 1; s <= 3; s++)
        for (let k = s; k <= 5; k++)
          expect(deconvOutputLength(n, k, "valid", s)).toBe(deconvOutputSizeExplicit(n, k, 0, s));
  });

  it("valid with k < s leaves gaps: n*s", () => expect(deconvOutputLength(4, 2, "valid", 3)).toBe(12));
});

describe("samePadding (TensorFlow puts the odd pixel at the end)", () => {
  it.each([
    [5, 3, 1, 1, [1, 1]],
    [5, 2, 1, 1, [0, 1]],
    [7, 3, 2, 1, [1, 1]],
    [8, 3, 2, 1, [0, 1]],
    [16, 3, 1, 2, [2, 2]],
    [4, 1, 1, 1, [0, 0]],
  ] as const)("n=%i k=%i s=%i d=%i -> %j", (n, k, s, d, pads) => {
    expect(samePadding(n, k, s, d)).toEqual(pads);
  });
});
