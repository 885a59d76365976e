import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "./cli-testkit";
import { table } from "./io";

/** `netforge data probe` and training on bundled data files through the CLI, as a user runs them. */
const ROOT = join(import.meta.dirname, "../..");
const DATASETS = join(ROOT, "resources/datasets");
const BIN = join(import.meta.dirname, "netforge.mjs");

const run = runCli;

describe("netforge data probe", () => {
  it("probes a table whose header and first row are longer than the probe's 1 MB head", async () => {
    const dir = mkdtempSync(join(tmpdir(), "netforge-wide-"));
    // 20,000 columns with 60-character names: a 1.2 MB header.
    const columns = 20_000;
    const header = [...Array.from({ length: columns }, (_, i) => `f${i}`.padEnd(60, "_")), "label"].join(",");
    const row = (r: number) =>
      [...Array.from({ length: columns }, (_, i) => String((i * r) % 10)), String(r % 2)].join(",");
    const path = join(dir, "wide.csv");
    writeFileSync(path, `${header}\n${[1, 2, 3, 4].map(row).join("\n")}\n`);
    const json = await run("data", "probe", path, "--json");
    expect(json.code, json.stderr).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ rows: 4, inputShape: [columns], task: "classification" });
    const text = await run("data", "probe", path);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain(`input shape [${columns}], target class id (2 classes)`);
    // A short header over a first row longer than the head.
    writeFileSync(path, `a,b,label\n${"1".repeat(1_200_000)},2,x\n3,4,y\n5,6,x\n`);
    const long = await run("data", "probe", path, "--json");
    expect(long.code, long.stderr).toBe(0);
    expect(JSON.parse(long.stdout)).toMatchObject({ rows: 3, inputShape: [2] });
    rmSync(dir, { recursive: true, force: true });
  }, 120_000); // four probes of megabyte-wide rows on a loaded machine

  it("prints text tables of any number of rows (200,000 columns' summaries)", () => {
    const rows = [["column", "type"], ...Array.from({ length: 200_000 }, (_, i) => [`f${i}`, "numeric"])];
    const lines = table(rows).split("\n");
    expect(lines).toHaveLength(200_001);
    expect(lines[200_000]).toBe("f199999  numeric");
  });

  it("summarizes the bundled iris CSV: 4 numeric features, 3 balanced classes", async () => {
    const r = await run("data", "probe", join(DATASETS, "iris.csv"), "--json");
    expect(r.code, r.stderr).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s).toMatchObject({ kind: "table", rows: 150, inputShape: [4], task: "classification" });
    expect(s.classes).toEqual([
      { name: "setosa", count: 50 },
      { name: "versicolor", count: 50 },
      { name: "virginica", count: 50 },
    ]);
    // The default split (20% validation, stratified) keeps 10 of each species for validation.
    expect(s.splits).toEqual({ train: [40, 40, 40], validation: [10, 10, 10], test: [0, 0, 0] });
  });

  it("finds an IDX images file's labels beside it and counts the classes", async () => {
    const r = await run("data", "probe", join(DATASETS, "fashion-mnist-subset/train-images-idx3-ubyte.gz"));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("idx, 2,000 samples, task classification");
    expect(r.stdout).toContain("input shape [28, 28, 1]");
  });

  it("reports the notes' unit-suffixed table with its units", async () => {
    const r = await run("data", "probe", join(DATASETS, "time-management.csv"));
    expect(r.stdout).toMatch(/study +numeric +feature +0 +unit "hr"/);
  });

  it.each([
    [["data", "probe", join(DATASETS, "nope.csv")], "no such file or folder"],
    [["data", "probe"], "expected one file or folder; received 0"],
    [["data", "inspect", "x"], 'expected a subcommand: probe; received "inspect"'],
  ])("exits 1 with a clear message: %j", async (args, message) => {
    const r = await run(...args);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(message);
  });
});

describe("training on bundled data files", () => {
  const train = (template: string) => {
    const r = spawnSync(
      process.execPath,
      [BIN, "train", template, "--json", "--out", join(ROOT, "test-results", `run-${template}`)],
      {
        encoding: "utf8",
        timeout: 180_000,
      },
    );
    expect(r.status, r.stderr).toBe(0);
    return JSON.parse(r.stdout.trim().split("\n").at(-1) as string);
  };

  it("reaches at least 90% validation accuracy on iris (CSV through the table importer)", () => {
    const done = train("iris");
    expect(done.reason).toBe("completed");
    expect(done.metrics.val_accuracy).toBeGreaterThanOrEqual(0.9);
  }, 180_000);

  it("beats the majority-class baseline (10%) by a wide margin on the Fashion-MNIST subset (IDX)", () => {
    const done = train("fashion-mnist-mlp");
    expect(done.metrics.val_accuracy).toBeGreaterThan(0.7);
  }, 180_000);
});
