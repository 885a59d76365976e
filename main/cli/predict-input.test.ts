import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readPredictInput } from "./predict-input";
import { readPredictRun } from "./predict-run";

/**
 * `netforge predict --input` read as the run's training data was: run folders as the trainer
 * writes them (run.json, preprocessing.json), input files as users have them. No trainer needed.
 */
const dir = mkdtempSync(join(tmpdir(), "netforge-predict-input-"));
const NPY = join(import.meta.dirname, "../data/__fixtures__/npy");

function runFolder(name: string, source: unknown, preprocessing?: unknown): string {
  const runDir = join(dir, name);
  mkdirSync(runDir, { recursive: true });
  const kind = (source as { kind: string }).kind;
  writeFileSync(join(runDir, "run.json"), JSON.stringify({ data: { kind, spec: { source } } }));
  if (preprocessing) writeFileSync(join(runDir, "preprocessing.json"), JSON.stringify(preprocessing));
  return runDir;
}

const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe("predict input", () => {
  it("reads a .npy's first axis as samples: uint8 pixels for an IDX run, nested values otherwise", async () => {
    const idx = await readPredictRun(runFolder("idx", { kind: "idx", images: "i.gz", labels: "l.gz" }));
    const pixels = await readPredictInput(join(NPY, "x-le-u1.npy"), idx);
    expect(pixels.names).toEqual(["sample 1", "sample 2", "sample 3"]);
    expect(pixels.samples[1]).toEqual({ kind: "pixels", shape: [2, 2], pixels: [4, 5, 6, 7] });
    const npy = await readPredictRun(runFolder("npy", { kind: "npy", x: "x.npy" }));
    const values = await readPredictInput(join(NPY, "x-le-f4.npy"), npy);
    expect(values.samples[2]).toEqual({
      kind: "values",
      x: [
        [2, 2.25],
        [2.5, 2.75],
      ],
    });
  });

  it("reads a .txt of texts (one a line, blank lines skipped) and a text CSV by its text column", async () => {
    const text = await readPredictRun(
      runFolder("text", { kind: "text", path: "t.csv", format: "table", textColumn: "remark" }, { kind: "text" }),
    );
    const lines = await readPredictInput(file("t.txt", "great value\n\nbroke in a day\n"), text);
    expect(lines.names).toEqual(["line 1", "line 3"]);
    expect(lines.samples).toEqual([
      { kind: "text", text: "great value" },
      { kind: "text", text: "broke in a day" },
    ]);
    const csv = await readPredictInput(file("t.csv", "id,remark\n7,works fine\n"), text);
    expect(csv).toEqual({
      names: ["row 2"],
      samples: [{ kind: "text", text: "works fine" }],
      notes: ["ignored column(s) the run does not use: id"],
    });
  });

  it("reads a .json array: numbers, texts, rows for a table run, steps of one window for a series run", async () => {
    const stats = { features: [{ name: "a" }, { name: "b" }], label: { name: "y" } };
    const table = await readPredictRun(runFolder("table", { kind: "table", path: "t.csv" }, { kind: "table", stats }));
    const rows = await readPredictInput(
      file("rows.json", JSON.stringify([{ a: 1, b: "x" }, { text: "hi" }, [1, 2]])),
      table,
    );
    expect(rows.samples).toEqual([
      { kind: "table", row: { a: 1, b: "x" } },
      { kind: "text", text: "hi" },
      { kind: "values", x: [1, 2] },
    ]);
    const series = await readPredictRun(
      runFolder(
        "series",
        { kind: "timeSeries", path: "s.csv" },
        { kind: "timeSeries", lookback: 2, differencing: true, features: [{ name: "v" }], target: { name: "v" } },
      ),
    );
    const steps = [{ v: 1 }, { v: 2 }, { v: 4 }];
    const window = await readPredictInput(file("steps.json", JSON.stringify(steps)), series);
    expect(window).toEqual({ names: ["after step 3"], samples: [{ kind: "series", steps }], notes: [] });
  });

  it("refuses what the run cannot read, naming what it expects and what it received", async () => {
    const stats = { features: [{ name: "a" }], label: { name: "y" } };
    const table = await readPredictRun(runFolder("t2", { kind: "table", path: "t.csv" }, { kind: "table", stats }));
    await expect(readPredictInput(join(dir, "nothing.csv"), table)).rejects.toThrow(
      `${join(dir, "nothing.csv")}: no such file or folder`,
    );
    await expect(readPredictInput(dir, table)).rejects.toThrow(
      `this run was trained on a table: --input expects a .csv with the columns "a" by name (any order), or a .json array of rows; received a folder (${dir})`,
    );
    await expect(readPredictInput(join(NPY, "x-le-u1.npy"), table)).rejects.toThrow("received a .npy array");
    await expect(readPredictRun(runFolder("t3", { kind: "table", path: "t.csv" }))).rejects.toThrow(
      `${join(dir, "t3")}: expected ${join(dir, "t3", "preprocessing.json")} (what training fitted on the table data); the run has none`,
    );
    await expect(readPredictInput(file("bad.json", '[{"kind":"pixels"}]'), table)).rejects.toThrow(
      'bad.json: sample 1: expected numbers, a row object, a text or a try-it sample ({ "kind": ... }); received {"kind":"pixels"}',
    );
  });
});
