import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { VERIFY_TOLERANCE } from "../../shared/onnx/result";
import type { RawTensor } from "../../shared/onnx/trainer-job";
import { readPredictInput } from "../cli/predict-input";
import { readPredictRun } from "../cli/predict-run";
import { trainedRuns } from "../trainer/run/evaluate-fixtures";
import { modelFromRunDir } from "../trainer/run/evaluate-model";
import { predictSamples } from "../trainer/run/evaluate-predict";
import { exportRun } from "./export";
import { expectRawAgreement } from "./export-raw.testkit";
import { runOnnxRaw } from "./export-verify";
import { TrainerClient } from "./trainer-client";

/**
 * The fruit template (issue 14's table with category features and unit-suffixed numbers), trained
 * a few epochs on its bundled fruit.csv, exported with raw inputs: the file takes the colour and
 * origin as strings and the numbers without their unit, agrees with NetForge on every validation
 * row, and answers a fruit with a colour and an origin never seen in training as NetForge's
 * predict path (the CLI's reading of a CSV, then Try it's predictSamples) does.
 */
const trained = trainedRuns();
const dir = mkdtempSync(join(tmpdir(), "netforge-export-fruit-"));
let trainer: TrainerClient;

beforeAll(async () => {
  trainer = await TrainerClient.start({ backend: "wasm" });
}, 60_000);
afterAll(() => trainer.shutdown());

/** Rows as a user writes them, units included; the first two hold a colour and an origin training never saw. */
const UNSEEN = [
  ["brown", "180g", "7.6cm", "Peru"],
  ["yellow", "95g", "5.8cm", "Peru"],
  ["brown", "60g", "4.6cm", "Chile"],
  ["orange", "170g", "7.5cm", "Spain"],
];

describe("the fruit template exported on raw data", () => {
  let runDir: string;
  let file: string;

  it("takes the category columns as strings and agrees with NetForge on every validation row", async () => {
    runDir = (await trained("fruit", { epochs: 5 })).runDir;
    file = join(dir, "fruit.onnx");
    const result = await exportRun({ runDir, out: file, trainer, samples: 80 });
    expectRawAgreement(result, /^validation rows of fruit\.csv$/);
    expect(result.inputs.map((i) => [i.name, i.dtype])).toEqual([
      ["colour", "string"],
      ["weight", "float32"],
      ["diameter", "float32"],
      ["origin", "string"],
    ]);
    expect(result.pipeline?.inputs.map((i) => i.dtype)).toEqual(["string", "float32", "float32", "string"]);
    // Stripping the unit is the caller's job in the file; the pipeline says so.
    expect(result.pipeline?.userSteps.join("; ")).toMatch(/weight.*g/);
    // Every validation fruit (80 of 400; the check takes 64 by default), not a sample of them.
    expect(result.rawCheck).toMatchObject({ count: 80, agree: 80 });
    // The report shows the cells as written, units included.
    for (const s of result.rawCheck?.shown ?? [])
      expect(s.input.kind === "table" && /^\d+g$/.test(String(s.input.values[1]))).toBe(true);
  }, 180_000);

  it("answers a colour and an origin never seen in training as NetForge's predict does", async () => {
    const csv = join(dir, "unseen.csv");
    writeFileSync(csv, `colour,weight,diameter,origin\n${UNSEEN.map((r) => r.join(",")).join("\n")}\n`);
    const input = await readPredictInput(csv, await readPredictRun(runDir));
    const m = await modelFromRunDir(runDir, {});
    const netforge = await predictSamples(m, input.samples).finally(() => m.dispose());
    // NetForge says which values it did not know (all-zero one-hot columns, as the file does).
    expect(netforge.warnings[0].join("; ")).toMatch(/colour: "brown" was not seen in training/);
    expect(netforge.warnings[0].join("; ")).toMatch(/origin: "Peru" was not seen in training/);
    expect(netforge.warnings[3]).toEqual([]);

    const n = UNSEEN.length;
    const strings = (name: string, col: number): RawTensor => ({
      name,
      dtype: "string",
      shape: [n, 1],
      data: UNSEEN.map((r) => r[col]),
    });
    const numbers = (name: string, col: number): RawTensor => ({
      name,
      dtype: "float32",
      shape: [n, 1],
      data: Float32Array.from(UNSEEN, (r) => Number.parseFloat(r[col])),
    });
    const feeds = [strings("colour", 0), numbers("weight", 1), numbers("diameter", 2), strings("origin", 3)];
    const [probabilities, label] = await runOnnxRaw(file, feeds, ["probabilities", "label"]);
    expect(probabilities.shape).toEqual([n, 5]);
    netforge.predictions.forEach((p, i) => {
      if (p.kind !== "class") throw new Error(`expected a class, received ${p.kind}`);
      expect((label.data as string[])[i]).toBe(p.className);
      const row = Array.from(probabilities.data as Float32Array).slice(i * 5, (i + 1) * 5);
      const diff = Math.max(...row.map((v, j) => Math.abs(v - p.probabilities[j])));
      expect(diff).toBeLessThanOrEqual(VERIFY_TOLERANCE);
    });
  }, 120_000);
});
