import { describe, expect, it } from "vitest";
import type { DatasetSummary } from "../../../shared/datasets/summary";
import { thumbnailFiles } from "./use-thumbnails";

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
