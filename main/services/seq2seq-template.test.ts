import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { SymbolicTensor } from "@tensorflow/tfjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ReportOf } from "../../shared/evaluation/report";
import { parseDocument } from "../../shared/ir/load";
import { ProjectSchema } from "../../shared/ir/project";
import { inferGraph } from "../../shared/shapes/infer";
import { compileGraph } from "../trainer/compile/compile";
import { evaluateRun } from "../trainer/run/evaluate";
import { lastEpoch, type TrainedRun, trainedRuns } from "../trainer/run/evaluate-fixtures";
import { modelInMemory } from "../trainer/run/evaluate-model";
import { template } from "../trainer/testing/run-template";
import { exportRun } from "./export";
import { TrainerClient } from "./trainer-client";

/**
 * The classic seq2seq template (seq2seq-dates): the encoder LSTM's final h and c start the decoder
 * LSTM. It is a valid project whose shapes are tfjs', one epoch on its bundled pairs trains and
 * evaluates (token accuracy, decoded examples), and the trained run exports to a verified ONNX file.
 */
const NAME = "seq2seq-dates";
const trained = trainedRuns();
let run: TrainedRun;
let trainer: TrainerClient;

beforeAll(async () => {
  trainer = await TrainerClient.start({ backend: "wasm" });
  run = await trained(NAME, { epochs: 1 });
}, 300_000);
afterAll(() => trainer.shutdown());

describe("the classic seq2seq template", () => {
  it("is a valid project whose decoder starts from the encoder's final h and c", () => {
    const t = template(NAME);
    expect(ProjectSchema.parse(t).lesson?.unit).toBe("Sequence to sequence");
    const doc = parseDocument(t);
    if (!doc.ok) throw new Error(doc.diagnostics.map((d) => d.message).join("; "));
    const a = inferGraph(doc.graph);
    expect(Object.values(a.nodes).flatMap((n) => n.diagnostics)).toEqual([]);
    const states = doc.graph.edges.filter((e) => e.target === "decoder" && e.targetPort !== "in");
    expect(states.map((e) => [e.source, e.sourcePort, e.targetPort])).toEqual([
      ["encoder", "h", "h"],
      ["encoder", "c", "c"],
    ]);
    // The shapes the editor shows are the ones tfjs builds.
    const c = compileGraph(doc.graph);
    for (const id of ["encoder", "decoder", "next_token"]) {
      const out = c.layersByNode.get(id)?.at(-1)?.output as SymbolicTensor | SymbolicTensor[];
      const tfShapes = [out].flat().map((t) => t.shape.slice(1));
      expect(tfShapes).toEqual(a.nodes[id].outputShapes);
    }
    c.model.dispose();
  });

  it("trains an epoch on its bundled pairs and evaluates token accuracy", async () => {
    const last = lastEpoch(run.messages);
    expect(Number.isFinite(last.loss)).toBe(true);
    const r = (await evaluateRun(modelInMemory(run.handle, run.start), {})) as ReportOf<"sequence">;
    expect(r.task).toBe("sequence");
    expect(r.samples).toBe(600); // the 20% validation part of 3,000 pairs
    expect(r.metrics.accuracy).toBeCloseTo(last.val_accuracy, 5);
    expect(r.tokenAccuracy).toBeGreaterThan(0);
    expect(r.examples[0].target).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  }, 120_000);

  it("exports the trained run to ONNX, verified against tfjs", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "netforge-seq2seq-onnx-")), "dates.onnx");
    const result = await exportRun({ runDir: run.runDir, out, trainer });
    expect(result.verified).toBe(true);
    expect(result.maxAbsDiff).toBeLessThan(1e-5);
    expect(result.inputs.map((i) => i.name)).toEqual(["encoder_tokens", "decoder_tokens"]);
  }, 120_000);
});
