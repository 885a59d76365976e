import { rm } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ImageFolderSourceSchema } from "../../../shared/datasets/sources/image-folder";
import { DatasetSummarySchema } from "../../../shared/datasets/summary";
import { isDataError } from "../errors";
import { probeImageFolder } from "./probe";
import { scanImageFolder } from "./scan";
import { BLUE, corruptBytes, GREY, makeFolder, png, RED, validFolder } from "./test-fixtures";

const made: string[] = [];
const track = async (p: Promise<string>) => {
  const root = await p;
  made.push(root);
  return root;
};
afterAll(() => Promise.all(made.map((r) => rm(r, { recursive: true, force: true }))));

const codes = (s: { warnings: { code: string }[] }) => s.warnings.map((w) => w.code).sort();

interface Case {
  name: string;
  files: () => Promise<Record<string, Buffer | string>>;
  classes?: [string, number][];
  warnings?: string[];
  error?: string;
}

const CASES: Case[] = [
  {
    name: "empty class folder, single-image class, nested folder",
    files: async () => ({
      "a/1.png": await png(4, 4, RED),
      "a/2.png": await png(4, 4, RED),
      "b/only.png": await png(4, 4, BLUE),
      "c/": "",
      "a/train/x.png": await png(4, 4, RED),
    }),
    classes: [
      ["a", 2],
      ["b", 1],
    ],
    warnings: ["W_IMG_EMPTY_CLASS", "W_IMG_NESTED_FOLDERS", "W_IMG_SINGLE_IMAGE_CLASS"],
  },
  {
    name: "one class only, loose files at the root",
    files: async () => ({ "x/1.png": await png(4, 4, GREY), "x/2.png": await png(4, 4, GREY), "README.md": "hi" }),
    classes: [["x", 2]],
    warnings: ["W_IMG_OTHER_FILES", "W_IMG_SINGLE_CLASS"],
  },
  {
    name: "a corrupt image with a .png name",
    files: async () => ({
      "a/1.png": await png(4, 4, RED),
      "a/bad.png": corruptBytes(),
      "b/2.png": await png(4, 4, BLUE),
    }),
    classes: [
      ["a", 1],
      ["b", 1],
    ],
    warnings: ["W_IMG_SINGLE_IMAGE_CLASS", "W_IMG_UNREADABLE"],
  },
  {
    name: "images but no class subfolders",
    files: async () => ({ "1.png": await png(4, 4, RED) }),
    error: "E_IMG_NO_CLASSES",
  },
  { name: "an empty folder", files: async () => ({}), error: "E_IMG_NO_CLASSES" },
  { name: "class folders without images", files: async () => ({ "a/": "", "b/x.txt": "t" }), error: "E_IMG_NO_IMAGES" },
];

describe("probeImageFolder", () => {
  it("summarizes the valid fixture (every format, mixed sizes, hidden and other files)", async () => {
    const root = await track(validFolder());
    const s = await probeImageFolder({ kind: "imageFolder", path: root, targetSize: [16, 16], color: "grayscale" });
    expect(DatasetSummarySchema.parse(s)).toEqual(s);
    expect(s.rows).toBe(5);
    expect(s.classes).toEqual([
      { name: "cats", count: 3 },
      { name: "dogs", count: 2 },
    ]);
    expect(s.inputShape).toEqual([16, 16, 1]);
    expect(s.outputShape).toEqual([2]);
    expect(s.task).toBe("classification");
    expect(s.preview).toEqual([
      ["cats", "a.png", "b.jpg", "c.WEBP"],
      ["dogs", "d.gif", "e.png"],
    ]);
    expect(codes(s)).toEqual(["W_IMG_MIXED_SIZES", "W_IMG_OTHER_FILES"]);
    const mixed = s.warnings.find((w) => w.code === "W_IMG_MIXED_SIZES");
    expect(mixed?.message).toContain("8x8 (4)");
    expect(mixed?.message).toContain("12x6 (1)");
    expect(s.warnings.find((w) => w.code === "W_IMG_OTHER_FILES")?.message).toContain("dogs/notes.txt");
  });

  it.each(CASES)("$name", async (c) => {
    const root = await track(makeFolder(await c.files()));
    const run = probeImageFolder({ kind: "imageFolder", path: root });
    if (c.error) {
      const e = await run.catch((err: unknown) => err);
      expect(isDataError(e, c.error as never), String(e)).toBe(true);
      expect((e as Error).message).toContain(root);
      return;
    }
    const s = await run;
    expect(s.classes.map((k) => [k.name, k.count])).toEqual(c.classes);
    expect(codes(s)).toEqual(c.warnings);
  });

  it("names the corrupt file and says what happens to it", async () => {
    const root = await track(makeFolder({ "a/1.png": await png(4, 4, RED), "a/bad.png": corruptBytes() }));
    const skip = await probeImageFolder({ kind: "imageFolder", path: root });
    const w = skip.warnings.find((x) => x.code === "W_IMG_UNREADABLE");
    expect(w?.message).toMatch(/a\/bad\.png/);
    expect(w?.message).toContain("skipped");
    const strict = await probeImageFolder({ kind: "imageFolder", path: root, skipBadImages: false });
    expect(strict.warnings.find((x) => x.code === "W_IMG_UNREADABLE")?.message).toContain("skipBadImages");
  });

  it("reads only a sample of headers in a big folder and says so", async () => {
    const img = await png(4, 4, GREY);
    const files: Record<string, Buffer> = {};
    for (let i = 0; i < 30; i++) files[`${i % 2 ? "odd" : "even"}/${i}.png`] = img;
    const root = await track(makeFolder(files));
    const s = await probeImageFolder({ kind: "imageFolder", path: root }, { maxHeaders: 10 });
    expect(s.rows).toBe(30);
    expect(codes(s)).toEqual(["W_IMG_SAMPLED"]);
  });

  it("rejects a path that is a file or does not exist", async () => {
    const root = await track(makeFolder({ "a/1.png": await png(4, 4, RED) }));
    for (const path of [join(root, "a/1.png"), join(root, "missing")]) {
      const e = await scanImageFolder(path).catch((err: unknown) => err);
      expect(isDataError(e, "E_IMG_NOT_FOLDER"), String(e)).toBe(true);
      expect((e as Error).message).toContain(path);
    }
  });

  it("orders classes by code point and labels files by class", async () => {
    const root = await track(makeFolder({ "b/1.png": await png(2, 2, RED), "B/2.png": await png(2, 2, RED) }));
    const index = await scanImageFolder(root);
    expect(index.classNames).toEqual(["B", "b"]);
    expect(index.files).toEqual(["B/2.png", "b/1.png"]);
    expect(Array.from(index.labels)).toEqual([0, 1]);
  });
});

describe("ImageFolderSourceSchema", () => {
  it("fills sensible defaults with every augmentation off", () => {
    const s = ImageFolderSourceSchema.parse({ kind: "imageFolder", path: "/x" });
    expect(s).toMatchObject({ targetSize: [32, 32], color: "rgb", scale: "unit", resize: "stretch" });
    expect(s.skipBadImages).toBe(true);
    expect(Object.values(s.augmentation).every((v) => v === false || v === 0)).toBe(true);
  });

  it("rejects out-of-range settings", () => {
    const bad = [{ targetSize: [0, 28] }, { augmentation: { zoom: 1.5 } }, { color: "cmyk" }, { extra: 1 }];
    for (const b of bad)
      expect(ImageFolderSourceSchema.safeParse({ kind: "imageFolder", path: "/x", ...b }).success).toBe(false);
  });
});
