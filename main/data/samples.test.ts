import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { probeSource } from "./probe";
import { specForPath } from "./source-for-path";

/**
 * The samples shipped in resources/datasets: every file PROVENANCE.md lists exists, is small, and
 * probes the way a user's file would (specForPath + probeSource, as `netforge data probe` does)
 * without an error-level warning; and nothing ships without a PROVENANCE entry.
 */
const DIR = join(import.meta.dirname, "../../resources/datasets");
const MAX_BYTES = 5 * 1024 * 1024;

/** "## iris.csv" and "## logic-gates/" name files and folders; headings with spaces are prose. */
const listed = readFileSync(join(DIR, "PROVENANCE.md"), "utf8")
  .split("\n")
  .map((line) => /^## ([\w.-]+\/?)$/.exec(line.trim())?.[1])
  .filter((name): name is string => name !== undefined);

/** A missing path gives no files (the "exists" test then fails on it, not the whole file). */
const filesUnder = (path: string): string[] =>
  !existsSync(path)
    ? []
    : statSync(path).isDirectory()
      ? readdirSync(path).flatMap((name) => filesUnder(join(path, name)))
      : [path];

/** A listed folder whose files are all images in class subfolders (the imageFolder layout). */
const isImageFolder = (name: string): boolean =>
  name.endsWith("/") &&
  filesUnder(join(DIR, name)).every(
    (f) => /\.(png|jpe?g|webp|gif)$/i.test(f) && relative(join(DIR, name), f).includes("/"),
  );

/** What each sample must probe as (a check that the file is read as intended, not just read). */
const EXPECTED: Record<string, { rows: number; task?: string; inputShape?: number[]; classes?: number }> = {
  "car-truck.csv": { rows: 3, task: "classification", inputShape: [2], classes: 2 },
  "dates-to-iso.csv": { rows: 3000, task: "sequence" }, // read as sentence pairs (source, target)
  "digit-tree.csv": { rows: 4000, task: "classification", classes: 2 },
  "digits-8x8.csv": { rows: 1797, task: "classification", inputShape: [64], classes: 10 },
  "fruit.csv": { rows: 400, task: "classification", inputShape: [14], classes: 5 },
  "iris.csv": { rows: 150, task: "classification", inputShape: [4], classes: 3 },
  "product-remarks.csv": { rows: 200, task: "classification", classes: 2 },
  "remarks-generated.csv": { rows: 1200, task: "classification", classes: 2 },
  "seasonal-series.csv": { rows: 1095, task: "regression", inputShape: [1] },
  "time-management.csv": { rows: 4, task: "classification", inputShape: [3], classes: 2 },
  "fashion-mnist-subset/train-images-idx3-ubyte.gz": { rows: 2000, task: "classification", classes: 10 },
  "fashion-mnist-subset/t10k-images-idx3-ubyte.gz": { rows: 500, task: "classification", classes: 10 },
  // A .npy probed alone reads as unlabelled samples; the recurrent templates pair x.npy with y.npy.
  "marker-order/x.npy": { rows: 2000, task: "unsupervised", inputShape: [30, 1] },
  "marker-order/y.npy": { rows: 2000, task: "unsupervised", inputShape: [] },
  "digits-8x8-images.npy": { rows: 1797, task: "unsupervised", inputShape: [8, 8, 1] },
  "shapes-32": { rows: 600, task: "classification", inputShape: [32, 32, 3], classes: 10 },
  ...Object.fromEntries(
    ["and", "or", "nand", "nor", "xor"].map((g) => [
      `logic-gates/${g}.csv`,
      { rows: 4, task: "classification", inputShape: [2], classes: 2 },
    ]),
  ),
};

describe("resources/datasets", () => {
  it("lists the samples in PROVENANCE.md, and every shipped file is listed", () => {
    expect(listed.length).toBeGreaterThanOrEqual(9);
    const covered = new Set(listed.flatMap((name) => filesUnder(join(DIR, name))));
    const shipped = filesUnder(DIR).filter((f) => !f.endsWith("PROVENANCE.md"));
    expect(shipped.filter((f) => !covered.has(f)).map((f) => relative(DIR, f))).toEqual([]);
  });

  it.each(listed)("%s exists and is under 5 MB", (name) => {
    const files = filesUnder(join(DIR, name));
    expect(files.length).toBeGreaterThan(0);
    const bytes = files.reduce((sum, f) => sum + statSync(f).size, 0);
    expect(bytes).toBeGreaterThan(0);
    expect(bytes).toBeLessThan(MAX_BYTES);
  });

  // IDX labels files are probed with their images file (specForPath pairs them); an image folder
  // (one subfolder per class) is one dataset, probed as a whole.
  const probed = listed
    .flatMap((name) =>
      isImageFolder(name) ? [name.replace(/\/$/, "")] : filesUnder(join(DIR, name)).map((f) => relative(DIR, f)),
    )
    .filter((f) => !/labels-idx1-ubyte/.test(f));

  it("probes every listed data file below (nothing listed goes unprobed)", () => {
    expect(probed.filter((f) => !(f in EXPECTED))).toEqual([]);
  });

  it.each(probed)("%s probes without an error-level warning", async (name) => {
    const summary = await probeSource(await specForPath(join(DIR, name)));
    const errors = summary.warnings.filter((w) => w.code.startsWith("E_"));
    expect(errors.map((w) => w.code)).toEqual([]);
    const want = EXPECTED[name];
    expect(summary).toMatchObject({ rows: want.rows, estimated: false });
    if (want.task) expect(summary.task).toBe(want.task);
    if (want.inputShape) expect(summary.inputShape).toEqual(want.inputShape);
    if (want.classes) expect(summary.classes).toHaveLength(want.classes);
  });
});
