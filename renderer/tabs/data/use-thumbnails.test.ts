import { describe, expect, it } from "vitest";
import type { DatasetSummary } from "../../../shared/datasets/summary";
import { hasImageGrid, THUMBNAIL_SIZE, thumbnailFiles, thumbnailKey, thumbnailRequest } from "./use-thumbnails";

const images = (preview: string[][]): DatasetSummary => ({
  kind: "imageFolder",
  path: "/data/pets",
  rows: 10,
  estimated: false,
  columns: [],
  classes: preview.map(([name]) => ({ name, count: 5 })),
  inputShape: [32, 32, 3],
  outputShape: [preview.length],
  task: "classification",
  preview,
  warnings: [],
});

describe("thumbnailFiles", () => {
  it("names each preview image relative to the folder, class first, in grid order", () => {
    const s = images([
      ["cats", "a.png", "sub/b.jpg"],
      ["dogs", "c.gif"],
    ]);
    expect(thumbnailFiles(s)).toEqual(["cats/a.png", "cats/sub/b.jpg", "dogs/c.gif"]);
  });

  it("asks for at most one call's worth, and for nothing from tables", () => {
    const many = images(Array.from({ length: 30 }, (_, k) => [`c${k}`, "1.png", "2.png", "3.png"]));
    expect(thumbnailFiles(many)).toHaveLength(64);
    expect(thumbnailFiles({ ...many, kind: "table" })).toEqual([]);
  });
});

describe("thumbnails of an IDX file", () => {
  const idx: DatasetSummary = {
    ...images([]),
    kind: "idx",
    path: "/data/fashion/train-images-idx3-ubyte.gz",
    preview: [
      ["T-shirt", "1", "2"],
      ["Ankle boot", "0"],
    ],
  };

  it("asks for the preview's images by index in the images file, keyed by index", () => {
    expect(thumbnailFiles(idx)).toEqual(["1", "2", "0"]);
    expect(thumbnailKey(idx, "Ankle boot", "0")).toBe("0");
    expect(thumbnailRequest(idx, thumbnailFiles(idx))).toEqual({
      idx: "/data/fashion/train-images-idx3-ubyte.gz",
      indices: [1, 2, 0],
      size: THUMBNAIL_SIZE,
    });
  });

  it("asks an image folder for its files, and has no grid for tables", () => {
    const folder = images([["cats", "a.png"]]);
    expect(thumbnailRequest(folder, thumbnailFiles(folder))).toEqual({
      folder: "/data/pets",
      files: ["cats/a.png"],
      size: THUMBNAIL_SIZE,
    });
    expect(hasImageGrid(idx)).toBe(true);
    expect(hasImageGrid({ ...idx, kind: "table" })).toBe(false);
  });
});
