import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BLUE, GREEN, makeFolder, png, RED } from "../data/image-folder/test-fixtures";
import { seq2seqGraph } from "../trainer/testing/seq2seq-graph";
import { exportRun } from "./export";
import { expectRawAgreement, writeProject } from "./export-raw.testkit";
import { TrainerClient } from "./trainer-client";

/**
 * Raw-data exports of every other data kind: the file fed what the user's files hold (inline
 * values, uint8 pixels, raw series windows, token ids), NetForge's Try-it answers on the same samples.
 */
const dir = mkdtempSync(join(tmpdir(), "netforge-export-raw-kinds-"));
const RESOURCES = join(import.meta.dirname, "../../resources");
let trainer: TrainerClient;

beforeAll(async () => {
  trainer = await TrainerClient.start({ backend: "wasm" });
}, 60_000);
afterAll(() => trainer.shutdown());

describe("raw data of each kind", () => {
  it("inline values (xor): the values as given, the class and its probability", async () => {
    const project = join(RESOURCES, "templates/xor.netforge.json");
    const result = await exportRun({ project, out: join(dir, "xor.onnx"), trainer });
    expectRawAgreement(result, /inline samples/);
  }, 60_000);

  it("IDX images (fashion-mnist-mlp): uint8 pixels in, the class name out", async () => {
    const project = join(RESOURCES, "templates/fashion-mnist-mlp.netforge.json");
    const result = await exportRun({ project, out: join(dir, "fashion.onnx"), trainer, samples: 16 });
    expectRawAgreement(result, /^validation images of train-images-idx3-ubyte\.gz$/);
    expect(result.inputs).toEqual([{ name: "pixels", dtype: "uint8", shape: ["N", 28, 28] }]);
    expect(result.rawCheck?.count).toBe(16);
  }, 60_000);

  for (const color of ["grayscale", "rgb"] as const) {
    it(`an image folder (${color}, standardized): files decoded at the trained size as uint8`, async () => {
      const folder = await makeFolder({
        "red/a.png": await png(10, 6, RED),
        "red/b.png": await png(7, 9, [200, 30, 40]),
        "red/c.png": await png(8, 8, [250, 90, 10]),
        "green/a.png": await png(9, 9, GREEN),
        "green/b.png": await png(6, 6, [30, 200, 60]),
        "green/c.png": await png(8, 5, [90, 250, 120]),
        "blue/a.png": await png(8, 8, BLUE),
        "blue/b.png": await png(12, 8, [20, 40, 220]),
        "blue/c.png": await png(8, 8, [60, 80, 250]),
      });
      const c = color === "rgb" ? 3 : 1;
      const project = writeProject(dir, `images-${color}`, {
        shape: [6, 6, c],
        layers: [["Flatten"], ["Dense", { units: 3, activation: "softmax" }]],
        data: {
          source: { kind: "imageFolder", path: folder, targetSize: [6, 6], color, scale: "standardize" },
          split: { seed: 1, validation: 0.34, test: 0 },
        },
      });
      const result = await exportRun({ project, out: join(dir, `images-${color}.onnx`), trainer });
      expectRawAgreement(result, /^validation images of netforge-imgfolder-/);
      expect(result.inputs).toEqual([{ name: "pixels", dtype: "uint8", shape: ["N", 6, 6, c] }]);
      expect(result.rawCheck?.shown[0].input).toMatchObject({ kind: "image", shape: [6, 6, c] });
    }, 60_000);
  }

  for (const differencing of [false, true]) {
    it(`a time series${differencing ? " with differencing" : ""}: raw windows in, the forecast in the series' units`, async () => {
      const project = writeProject(dir, `series-${differencing}`, {
        shape: [12, 1],
        layers: [["Flatten"], ["Dense", { units: 3 }]],
        data: {
          source: {
            kind: "timeSeries",
            path: join(RESOURCES, "datasets/seasonal-series.csv"),
            target: "value",
            lookback: 12,
            horizon: 3,
            differencing,
            scaling: "standardize",
          },
          split: { seed: 1, validation: 0.2, test: 0 },
        },
        training: { loss: { type: "meanSquaredError" }, validation: { type: "split", fraction: 0.2 } },
      });
      const result = await exportRun({ project, out: join(dir, `series-${differencing}.onnx`), trainer });
      expectRawAgreement(result, /^validation windows of seasonal-series\.csv$/);
      expect(result.inputs[0]).toMatchObject({
        name: "window",
        dtype: "float32",
        shape: ["N", 12 + (differencing ? 1 : 0), 1],
      });
    }, 60_000);
  }

  it("text (product remarks): token ids made with the run's vocabulary, the vocabulary beside the file", async () => {
    const project = writeProject(dir, "remarks", {
      shape: [16],
      dtype: "int32",
      layers: [
        ["Embedding", { inputDim: 400, outputDim: 8 }],
        ["GlobalAveragePooling1D"],
        ["Dense", { units: 2, activation: "softmax" }],
      ],
      data: {
        source: {
          kind: "text",
          path: join(RESOURCES, "datasets/product-remarks.csv"),
          format: "table",
          maxLength: 16,
          tokenizer: { vocabSize: 400 },
        },
        split: { seed: 1, validation: 0.2, test: 0 },
      },
    });
    const out = join(dir, "remarks.onnx");
    const result = await exportRun({ project, out, trainer });
    expectRawAgreement(result, /^validation texts of product-remarks\.csv$/);
    expect(result.beside.sort()).toEqual([join(dir, "remarks.README.md"), join(dir, "remarks.vocabulary.json")]);
    const vocabulary = JSON.parse(readFileSync(join(dir, "remarks.vocabulary.json"), "utf8"));
    expect(vocabulary).toMatchObject({ kind: "text", maxLength: 16, classNames: ["negative", "positive"] });
    expect(result.rawCheck?.shown[0].input.kind).toBe("text");
  }, 60_000);

  it("sentence pairs (dates to ISO): encoder and decoder ids in, per-step probabilities and tokens out", async () => {
    const L = 10;
    const path = join(dir, "dates.netforge.json");
    const data = {
      source: {
        kind: "sentencePairs",
        path: join(RESOURCES, "datasets/dates-to-iso.csv"),
        maxLength: L,
        tokenizer: { vocabSize: 300 },
      },
      split: { seed: 1, validation: 0.2, test: 0 },
    };
    const training = { loss: { type: "sparseCategoricalCrossentropy" }, validation: { type: "split", fraction: 0.2 } };
    writeFileSync(
      path,
      JSON.stringify({
        format: "netforge.project",
        version: 1,
        name: "dates",
        graph: seq2seqGraph(L, 300),
        data,
        training,
      }),
    );
    const result = await exportRun({ project: path, out: join(dir, "dates.onnx"), trainer, samples: 32 });
    expectRawAgreement(result, /^validation pairs of dates-to-iso\.csv$/);
    expect(result.inputs.map((i) => i.dtype)).toEqual(["int32", "int32"]);
    expect(result.outputs.map((o) => [o.name, o.dtype])).toEqual([
      ["probabilities", "float32"],
      ["tokens", "string"],
    ]);
    expect(result.beside.sort()).toEqual([join(dir, "dates.README.md"), join(dir, "dates.vocabulary.json")]);
  }, 120_000);

  it("a GAN trained on a table: the generator takes its noise as given, its samples pass through", async () => {
    const rows = Array.from({ length: 24 }, (_, i) => {
      const a = (2 * Math.PI * i) / 24;
      return `${(2 * Math.cos(a)).toFixed(4)},${(2 * Math.sin(a)).toFixed(4)}`;
    });
    const csv = join(dir, "ring.csv");
    writeFileSync(csv, `x,y\n${rows.join("\n")}\n`);
    const doc = JSON.parse(readFileSync(join(RESOURCES, "templates/gan-ring.netforge.json"), "utf8"));
    const path = join(dir, "gan-table.netforge.json");
    writeFileSync(path, JSON.stringify({ ...doc, data: { source: { kind: "table", path: csv } } }));
    const result = await exportRun({ project: path, out: join(dir, "gan-table.onnx"), trainer, samples: 8 });
    expect(result.verified).toBe(true);
    expect(result.rawCheck).toMatchObject({ source: "seeded random inputs", agree: 8, count: 8 });
    expect(result.outputs).toHaveLength(1);
    expect(result.outputs[0].dtype).toBe("float32");
  }, 60_000);
});
