import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseProject } from "../../shared/ir/load";
import { inferGraph } from "../../shared/shapes/infer";
import { reachedValue, seriesBaseline } from "../trainer/bench/template-target";
import { compileGraph } from "../trainer/compile/compile";
import { pythonOnnxCheck, pythonOnnxMissing } from "../trainer/export/parity.testkit";
import { evaluateRun } from "../trainer/run/evaluate";
import { lastEpoch, trainedRuns } from "../trainer/run/evaluate-fixtures";
import { modelFromRunDir } from "../trainer/run/evaluate-model";
import { TEMPLATES_DIR, template, templateData } from "../trainer/testing/run-template";
import { exportRun } from "./export";
import { TrainerClient } from "./trainer-client";

/**
 * The templates that cover every kind of data NetForge reads (issue 14): a table with a category
 * label, a table with unit-suffixed cells, one with category features and units (fruit), a time
 * series, text and sentence pairs. Each builds with tfjs' shapes equal to shape inference, trains
 * an epoch on its bundled file (large batches: a few steps), evaluates, and exports an ONNX file whose parity the export verifies. Whether the
 * defaults reach the lesson's target is `npm run bench:templates` (minutes, not seconds).
 */
const KINDS = [
  ["car-truck", "table", "classification"],
  ["time-management-table", "table", "binary"],
  ["fruit", "table", "classification"],
  ["seasonal-forecaster", "timeSeries", "regression"],
  ["text-classifier", "text", "classification"],
  ["dates-attention", "sentencePairs", "sequence"],
] as const;

const trained = trainedRuns();
const dir = mkdtempSync(join(tmpdir(), "netforge-data-kinds-"));
const files: string[] = [];
let trainer: TrainerClient;

beforeAll(async () => {
  trainer = await TrainerClient.start({ backend: "wasm" });
}, 60_000);
afterAll(() => trainer.shutdown());

describe.each(KINDS)("the %s template (%s data)", (name, kind, task) => {
  const project = parseProject(template(name));
  if (!project.ok) throw new Error(`${name}: ${project.diagnostics.map((d) => d.message).join("; ")}`);
  const { graph, data, lesson, training } = project.value;

  it("reads its bundled data and builds with tfjs' shapes equal to shape inference", () => {
    expect((data as { source: { kind: string } }).source.kind).toBe(kind);
    const analysis = inferGraph(graph);
    expect(analysis.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    // compileGraph checks every node's shapes and weights against inference; the outputs here too.
    const c = compileGraph(graph);
    const inferred = c.outputs.map((id) => [null, ...(analysis.nodes[id].outputShapes?.[0] ?? [])]);
    expect(c.model.outputs.map((o) => o.shape)).toEqual(inferred);
    expect(c.model.countParams()).toBe(analysis.totals.total);
    c.model.dispose();
  });

  it("trains an epoch on its file, evaluates, and names a target its runs report", async () => {
    const run = await trained(name, { epochs: 1, batchSize: 256 });
    const metrics = lastEpoch(run.messages);
    expect(Number.isFinite(metrics.loss)).toBe(true);
    const validates = (training.validation as { type?: string } | undefined)?.type !== "none";
    const report = await evaluateRun(await modelFromRunDir(run.runDir, {}), {
      split: validates ? "validation" : "train",
    });
    expect(report.task).toBe(task);
    const target = lesson?.target;
    if (!target) throw new Error(`${name} has no lesson target`);
    expect(Number.isFinite(reachedValue(target, [metrics], run.handle.model, data))).toBe(true);
  }, 240_000);

  it("exports an ONNX file whose outputs match the model's (verified by the export)", async () => {
    const out = join(dir, `${name}.onnx`);
    const result = await exportRun({ project: join(TEMPLATES_DIR, `${name}.netforge.json`), out, trainer });
    expect(result.verified).toBe(true);
    expect(result.maxAbsDiff).toBeLessThan(1e-4);
    files.push(out);
  }, 120_000);
});

describe("the seasonal forecaster's target", () => {
  it("is below the last-value forecast's MSE on the same validation windows", async () => {
    const t = template("seasonal-forecaster");
    const baseline = await seriesBaseline(templateData(t.data), t.training);
    expect(baseline).not.toBeNull();
    expect(t.lesson.target.metric).toBe("val_loss");
    expect(t.lesson.target.atMost).toBeLessThan(baseline as number);
  });
});

describe("python3-onnx accepts every data-kind template's file", () => {
  it("check_model(full_check) and strict shape inference", (ctx) => {
    const missing = pythonOnnxMissing();
    if (missing) {
      console.log(`skipping the python3-onnx check: ${missing}`);
      ctx.skip();
    }
    expect(files).toHaveLength(KINDS.length);
    expect(pythonOnnxCheck(dir, files)).toEqual([]);
  });
});
