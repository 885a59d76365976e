import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as tf from "@tensorflow/tfjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TrainerMessage } from "../../../shared/trainer/protocol";
import { TELEMETRY_FILE, TelemetryRecordSchema } from "../../../shared/training/telemetry";
import { runStart, runTemplate, template, templateData } from "../testing/run-template";
import { useBackend } from "../testing/tf-setup";
import { lossFunction } from "../train/losses";
import { TelemetryRecorder } from "./telemetry-recorder";

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), "netforge-telemetry-"));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const lines = (file: string) =>
  readFileSync(file, "utf8")
    .trim()
    .split("\n")
    .map((l) => TelemetryRecordSchema.parse(JSON.parse(l)));

describe("telemetry during training", () => {
  beforeAll(() => useBackend("wasm"));

  async function train(telemetry: { enabled: boolean } | undefined, epochs: number) {
    const t = template("xor");
    const runDir = tempDir();
    const { handle, messages } = await runStart({
      runId: "xor",
      graph: t.graph,
      training: { ...t.training, epochs, seed: 5, ...(telemetry ? { telemetry } : {}) },
      data: templateData(t.data),
      runDir,
    } as Parameters<typeof runStart>[0]);
    handle.dispose();
    return { runDir, messages };
  }

  it("is off by default: no file, no message", async () => {
    const { runDir, messages } = await train(undefined, 3);
    expect(messages.some((m) => m.type === "telemetry")).toBe(false);
    expect(() => statSync(join(runDir, TELEMETRY_FILE))).toThrow();
  }, 60_000);

  it("when on, writes the first and last epochs to telemetry.jsonl and streams the same records", async () => {
    const { runDir, messages } = await train({ enabled: true }, 4);
    expect(messages.find((m) => m.type === "done")).toMatchObject({ reason: "completed" });
    const records = lines(join(runDir, TELEMETRY_FILE));
    const streamed = messages.flatMap((m) => (m.type === "telemetry" ? [m.record] : []));
    expect(records).toEqual(streamed);
    expect(records[0].epoch).toBe(1);
    expect(records.at(-1)?.epoch).toBe(4);
    // Every Dense layer of the template: weights, activations, gradients, 30 bins each.
    const dense = records[0].layers.filter((l) => l.className === "Dense");
    expect(dense.length).toBeGreaterThan(0);
    for (const l of dense) {
      expect(l.weights?.counts).toHaveLength(30);
      // One count per sample and unit.
      expect((l.activations?.counts.reduce((a, b) => a + b) ?? -1) % records[0].samples).toBe(0);
      expect(l.gradNorm).toBeGreaterThan(0);
    }
  }, 60_000);
});

describe("telemetry of a model with layer penalties", () => {
  beforeAll(() => useBackend("wasm"));

  it("gives the VAE's log-variance layer, reached only through the KL term, its real gradient", async () => {
    const { messages, errors, handle } = await runTemplate("vae", { epochs: 1, telemetry: { enabled: true } });
    handle.dispose();
    expect(errors).toEqual([]);
    const record = messages.find((m) => m.type === "telemetry");
    expect(record).toBeDefined();
    if (record?.type !== "telemetry") return;
    const withWeights = record.record.layers.filter((l) => l.gradNorm !== null);
    expect(withWeights.length).toBeGreaterThan(2);
    for (const l of withWeights) expect(l.gradNorm, l.name).toBeGreaterThan(0);
  }, 120_000);
});

describe("the telemetry file's bound", () => {
  beforeAll(() => useBackend("cpu"));

  it("spaces records out to fit the bound, keeps the last epoch, and never passes it", async () => {
    const input = tf.input({ shape: [3] });
    const hidden = tf.layers.dense({ units: 8, activation: "relu" }).apply(input) as tf.SymbolicTensor;
    const model = tf.model({
      inputs: input,
      outputs: tf.layers.dense({ units: 1 }).apply(hidden) as tf.SymbolicTensor,
    });
    const runDir = tempDir();
    const posted: TrainerMessage[] = [];
    const bound = 6_000; // a few records of this model
    const epochs = 40;
    const loss = lossFunction({ type: "meanSquaredError" });
    const recorder = new TelemetryRecorder(
      model,
      loss,
      { enabled: true, explodingNorm: 1000 },
      epochs,
      "r",
      runDir,
      (m) => posted.push(m),
      {
        maxBytes: bound,
        timeShare: Number.POSITIVE_INFINITY, // no training time here: only the size rule spaces records
      },
    );
    const x = tf.randomUniform([16, 3]);
    const y = tf.randomUniform([16, 1]);
    for (let epoch = 0; epoch < epochs; epoch++) {
      recorder.epochStart(epoch);
      recorder.capture(x, y);
      await recorder.epochEnd(epoch);
    }
    recorder.dispose();
    const file = join(runDir, TELEMETRY_FILE);
    expect(statSync(file).size).toBeLessThanOrEqual(bound);
    const epochsRecorded = lines(file).map((r) => r.epoch);
    expect(epochsRecorded[0]).toBe(1);
    expect(epochsRecorded.at(-1)).toBe(epochs);
    expect(epochsRecorded.length).toBeGreaterThan(2);
    expect(epochsRecorded.length).toBeLessThan(epochs / 4);
    expect(posted.filter((m) => m.type === "telemetry")).toHaveLength(epochsRecorded.length);
    tf.dispose([x, y]);
    model.dispose();
  });
});
