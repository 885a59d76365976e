import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type TableSourceInput, TableSourceSchema } from "../../../shared/datasets/sources/table";
import { DatasetSummarySchema } from "../../../shared/datasets/summary";
import { isDataError } from "../errors";
import { applyTableStats, encodeTable, loadTable, probeTable, readTable } from "./index";

const dir = join(import.meta.dirname, "../__fixtures__/table");
const at = (f: string) => join(dir, f);

/** Valid files: what probing must report (column "name:type:role[:unit]", classes, shapes, warning codes). */
const valid: [
  string,
  {
    rows: number;
    columns: string[];
    classes?: string[];
    input: number;
    output: number;
    task: string;
    warnings?: string[];
  },
][] = [
  [
    "time-management.csv",
    {
      rows: 4,
      columns: [
        "study:numeric:feature:hr",
        "play:numeric:feature:hr",
        "sleep:numeric:feature:hr",
        "good_time:numeric:label",
      ],
      classes: ["0", "1"],
      input: 3,
      output: 2,
      task: "classification",
    },
  ],
  [
    "iris-mini.csv",
    {
      rows: 15,
      columns: [
        "sepal_length:numeric:feature",
        "sepal_width:numeric:feature",
        "petal_length:numeric:feature",
        "petal_width:numeric:feature",
        "species:categorical:label",
      ],
      classes: ["setosa", "versicolor", "virginica"],
      input: 4,
      output: 3,
      task: "classification",
    },
  ],
  [
    "bom-crlf-quoted.csv",
    {
      rows: 4,
      columns: [
        "name:categorical:feature",
        "weight:numeric:feature:kg",
        "note:categorical:feature",
        "label:categorical:label",
      ],
      classes: ["a", "b"],
      input: 9,
      output: 2,
      task: "classification",
    },
  ],
  [
    "tabs.tsv",
    {
      rows: 4,
      columns: ["x1:numeric:feature", "x2:numeric:feature", "y:numeric:label"],
      classes: ["0", "1"],
      input: 2,
      output: 2,
      task: "classification",
    },
  ],
  [
    "semicolon.csv",
    {
      rows: 4,
      columns: ["x1:numeric:feature", "x2:numeric:feature", "y:numeric:label"],
      classes: ["0", "1"],
      input: 2,
      output: 2,
      task: "classification",
    },
  ],
  [
    "xor-no-header.csv",
    {
      rows: 4,
      columns: ["column1:numeric:feature", "column2:numeric:feature", "column3:numeric:label"],
      classes: ["0", "1"],
      input: 2,
      output: 2,
      task: "classification",
    },
  ],
  [
    "types.csv",
    {
      rows: 5,
      columns: [
        "when:date:feature",
        "flag:boolean:feature",
        "color:categorical:feature",
        "comment:text:ignore",
        "value:numeric:feature",
        "price:numeric:label",
      ],
      input: 6,
      output: 1,
      task: "regression",
      warnings: ["W_TABLE_TEXT_IGNORED"],
    },
  ],
  [
    "missing.csv",
    {
      rows: 6,
      columns: ["a:numeric:feature", "b:numeric:feature", "y:numeric:label"],
      classes: ["0", "1"],
      input: 2,
      output: 2,
      task: "classification",
    },
  ],
  [
    "ragged-some.csv",
    {
      rows: 4,
      columns: ["a:numeric:feature", "b:numeric:feature", "y:numeric:label"],
      classes: ["0", "1"],
      input: 2,
      output: 2,
      task: "classification",
      warnings: ["W_TABLE_RAGGED_ROWS"],
    },
  ],
  [
    "non-numeric.csv",
    {
      rows: 11,
      columns: ["a:numeric:feature", "b:numeric:feature", "y:numeric:label"],
      classes: ["0", "1"],
      input: 2,
      output: 2,
      task: "classification",
      warnings: ["W_TABLE_NON_NUMERIC"],
    },
  ],
  [
    "single-class.csv",
    {
      rows: 3,
      columns: ["a:numeric:feature", "b:numeric:feature", "label:categorical:label"],
      classes: ["yes"],
      input: 2,
      output: 1,
      task: "classification",
      warnings: ["E_TABLE_SINGLE_CLASS"],
    },
  ],
];

const broken: [string, string][] = [
  ["empty.csv", "E_TABLE_EMPTY"],
  ["blank-lines.csv", "E_TABLE_EMPTY"],
  ["header-only.csv", "E_TABLE_HEADER_ONLY"],
  ["ragged-most.csv", "E_TABLE_RAGGED"],
  ["binary.bin", "E_TABLE_BINARY"],
  ["gzipped.csv.gz", "E_TABLE_BINARY"],
  ["latin1.csv", "E_TABLE_BINARY"],
  ["does-not-exist.csv", "E_DATA_READ"],
];

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "no error";
  } catch (e) {
    return isDataError(e) ? e.code : `not a DataError: ${e}`;
  }
}

describe("probeTable on valid files", () => {
  it.each(valid)("%s", async (file, want) => {
    const s = DatasetSummarySchema.parse(await probeTable(at(file)));
    expect(s.rows).toBe(want.rows);
    expect(s.estimated).toBe(false);
    expect(s.columns.map((c) => [c.name, c.type, c.role, c.unit].filter(Boolean).join(":"))).toEqual(want.columns);
    expect(s.classes.map((c) => c.name)).toEqual(want.classes ?? []);
    expect(s.inputShape).toEqual([want.input]);
    expect(s.outputShape).toEqual([want.output]);
    expect(s.task).toBe(want.task);
    expect(s.warnings.map((w) => w.code)).toEqual(want.warnings ?? []);
    expect(s.preview.length).toBe(Math.min(10, want.rows));
  });

  it("reports the row and value of a non-numeric cell and the rows of ragged lines", async () => {
    const nonNumeric = (await probeTable(at("non-numeric.csv"))).warnings[0];
    expect(nonNumeric.message).toContain('row 3: "oops"');
    expect(nonNumeric.where).toContain("column b");
    const ragged = (await probeTable(at("ragged-some.csv"))).warnings[0];
    expect(ragged.message).toMatch(/skipped 2 ragged row\(s\).*row\(s\) 4, 7/);
  });

  it("reads quoted delimiters, doubled quotes and line breaks inside quotes", async () => {
    const s = await probeTable(at("bom-crlf-quoted.csv"));
    expect(s.preview[0]).toEqual(["Smith, J", "5 kg", 'said "hi"', "a"]);
    expect(s.preview[1][2]).toBe("two\r\nlines");
    expect(s.columns[0].name).toBe("name"); // no BOM in the first name
  });

  it("warns when a wrong delimiter leaves one column", async () => {
    const s = await probeTable({ kind: "table", path: at("wrong-delimiter.csv"), delimiter: "," });
    expect(s.warnings.map((w) => w.code)).toEqual(["W_TABLE_ONE_COLUMN", "E_TABLE_NO_FEATURES"]);
    expect(s.warnings[0].message).toContain('";"');
  });

  it("estimates the row count from the head of a large file", async () => {
    const path = join(tmpdir(), `netforge-table-${process.pid}.csv`);
    const lines = ["a,b,label"];
    for (let i = 0; i < 20_000; i++) lines.push(`${i % 97},${(i * 7) % 13}.5,${i % 3 === 0 ? "x" : "y"}`);
    writeFileSync(path, `${lines.join("\n")}\n`);
    const s = await probeTable(path, 16_384);
    expect(s.estimated).toBe(true);
    expect(Math.abs(s.rows - 20_000) / 20_000).toBeLessThan(0.05);
    expect(s.classes.map((c) => c.name)).toEqual(["x", "y"]);
    // The whole file fits in the default head, but only the first PROBE_ROWS rows are analysed.
    const all = await probeTable(path);
    expect(all.estimated).toBe(true);
    expect(Math.abs(all.rows - 20_000) / 20_000).toBeLessThan(0.05);
  });
});

describe("bad files", () => {
  it.each(broken)("%s -> %s (probe and load)", async (file, code) => {
    expect(await codeOf(probeTable(at(file)))).toBe(code);
    expect(await codeOf(readTable({ kind: "table", path: at(file) }))).toBe(code);
  });

  it.each<[string, Partial<TableSourceInput>, string]>([
    ["single-class.csv", {}, "E_TABLE_SINGLE_CLASS"],
    ["wrong-delimiter.csv", { delimiter: "," }, "E_TABLE_NO_FEATURES"],
    ["iris-mini.csv", { task: "regression" }, "E_TABLE_LABEL_TYPE"],
    ["iris-mini.csv", { label: "petals" }, "E_TABLE_COLUMN"],
    ["iris-mini.csv", { columns: [{ name: "sepal", role: "ignore" }] }, "E_TABLE_COLUMN"],
    ["iris-mini.csv", { columns: [{ name: "species", role: "ignore" }] }, "E_TABLE_OPTION"],
  ])("loading %s with %j -> %s", async (file, options, code) => {
    expect(await codeOf(readTable({ kind: "table", path: at(file), ...options }))).toBe(code);
  });
});

describe("loading and encoding", () => {
  it("strips the notes' hr suffixes and keeps 0/1 as classes", async () => {
    const t = await loadTable({ kind: "table", path: at("time-management.csv"), normalization: "none" });
    expect(t.shape).toEqual([4, 3]);
    expect(Array.from(t.features)).toEqual([2, 4, 9, 1, 2, 8, 5, 1, 9, 2, 2, 5]);
    expect(Array.from(t.labels)).toEqual([1, 0, 1, 0]);
    expect(t.classNames).toEqual(["0", "1"]);
    expect(t.featureNames).toEqual(["study", "play", "sleep"]);
  });

  it("one-hot and ordinal encoding, dates, booleans, and a regression label", async () => {
    const path = at("types.csv");
    const t = await loadTable({
      kind: "table",
      path,
      normalization: "none",
      columns: [{ name: "color", encoding: "onehot" }],
    });
    expect(t.featureNames).toEqual(["when", "flag", "color=blue", "color=green", "color=red", "value"]);
    expect(Array.from(t.features.subarray(0, 6))).toEqual([19723, 1, 0, 0, 1, 1]); // 2024-01-01 = day 19723
    expect(t.labels).toBeInstanceOf(Float32Array);
    expect(Array.from(t.labels)).toEqual([10.5, 11.25, 9.75, 12.5, 8]);
    const o = await loadTable({
      kind: "table",
      path,
      normalization: "none",
      columns: [{ name: "color", encoding: "ordinal" }],
    });
    expect(o.featureNames).toEqual(["when", "flag", "color", "value"]);
    expect(Array.from(o.features.filter((_, i) => i % 4 === 2))).toEqual([2, 1, 2, 0, 1]);
  });

  it("drops rows with missing values by default and reports how many", async () => {
    const t = await loadTable({ kind: "table", path: at("missing.csv") });
    expect(t.shape).toEqual([3, 2]);
    expect(t.warnings.find((w) => w.code === "W_TABLE_MISSING_DROPPED")?.message).toMatch(/dropped 3 of 6/);
  });

  it.each([
    ["mean", [3.6, 37.5]],
    ["median", [4, 35]],
    ["constant", [-1, -1]],
  ] as const)("fills missing values with the training %s", async (strategy, [fa, fb]) => {
    const missing = strategy === "constant" ? { strategy, value: -1 } : { strategy };
    const t = await loadTable({ kind: "table", path: at("missing.csv"), missing, normalization: "none" });
    expect(t.shape).toEqual([6, 2]);
    expect(t.features[2 * 2]).toBeCloseTo(fa, 5); // row 3: a = NA
    expect(t.features[0 * 2 + 1]).toBe(fb); // row 1: b empty
    expect(t.warnings.find((w) => w.code === "W_TABLE_MISSING_FILLED")?.message).toMatch(
      /filled 3 missing cell\(s\).*a: 1, b: 2/,
    );
  });

  it("fits normalization on the training rows only (no leakage from validation)", async () => {
    const rows = await readTable({ kind: "table", path: at("iris-mini.csv") });
    const train = [0, 1, 2, 5, 6, 7, 10, 11, 12];
    const t = encodeTable(rows, train);
    const w = t.shape[1];
    for (let f = 0; f < w; f++) {
      const col = train.map((r) => t.features[r * w + f]);
      const mean = col.reduce((a, b) => a + b, 0) / col.length;
      const std = Math.sqrt(col.reduce((a, b) => a + (b - mean) ** 2, 0) / col.length);
      expect(mean).toBeCloseTo(0, 5);
      expect(std).toBeCloseTo(1, 5);
    }
    // Changing a validation row changes nothing in the fitted statistics.
    const changed = {
      ...rows,
      values: rows.values.map((v) =>
        v.kind === "number" ? { kind: v.kind, values: v.values.map((x, r) => (r === 3 ? 1e6 : x)) } : v,
      ),
    };
    expect(encodeTable(changed, train).stats).toEqual(t.stats);
    // The saved statistics (plain JSON) encode other rows identically.
    const stats = JSON.parse(JSON.stringify(t.stats));
    expect(Array.from(applyTableStats(rows, stats).features)).toEqual(Array.from(t.features));
    const mm = encodeTable(
      await readTable({ kind: "table", path: at("iris-mini.csv"), normalization: "minmax" }),
      train,
    );
    const trainValues = train.flatMap((r) => Array.from(mm.features.subarray(r * w, r * w + w)));
    expect(Math.min(...trainValues)).toBe(0);
    expect(Math.max(...trainValues)).toBe(1);
  });

  it("keeps the schema's defaults usable and rejects a constant fill without a value", () => {
    const s = TableSourceSchema.parse({ kind: "table", path: "x.csv" });
    expect(s).toMatchObject({
      delimiter: "auto",
      header: "auto",
      normalization: "standardize",
      task: "auto",
      missing: { strategy: "drop" },
    });
    expect(
      TableSourceSchema.safeParse({ kind: "table", path: "x.csv", missing: { strategy: "constant" } }).success,
    ).toBe(false);
  });
});
