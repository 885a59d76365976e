import { writeFileSync } from "node:fs";
import { join } from "node:path";
import * as ort from "onnxruntime-node";
import { describe, expect, it } from "vitest";
import { sequential } from "../../../shared/ir/builder";
import { applyTableStats, encodeTable, readTable, type TableRows } from "../../data/table/index";
import { argmax, build, dense, maxAbsDiff, run, softmax, tempDir, training } from "./pipeline.testkit";

/**
 * A table with categories (one-hot and ordinal), a unit-suffixed number, a boolean, a date and
 * missing cells, fitted by NetForge; then rows with unseen categories and missing-value tokens
 * go raw into the file and through applyTableStats: the same encoding, the same answers.
 */

const dir = tempDir();
const HEADER = "color,size,weight,fresh,picked,kind";
const TRAIN = [
  "red,small,2kg,yes,2024-01-03,car",
  "blue,large,5kg,no,2024-02-10,truck",
  "green,small,3kg,yes,2024-01-20,car",
  "red,medium,,no,2024-03-01,van",
  "blue,large,6kg,yes,,truck",
  ",small,2kg,,2024-02-02,car",
  "green,medium,4kg,no,2024-01-11,van",
  "red,large,7kg,yes,2024-03-15,truck",
];
// Unseen categories (purple, huge), missing tokens NetForge reads as missing (NA, "", ?), spaces.
const PREDICT = [
  "purple,small,3kg,yes,2024-02-01,car",
  "NA,huge,4kg,no,2024-02-15,van",
  "blue,,NA,yes,2024-01-05,truck",
  " red ,medium,5kg,NA,2024-03-02,car",
  "?,large,1kg,no,2023-12-30,truck",
];

function csv(name: string, lines: string[]): string {
  const path = join(dir, name);
  writeFileSync(path, `${[HEADER, ...lines].join("\n")}\n`);
  return path;
}

const SOURCE = { columns: [{ name: "size", encoding: "ordinal" }], missing: { strategy: "mean" } };

/** Feeds as a user builds them from the file: category cells as written (trimmed), numbers parsed. */
function feeds(
  rows: TableRows,
  lines: string[],
  ports: { name: string }[],
  header = HEADER,
): Record<string, ort.Tensor> {
  const cells = lines.map((l) => l.split(","));
  const n = lines.length;
  return Object.fromEntries(
    rows.values.map((v, i) => {
      const col = header.split(",").indexOf(rows.features[i].name);
      const t =
        v.kind === "number"
          ? new ort.Tensor("float32", Float32Array.from(v.values), [n, 1])
          : new ort.Tensor(
              "string",
              cells.map((c) => c[col].trim()),
              [n, 1],
            );
      return [ports[i].name, t];
    }),
  );
}

describe("table pipeline with categories", () => {
  it("unseen categories, missing cells, units, booleans and dates answer as NetForge does", async () => {
    const source = { kind: "table" as const, ...SOURCE };
    const trained = await readTable({ ...source, path: csv("train.csv", TRAIN) } as never);
    const enc = encodeTable(trained);
    expect(enc.stats.features.map((f) => f.type)).toEqual(["categorical", "categorical", "numeric", "boolean", "date"]);
    const pre = { kind: "table", featureNames: enc.featureNames, classNames: enc.classNames, stats: enc.stats };
    const width = enc.featureNames.length;
    const b = await build(dir, "categories", sequential([width], ["Dense", { units: 3 }]), {
      preprocessing: pre,
      source: null,
      classNames: enc.classNames,
      training: training({ loss: { type: "sparseCategoricalCrossentropy", fromLogits: true } }),
      options: { inputs: "raw", tableInputs: "columns" },
    });
    expect(b.description.inputs.map((p) => `${p.name}:${p.dtype}`)).toEqual([
      "color:string",
      "size:string",
      "weight:float32",
      "fresh:float32",
      "picked:float32",
    ]);
    expect(b.description.userSteps.join(" ")).toMatch(/"weight".*"kg".*"2kg" -> 2/);
    expect(b.description.steps.join(" ")).toMatch(/unknown category gives all zeros/);
    expect(b.description.steps.join(" ")).toMatch(/unknown category gives -1/);

    const predicted = await readTable({ ...source, path: csv("predict.csv", PREDICT) } as never);
    const x = applyTableStats(predicted, enc.stats).features;
    // NetForge's own encoding: purple is all zeros, huge is -1, NA/? take the color's fill.
    const colors = enc.stats.features[0].categories as string[];
    expect(Array.from(x.slice(0, colors.length))).toEqual(colors.map(() => 0));
    expect(x[width + colors.length]).toBe(-1);
    const out = await run(b.session, feeds(predicted, PREDICT, b.description.inputs));
    const want = dense(x, PREDICT.length, b.weights[b.analysis.outputs[0]]).map(softmax);
    expect(maxAbsDiff(out.probabilities.data as Float32Array, want.flat())).toBeLessThan(1e-5);
    expect(out.label.data).toEqual(want.map((p) => enc.classNames[argmax(p)]));
  });

  it("a category column with no value in the training rows encodes every row as unknown", async () => {
    const lines = ["a,b,x,kind", ",,1,p", ",,2,q", ",,3,p", ",,4,q", "red,big,5,p", "blue,small,6,q"];
    const path = join(dir, "sparse.csv");
    writeFileSync(path, `${lines.join("\n")}\n`);
    const source = {
      kind: "table" as const,
      path,
      columns: [{ name: "b", encoding: "ordinal" }],
      missing: { strategy: "mode" },
    };
    const rows = await readTable(source as never);
    const enc = encodeTable(rows, [0, 1, 2, 3]);
    expect(enc.stats.features.map((f) => f.categories)).toEqual([[], [], undefined]);
    const pre = { kind: "table", featureNames: enc.featureNames, classNames: enc.classNames, stats: enc.stats };
    const b = await build(dir, "sparse", sequential([enc.featureNames.length], ["Dense", { units: 2 }]), {
      preprocessing: pre,
      source: null,
      classNames: enc.classNames,
      training: training({ loss: { type: "sparseCategoricalCrossentropy", fromLogits: true } }),
      options: { inputs: "raw", tableInputs: "columns" },
    });
    const out = await run(b.session, feeds(rows, lines.slice(1), b.description.inputs, lines[0]));
    const x = applyTableStats(rows, enc.stats).features;
    const want = dense(x, rows.labels.length, b.weights[b.analysis.outputs[0]]).map(softmax);
    expect(maxAbsDiff(out.probabilities.data as Float32Array, want.flat())).toBeLessThan(1e-5);
  });
});
