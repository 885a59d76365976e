import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sequential } from "../../shared/ir/builder";
import { METADATA_KEYS } from "../../shared/onnx/metadata";
import { ExportResultSchema, VERIFY_TOLERANCE } from "../../shared/onnx/result";
import { loadTrainable, writeRunRecord } from "../cli/trainable";
import { pythonOnnxCheck, pythonOnnxMissing } from "../trainer/export/parity.testkit";
import { template } from "../trainer/testing/run-template";
import { ExportError, exportReadiness, exportRun } from "./export";
import { DESCRIPTION_FILE } from "./export-description";
import { TrainerClient } from "./trainer-client";

/**
 * The export service as the app and the CLI use it: a real trainer process (wasm) produces the
 * model and its predictions, onnxruntime-node runs the written file, real files on disk.
 */
const dir = mkdtempSync(join(tmpdir(), "netforge-export-"));
let trainer: TrainerClient;

function project(name: string, doc: unknown): string {
  const path = join(dir, `${name}.netforge.json`);
  writeFileSync(path, JSON.stringify(doc));
  return path;
}

/** A run folder as `netforge train` leaves it: run.json, then the trainer's checkpoints. */
async function trainRun(templateName: string, epochs: number): Promise<string> {
  const t = await loadTrainable(templateName, undefined);
  const runDir = join(dir, `${templateName}-run`);
  const training = { ...t.training, epochs };
  await writeRunRecord(runDir, {
    runId: `${templateName}-run`,
    source: t.source,
    name: t.name,
    graph: t.graph,
    training,
    data: t.dataSummary,
  });
  trainer.send({ type: "start", runId: `${templateName}-run`, graph: t.graph, training, data: t.data, runDir });
  const end = await trainer.waitForEnd(`${templateName}-run`);
  expect(end.type, JSON.stringify(end)).toBe("done");
  return runDir;
}

/**
 * Embedding(maskZero) -> Dense -> LSTM: tfjs carries the mask through the Dense and skips the
 * padding steps; the file passes sequence lengths only to a recurrent layer fed directly by the
 * Embedding, so here it runs the padding steps. Every token embeds to ones, so they move the LSTM
 * state well past the tolerance.
 */
const masked = {
  format: "netforge.project",
  version: 1,
  name: "masked",
  graph: {
    ...sequential(
      [6],
      ["Embedding", { inputDim: 10, outputDim: 4, maskZero: true, embeddingsInitializer: "ones" }],
      ["Dense", { units: 4 }],
      ["LSTM", { units: 3 }],
      ["Dense", { units: 2, activation: "softmax" }],
    ),
  },
  data: {
    kind: "inline",
    x: [
      [1, 2, 3, 0, 0, 0],
      [4, 5, 0, 0, 0, 0],
      [6, 7, 8, 9, 0, 0],
      [2, 2, 0, 0, 0, 0],
    ],
    y: [0, 1, 0, 1],
  },
  training: { loss: { type: "sparseCategoricalCrossentropy" } },
};
(masked.graph.nodes[0].params as { dtype?: string }).dtype = "int32";

const noTemp = () => expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);

beforeAll(async () => {
  trainer = await TrainerClient.start({ backend: "wasm" });
}, 60_000);
afterAll(() => trainer.shutdown());

describe("exportRun from a trained run", () => {
  let runDir: string;
  beforeAll(async () => {
    runDir = await trainRun("iris", 3);
  }, 120_000);

  it("writes a verified ONNX file that takes the raw columns, with the run's class names and normalization", async () => {
    const out = join(dir, "iris.onnx");
    const result = await exportRun({ runDir, out, trainer });
    expect(ExportResultSchema.parse(result)).toEqual(result);
    const column = (name: string) => ({ name, dtype: "float32", shape: ["N", 1] });
    expect(result).toMatchObject({
      file: out,
      format: "onnx",
      opset: 17,
      irVersion: 8,
      inputs: ["sepal_length", "sepal_width", "petal_length", "petal_width"].map(column),
      outputs: [
        { name: "probabilities", dtype: "float32", shape: ["N", 3] },
        { name: "label", dtype: "string", shape: ["N"] },
      ],
      verified: true,
      samples: 30, // iris' 20% validation part
      warnings: [],
      pipeline: { mode: "raw" },
      rawCheck: { source: "validation rows of iris.csv", agree: 30, count: 30 },
    });
    expect(result.maxAbsDiff).toBeLessThan(1e-5);
    const text = readFileSync(out).toString("latin1");
    expect(text).toContain(METADATA_KEYS.classNames);
    expect(text).toContain('["setosa","versicolor","virginica"]');
    expect(text).toContain(METADATA_KEYS.normalization);
    expect(text).toContain("checkpoint best");
    noTemp();
    const missing = pythonOnnxMissing();
    if (!missing) expect(pythonOnnxCheck(dir, [out])).toEqual([]);
  }, 60_000);

  it("writes the tfjs layers format with a run description, read back exactly", async () => {
    const out = join(dir, "iris-tfjs");
    const result = await exportRun({ runDir, out, format: "tfjs", trainer });
    expect(result).toMatchObject({
      file: out,
      format: "tfjs",
      opset: null,
      irVersion: null,
      verified: true,
      maxAbsDiff: 0,
    });
    expect(readdirSync(out).sort()).toEqual(["model.json", DESCRIPTION_FILE, "weights.bin"].sort());
    const description = JSON.parse(readFileSync(join(out, DESCRIPTION_FILE), "utf8"));
    expect(description).toMatchObject({
      format: "netforge.runDescription",
      run: { id: "iris-run", name: "Iris flowers" },
      weights: "checkpoint best",
      backend: { export: "wasm" },
      training: { epochs: 3 },
      data: { classNames: ["setosa", "versicolor", "virginica"], preprocessing: { kind: "table" } },
    });
    expect(description.metrics.history).toHaveLength(3);
    expect(description.metrics.best.val_loss.value).toBeLessThanOrEqual(description.metrics.final.val_loss);
    // Exporting again replaces the folder whole.
    await exportRun({ runDir, out, format: "tfjs", trainer, verify: false });
    expect(readdirSync(out)).toHaveLength(3);
    noTemp();
  }, 60_000);

  it("refuses a run without a checkpoint, and an ONNX target that is a folder", async () => {
    const empty = join(dir, "empty-run");
    mkdirSync(empty, { recursive: true });
    writeFileSync(join(empty, "run.json"), JSON.stringify({ graph: template("xor").graph }));
    await expect(exportRun({ runDir: empty, out: join(dir, "x.onnx"), trainer })).rejects.toMatchObject({
      code: "E_EXPORT_NO_CHECKPOINT",
    });
    await expect(exportRun({ runDir, out: dir, trainer })).rejects.toMatchObject({ code: "E_EXPORT_OUT" });
  });
});

describe("exportRun from a trained GAN run", () => {
  it("exports the discriminator with its trained weights on request, beside the generator", async () => {
    const runDir = await trainRun("gan-ring", 2);
    const both = await exportRun({ runDir, out: join(dir, "gan-run-both.onnx"), discriminator: true, trainer });
    expect(both.outputs.map((o) => o.name)).toEqual(["gan_generator_1", "gan_discriminator_1"]);
    expect(both.verified).toBe(true);
    expect(both.warnings).not.toContain("untrained: exported with freshly initialised weights, not a trained model");
  }, 60_000);
});

describe("exportRun from a project (fresh weights)", () => {
  it("exports and verifies, warning that the weights are untrained", async () => {
    const out = join(dir, "xor.onnx");
    const result = await exportRun({ project: project("xor", template("xor")), out, trainer });
    expect(result).toMatchObject({ file: out, verified: true, samples: 4 });
    expect(result.warnings).toEqual(["untrained: exported with freshly initialised weights, not a trained model"]);
    expect(existsSync(out)).toBe(true);
  }, 60_000);

  it("a GAN exports its generator, and its discriminator on request", async () => {
    const path = project("gan", template("gan-ring"));
    const generator = await exportRun({ project: path, out: join(dir, "gan.onnx"), trainer });
    expect(generator.outputs.map((o) => o.name)).toEqual(["gan_generator_1"]);
    expect(generator.readiness.counts.excluded).toBeGreaterThan(0);
    const both = await exportRun({ project: path, out: join(dir, "gan-both.onnx"), discriminator: true, trainer });
    expect(both.outputs.map((o) => o.name)).toEqual(["gan_generator_1", "gan_discriminator_1"]);
    expect(both.verified).toBe(true);
  }, 60_000);

  it("Embedding(maskZero) into a GRU exports and verifies: the file stops at each sequence's length", async () => {
    const graph = sequential(
      [6],
      ["Embedding", { inputDim: 10, outputDim: 4, maskZero: true }],
      ["GRU", { units: 3 }],
      ["Dense", { units: 2, activation: "softmax" }],
    );
    (graph.nodes[0].params as { dtype?: string }).dtype = "int32";
    const doc = { ...masked, name: "masked-gru", graph, data: null };
    const result = await exportRun({ project: project("masked-gru", doc), out: join(dir, "masked-gru.onnx"), trainer });
    // No data: the verification ids are random, padded at the end as text is.
    expect(result.verified).toBe(true);
    expect(result.maxAbsDiff).toBeLessThan(VERIFY_TOLERANCE);
  }, 60_000);

  it("fails verification when the file computes something else, deletes the file, keeps it on request", async () => {
    const path = project("masked", masked);
    const out = join(dir, "masked.onnx");
    const failed = await exportRun({ project: path, out, trainer });
    expect(failed.verified).toBe(false);
    expect(failed.file).toBeNull();
    expect(failed.maxAbsDiff).toBeGreaterThan(VERIFY_TOLERANCE);
    expect(failed.samples).toBe(4);
    expect(failed.warnings.join("\n")).toContain("the file was deleted");
    expect(failed.warnings.join("\n")).toContain('Embedding "embedding_1" is approximated');
    expect(existsSync(out)).toBe(false);
    noTemp();
    const kept = await exportRun({ project: path, out, trainer, keepOnFailure: true });
    expect(kept).toMatchObject({ file: out, verified: false });
    expect(kept.warnings.join("\n")).toContain("do not trust it");
    expect(existsSync(out)).toBe(true);
  }, 60_000);

  it("refuses a graph that cannot be exported, naming the layer and the reason", async () => {
    const doc = { ...template("xor"), graph: sequential([5, 3], ["LSTM", { units: 4, activation: "gelu" }]) };
    const error = await exportRun({ project: project("gelu", doc), out: join(dir, "gelu.onnx"), trainer }).catch(
      (e) => e,
    );
    expect(error).toBeInstanceOf(ExportError);
    expect(error.code).toBe("E_NOT_EXPORTABLE");
    expect(error.message).toContain('LSTM "lstm_1": ONNX export: LSTM with activation "gelu" cannot be exported');
    expect(error.options.readiness.exportable).toBe(false);
    expect(existsSync(join(dir, "gelu.onnx"))).toBe(false);
  });

  it("reports a trainer that is gone instead of hanging", async () => {
    const gone = await TrainerClient.start({ backend: "cpu" });
    gone.kill();
    await new Promise((r) => gone.once("exit", r));
    await expect(
      exportRun({ project: project("xor2", template("xor")), out: join(dir, "gone.onnx"), trainer: gone }),
    ).rejects.toMatchObject({ code: "E_TRAINER_EXITED", internal: true });
    noTemp();
  }, 60_000);
});

describe("exportReadiness", () => {
  it("reports per node from the graph alone", () => {
    const r = exportReadiness({ graph: template("vae").graph });
    expect(r.exportable).toBe(true);
    expect(r.nodes.find((n) => n.kind === "VAESampling")?.status).toBe("approximated");
  });
});
