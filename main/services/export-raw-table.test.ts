import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { VERIFY_TOLERANCE } from "../../shared/onnx/result";
import type { RawTensor } from "../../shared/onnx/trainer-job";
import { exportRun } from "./export";
import { expectRawAgreement, writeProject } from "./export-raw.testkit";
import { checkRaw } from "./export-raw-check";
import { runOnnxRaw } from "./export-verify";
import { TrainerClient } from "./trainer-client";

/**
 * Exports of tables that take the user's raw columns: a real trainer, the bundled data files,
 * onnxruntime-node on the file, NetForge's Try-it answers on the same rows.
 */
const dir = mkdtempSync(join(tmpdir(), "netforge-export-raw-table-"));
const TEMPLATES = join(import.meta.dirname, "../../resources/templates");
const IRIS = join(TEMPLATES, "iris.netforge.json");
let trainer: TrainerClient;

beforeAll(async () => {
  trainer = await TrainerClient.start({ backend: "wasm" });
}, 60_000);
afterAll(() => trainer.shutdown());

/**
 * Parcels: a weight with its unit ("12kg"), a colour (a category) and a size; the last rows hold
 * a colour training never saw ("purple"), and the split keeps file order, so they are validation rows.
 */
function parcels(): string {
  const colours = ["red", "green", "blue"];
  const lines = ["weight,colour,size,kind"];
  for (let i = 0; i < 40; i++) {
    const colour = i >= 36 ? "purple" : colours[i % 3];
    const weight = i === 33 ? "" : `${(3 + ((i * 7) % 23)) / 2}kg`;
    lines.push(`${weight},${colour},${(i * 13) % 17},${i % 2 === 0 ? "box" : "tube"}`);
  }
  const csv = join(dir, "parcels.csv");
  writeFileSync(csv, `${lines.join("\n")}\n`);
  return writeProject(dir, "parcels", {
    shape: [5],
    layers: [
      ["Dense", { units: 6, activation: "tanh" }],
      ["Dense", { units: 2, activation: "softmax" }],
    ],
    data: {
      source: { kind: "table", path: csv, label: "kind", missing: { strategy: "mean" } },
      split: { seed: 1, validation: 0.2, test: 0, shuffle: false, stratify: false },
    },
  });
}

describe("raw tables", () => {
  it("iris: one input per column, probabilities and the class name, agreeing on every validation row", async () => {
    const out = join(dir, "iris.onnx");
    const result = await exportRun({ project: IRIS, out, trainer });
    expectRawAgreement(result, /^validation rows of iris\.csv$/);
    expect(result.inputs.map((i) => [i.name, i.dtype])).toEqual([
      ["sepal_length", "float32"],
      ["sepal_width", "float32"],
      ["petal_length", "float32"],
      ["petal_width", "float32"],
    ]);
    expect(result.outputs.map((o) => o.dtype)).toContain("string");
    expect(result.rawCheck?.count).toBe(30);
    expect(result.rawCheck?.shown[0].input.kind).toBe("table");
    expect(result.rawCheck?.shown[0].netforge).toMatch(/^(setosa|versicolor|virginica) \d\.\d\d$/);
  }, 60_000);

  it("iris with table inputs as one matrix", async () => {
    const out = join(dir, "iris-matrix.onnx");
    const result = await exportRun({ project: IRIS, out, trainer, tableInputs: "matrix" });
    expectRawAgreement(result, /iris\.csv/);
    expect(result.inputs).toHaveLength(1);
    expect(result.inputs[0]).toMatchObject({ dtype: "float32", shape: ["N", 4] });
  }, 60_000);

  it("units stripped, a category column as strings, a missing cell (filled with the mean) and a colour never seen in training agree", async () => {
    const project = parcels();
    const result = await exportRun({ project, out: join(dir, "parcels.onnx"), trainer });
    expectRawAgreement(result, /^validation rows of parcels\.csv$/);
    expect(result.inputs.map((i) => [i.name, i.dtype])).toEqual([
      ["weight", "float32"],
      ["colour", "string"],
      ["size", "float32"],
    ]);
    const unseen = result.rawCheck?.shown.filter((s) => s.input.kind === "table" && s.input.values.includes("purple"));
    expect(unseen?.length).toBeGreaterThan(0);
    const missing = result.rawCheck?.shown.filter((s) => s.input.kind === "table" && s.input.values[0] === null);
    expect(missing?.length).toBe(1);
  }, 60_000);

  it("refuses matrix inputs for a table with a category column, naming what it expected and received", async () => {
    const project = parcels();
    const err = await exportRun({
      project,
      out: join(dir, "parcels-matrix.onnx"),
      trainer,
      tableInputs: "matrix",
    }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "E_EXPORT_PIPELINE" });
    expect((err as Error).message).toMatch(/colour/);
  }, 60_000);

  it("bare: the network alone, checked on preprocessed inputs as before, and flagged", async () => {
    const out = join(dir, "iris-bare.onnx");
    const result = await exportRun({ project: IRIS, out, trainer, inputs: "bare" });
    expect(result).toMatchObject({
      verified: true,
      rawCheck: null,
      inputs: [{ name: "input_1", dtype: "float32", shape: ["N", 4] }],
      outputs: [{ name: "dense_2", dtype: "float32", shape: ["N", 3] }],
      pipeline: { mode: "bare" },
    });
    expect(result.warnings.find((w) => w.startsWith("expects preprocessed inputs: "))).toMatch(/sepal_length/);
  }, 60_000);
});

describe("the raw check's verdict", () => {
  it("fails on a differing label as on a differing probability, and passes the file's own answers", async () => {
    const out = join(dir, "iris-verdict.onnx");
    await exportRun({ project: IRIS, out, trainer });
    const column = (name: string, v: number[]): RawTensor => ({
      name,
      dtype: "float32",
      shape: [v.length, 1],
      data: Float32Array.from(v),
    });
    const feeds = [
      column("sepal_length", [5.1, 6.7]),
      column("sepal_width", [3.5, 3.1]),
      column("petal_length", [1.4, 5.6]),
      column("petal_width", [0.2, 2.4]),
    ];
    const [probabilities, label] = await runOnnxRaw(out, feeds, ["probabilities", "label"]);
    const answers = (p: Float32Array, l: string[]): RawTensor[] => [
      { name: "probabilities", dtype: "float32", shape: probabilities.shape, data: p },
      { name: "label", dtype: "string", shape: label.shape, data: l },
    ];
    const sample = (expected: RawTensor[]) => ({ source: "two rows", feeds, expected, shown: [] });
    const own = await checkRaw(out, sample(answers(probabilities.data as Float32Array, label.data as string[])));
    expect(own.comparison).toMatchObject({ maxAbsDiff: 0, problem: null });
    expect(own.rawCheck).toMatchObject({ agree: 2, count: 2 });

    const wrongLabel = [...(label.data as string[])];
    wrongLabel[1] = wrongLabel[1] === "setosa" ? "virginica" : "setosa";
    const relabeled = await checkRaw(out, sample(answers(probabilities.data as Float32Array, wrongLabel)));
    expect(relabeled.comparison.problem).toMatch(/^label "label" differs on 1 of 2 sample\(s\) \(sample 2: file /);
    expect(relabeled.rawCheck).toMatchObject({ agree: 1, count: 2 });

    const shifted = Float32Array.from(probabilities.data as Float32Array, (v, i) => (i === 0 ? v + 1e-3 : v));
    const moved = await checkRaw(out, sample(answers(shifted, label.data as string[])));
    expect(moved.comparison.maxAbsDiff).toBeGreaterThan(VERIFY_TOLERANCE);
    expect(moved.rawCheck).toMatchObject({ agree: 1, count: 2 });
  }, 60_000);
});
