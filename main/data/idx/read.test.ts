import { copyFile, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DataError } from "../errors";
import { probeIdx } from "./probe";
import { loadIdx } from "./read";

// Fixtures are written by main/data/__fixtures__/idx/make.py (Python's struct + gzip).
const F = (name: string) => join(__dirname, "../__fixtures__/idx", name);

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (error) {
    expect(error).toBeInstanceOf(DataError);
    return (error as DataError).code;
  }
  return "resolved";
}

describe("loadIdx: valid files", () => {
  it.each([
    ["raw", "images.idx", "labels.idx"],
    ["gzip (detected by header, whatever the name)", "images.idx.gz", "labels-gz.bin"],
  ])("%s", async (_, images, labels) => {
    const d = await loadIdx({ images: F(images), labels: F(labels), scale: "unit" });
    expect(d.xShape).toEqual([4, 3, 2, 1]);
    expect(d.x).toBeInstanceOf(Float32Array);
    expect(d.x.length).toBe(24);
    expect(d.x[7]).toBeCloseTo(11 / 255, 6); // image 1, pixel 1 (C order)
    expect(d.x[23]).toBe(1);
    expect(Array.from(d.y)).toEqual([0, 2, 1, 2]);
    expect(d.numClasses).toBe(3);
    expect(d.counts).toEqual([1, 1, 2]);
  });

  it("keeps raw bytes with scale none, and class names set the class count", async () => {
    const d = await loadIdx({
      images: F("images.idx"),
      labels: F("labels.idx"),
      scale: "none",
      classNames: ["a", "b", "c", "d"],
    });
    expect(d.x).toBeInstanceOf(Uint8Array);
    expect(d.x[23]).toBe(255);
    expect(d.counts).toEqual([1, 1, 2, 0]);
  });

  it("opens files read-only and leaves them unchanged", async () => {
    const dir = await mkdtemp(join(tmpdir(), "idx-"));
    try {
      const copy = join(dir, "images.idx");
      await copyFile(F("images.idx"), copy);
      const before = await readFile(copy);
      await loadIdx({ images: copy, labels: F("labels.idx") });
      expect(Buffer.compare(before, await readFile(copy))).toBe(0);
    } finally {
      await rm(dir, { recursive: true });
    }
  });
});

describe("loadIdx and probeIdx: broken files", () => {
  const cases: [string, string, string, string[] | undefined, string, RegExp][] = [
    [
      "wrong magic",
      "magic-wrong.idx",
      "labels.idx",
      undefined,
      "E_IDX_MAGIC",
      /expected .*0x00000803; received 0x00000804/,
    ],
    ["little-endian magic", "magic-little-endian.idx", "labels.idx", undefined, "E_IDX_MAGIC", /little-endian/],
    ["labels file given as images", "labels.idx", "labels.idx", undefined, "E_IDX_MAGIC", /that is a labels file/],
    [
      "images file given as labels",
      "images.idx",
      "images.idx",
      undefined,
      "E_IDX_MAGIC",
      /0x00000801; received 0x00000803/,
    ],
    [
      "truncated data",
      "truncated.idx",
      "labels.idx",
      undefined,
      "E_IDX_SIZE",
      /take 40 bytes; received 35 bytes \(truncated\)/,
    ],
    ["trailing bytes", "trailing.idx", "labels.idx", undefined, "E_IDX_SIZE", /2 trailing bytes/],
    ["truncated header", "header-only.idx", "labels.idx", undefined, "E_IDX_SIZE", /16-byte header; received 6/],
    ["truncated gzip", "truncated.idx.gz", "labels.idx", undefined, "E_IDX_GZIP", /truncated or corrupt/],
    [
      "count mismatch",
      "images.idx",
      "labels-three.idx",
      undefined,
      "E_IDX_COUNT_MISMATCH",
      /4 images; received 3 labels/,
    ],
    [
      "label out of range",
      "images.idx",
      "labels-range.idx",
      "0123456789".split(""),
      "E_IDX_LABEL_RANGE",
      /labels 0\.\.9.*received 12 at label 2/,
    ],
    ["missing file", "nope.idx", "labels.idx", undefined, "E_DATA_READ", /ENOENT/],
  ];
  it.each(cases)("%s", async (_, images, labels, classNames, code, message) => {
    const source = { images: F(images), labels: F(labels), classNames };
    for (const attempt of [() => loadIdx(source), () => probeIdx(source)]) {
      const error = await attempt().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DataError);
      expect((error as DataError).code).toBe(code);
      expect((error as DataError).message).toMatch(message);
      // The message names the file at fault.
      expect((error as DataError).message).toContain("__fixtures__/idx/");
    }
  });
});

describe("probeIdx", () => {
  it("summarizes a gzip pair as classification with class counts", async () => {
    const s = await probeIdx({
      images: F("images.idx.gz"),
      labels: F("labels-gz.bin"),
      classNames: ["zero", "one", "two"],
    });
    expect(s).toMatchObject({
      kind: "idx",
      rows: 4,
      inputShape: [3, 2, 1],
      outputShape: [3],
      task: "classification",
      classes: [
        { name: "zero", count: 1 },
        { name: "one", count: 1 },
        { name: "two", count: 2 },
      ],
      warnings: [],
    });
    // Per class, the indices of its first images (the Data tab shows them as thumbnails).
    const labels = [...(await loadIdx({ images: F("images.idx.gz"), labels: F("labels-gz.bin") })).y];
    expect(labels[1]).toBe(2);
    expect(s.preview).toEqual(
      ["zero", "one", "two"].map((name, c) => [name, ...labels.flatMap((l, i) => (l === c ? [String(i)] : []))]),
    );
  });

  it("warns about a single class and empty classes", async () => {
    const s = await probeIdx({ images: F("images.idx"), labels: F("labels-one-class.idx") });
    expect(s.warnings.map((w) => w.code).sort()).toEqual(["W_IDX_EMPTY_CLASS", "W_IDX_SINGLE_CLASS"].sort());
    expect(await codeOf(probeIdx({ images: F("images.idx"), labels: F("labels.idx") }))).toBe("resolved");
  });
});
