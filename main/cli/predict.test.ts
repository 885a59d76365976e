import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { type PredictionResult, PredictionResultSchema } from "../../shared/evaluation/report";
import type { RawSample } from "../../shared/evaluation/request";
import { sequential } from "../../shared/ir/builder";
import { BLUE, png, RED, validFolder } from "../data/image-folder/test-fixtures";
import { modelFromRunDir } from "../trainer/run/evaluate-model";
import { predictSamples } from "../trainer/run/evaluate-predict";
import { useBackend } from "../trainer/testing/tf-setup";
import { binary } from "./cli-testkit";

/**
 * `netforge predict` on raw data as a user runs it (real processes, real files), checked against
 * the Evaluate tab's Try it (predictSamples in this process, same backend, same checkpoint).
 */
const dir = mkdtempSync(join(tmpdir(), "netforge-predict-"));
const netforge = binary(dir);
const DATASETS = join(import.meta.dirname, "../../resources/datasets");
const WASM = ["--backend", "wasm"];

beforeAll(() => useBackend("wasm"));

/** Trains a project (graph, data spec, a few epochs) into a run folder. */
function train(name: string, graph: unknown, data: unknown, training: Record<string, unknown>): string {
  const project = { format: "netforge.project", version: 1, name, graph, data, training: { epochs: 1, ...training } };
  writeFileSync(join(dir, `${name}.netforge.json`), JSON.stringify(project));
  const runDir = join(dir, `${name}-run`);
  const r = netforge("train", `${name}.netforge.json`, "--out", runDir, ...WASM);
  expect(r.status, r.stderr).toBe(0);
  return runDir;
}

function predictJson(runDir: string, input: string): PredictionResult & { samples: string[] } {
  const r = netforge("predict", runDir, "--input", input, "--json", ...WASM);
  expect(r.status, r.stderr).toBe(0);
  const out = JSON.parse(r.stdout);
  expect(PredictionResultSchema.safeParse(out).success).toBe(true);
  return out;
}

async function tryIt(runDir: string, samples: RawSample[]): Promise<PredictionResult> {
  const m = await modelFromRunDir(runDir, {});
  try {
    return await predictSamples(m, samples);
  } finally {
    m.dispose();
  }
}

describe("netforge predict on a table run (iris)", () => {
  let run: string;
  beforeAll(() => {
    run = join(dir, "iris-run");
    const r = netforge("train", "iris", "--epochs", "2", "--out", run, ...WASM);
    expect(r.status, r.stderr).toBe(0);
  }, 120_000);

  it("reads a CSV's columns by name in any order, ignores extra ones, and answers as Try it does", async () => {
    const file = join(dir, "rows.csv");
    writeFileSync(
      file,
      "petal_width,note,sepal_length,petal_length,sepal_width\n0.2,first,5.1,1.4,3.5\n2.3,second,6.7,5.8,3.0\n1.3,,5.7,4.1,2.8\n",
    );
    const out = predictJson(run, file);
    expect(out.samples).toEqual(["row 2", "row 3", "row 4"]);
    const rows = [
      { sepal_length: "5.1", sepal_width: "3.5", petal_length: "1.4", petal_width: "0.2" },
      { sepal_length: "6.7", sepal_width: "3.0", petal_length: "5.8", petal_width: "2.3" },
      { sepal_length: "5.7", sepal_width: "2.8", petal_length: "4.1", petal_width: "1.3" },
    ];
    const want = await tryIt(
      run,
      rows.map((row) => ({ kind: "table", row })),
    );
    expect(out.predictions).toEqual(want.predictions);
    expect(out.classNames).toEqual(["setosa", "versicolor", "virginica"]);
    const text = netforge("predict", run, "--input", file, ...WASM);
    expect(text.status, text.stderr).toBe(0);
    expect(text.stderr).toContain("note: ignored column(s) the run does not use: note");
    const lines = text.stdout.trim().split("\n");
    expect(lines).toHaveLength(3);
    want.predictions.forEach((p, i) => {
      if (p.kind !== "class") throw new Error("expected a class");
      // The name, the predicted class with its probability, then the two others, most likely first.
      expect(lines[i]).toMatch(
        new RegExp(`^row ${i + 2}\\t${p.className} ${p.confidence.toFixed(4)}\\t\\w+ [\\d.]+\\t\\w+ [\\d.]+$`),
      );
    });
  }, 120_000);

  it("refuses a CSV missing a training column, and an image, naming what the run expects", async () => {
    const file = join(dir, "short.csv");
    writeFileSync(file, "sepal_length,petal_length\n5.1,1.4\n");
    const r = netforge("predict", run, "--input", file);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(
      `${file}: expected the run's column(s) "sepal_length", "sepal_width", "petal_length", "petal_width" by name; the file lacks "sepal_width", "petal_width"`,
    );
    const image = join(dir, "flower.png");
    writeFileSync(image, await png(8, 8, RED));
    const i = netforge("predict", run, "--input", image);
    expect(i.status).toBe(1);
    expect(i.stderr).toContain(
      'this run was trained on a table: --input expects a .csv with the columns "sepal_length", "sepal_width", "petal_length", "petal_width" by name (any order), or a .json array of rows; received an image (flower.png)',
    );
  });
});

describe("netforge predict on an image-folder run", () => {
  it("predicts every image of a folder, class subfolders walked, named by path, as Try it does", async () => {
    const root = await validFolder();
    const graph = sequential([8, 8, 3], ["Flatten"], ["Dense", { units: 2, activation: "softmax" }]);
    const data = { source: { kind: "imageFolder", path: root, targetSize: [8, 8], scale: "standardize" } };
    const run = train("images", graph, data, {
      loss: { type: "sparseCategoricalCrossentropy" },
      validation: { type: "none" },
    });
    const out = predictJson(run, root);
    expect(out.samples).toEqual(["cats/a.png", "cats/b.jpg", "cats/c.WEBP", "dogs/d.gif", "dogs/e.png"]);
    expect(out.classNames).toEqual(["cats", "dogs"]);
    const want = await tryIt(
      run,
      out.samples.map((f) => ({ kind: "image", path: join(root, f) })),
    );
    expect(out.predictions).toEqual(want.predictions);
    const one = join(dir, "blue.png");
    writeFileSync(one, await png(8, 8, BLUE));
    const r = netforge("predict", run, "--input", one, ...WASM);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^blue\.png\t(cats|dogs) [\d.]+\t(cats|dogs) [\d.]+\n$/);
  }, 120_000);
});

describe("netforge predict on a series run", () => {
  it("forecasts after a steps CSV's last window, per horizon step, in the target's units", async () => {
    const graph = sequential([12, 1], ["Flatten"], ["Dense", { units: 2 }]);
    const path = join(DATASETS, "seasonal-series.csv");
    const data = { source: { kind: "timeSeries", path, lookback: 12, horizon: 2, differencing: true } };
    const run = train("series", graph, data, { loss: { type: "meanSquaredError" }, metrics: [] });
    const lines = readFileSync(path, "utf8").trim().split("\n");
    const file = join(dir, "steps.csv");
    writeFileSync(file, `${[lines[0], ...lines.slice(-30)].join("\n")}\n`);
    const out = predictJson(run, file);
    expect(out.samples).toEqual(["after row 31"]);
    const steps = lines.slice(-13).map((l) => ({ value: l.split(",")[1] }));
    const want = await tryIt(run, [{ kind: "series", steps }]);
    expect(out.predictions).toEqual(want.predictions);
    expect(out.predictions[0]).toMatchObject({ kind: "values", shape: [2], names: ["value t+1", "value t+2"] });
    const r = netforge("predict", run, "--input", file, ...WASM);
    expect(r.stdout).toMatch(/^after row 31\tvalue t\+1 [\d.-]+\tvalue t\+2 [\d.-]+\n$/);
    expect(r.stderr).toContain("note: ignored column(s) the run does not use: date");
  }, 120_000);
});
