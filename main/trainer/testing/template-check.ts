import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as tf from "@tensorflow/tfjs";
import { expect } from "vitest";
import { COURSE_UNITS } from "../../../shared/ir/course-units";
import { parseDocument, parseProject } from "../../../shared/ir/load";
import { type Project, ProjectSchema } from "../../../shared/ir/project";
import { VERIFY_TOLERANCE } from "../../../shared/onnx/result";
import { inferGraph } from "../../../shared/shapes/infer";
import { compileGraph } from "../compile/compile";
import { parity, pythonOnnxCheck, pythonOnnxMissing } from "../export/parity.testkit";
import { evaluateRun } from "../run/evaluate";
import { lastEpoch, trainForEval } from "../run/evaluate-fixtures";
import { modelInMemory } from "../run/evaluate-model";
import { template } from "./run-template";

/**
 * A template's file is a valid project with a lesson in a course unit, and its graph compiles to
 * a tfjs model whose output shape and per-node parameter counts equal shared inference's.
 * Returns the parsed project.
 */
export function checkTemplateBuilds(name: string) {
  const project = ProjectSchema.parse(template(name));
  const doc = parseDocument(project);
  if (!doc.ok) throw new Error(`${name}: ${doc.diagnostics.map((d) => d.message).join("; ")}`);
  expect(COURSE_UNITS).toContain(project.lesson?.unit);
  expect(project.lesson?.target).toBeDefined();
  const c = compileGraph(doc.graph);
  try {
    for (const [id, layers] of c.layersByNode) {
      const counted = layers.reduce((sum, l) => sum + l.countParams(), 0);
      expect(counted, `parameters of ${id}`).toBe(c.analysis.nodes[id].paramCount.total);
    }
    const out = c.analysis.nodes[c.outputs[0]].outputShapes?.[0];
    expect(c.model.outputs[0].shape.slice(1)).toEqual(out);
  } finally {
    c.model.dispose();
  }
  return project;
}

type Trained = Awaited<ReturnType<typeof trainForEval>>;

/**
 * A briefly trained template evaluates to the validation loss training reported for the same
 * weights, and its ONNX export (trained weights) matches tfjs in onnxruntime within the export's
 * verification bound and passes python3-onnx's full check (skipped with a reason where absent).
 */
export async function checkTrainedTemplate(name: string, run: Trained): Promise<void> {
  expect(run.messages.filter((m) => m.type === "error")).toEqual([]);
  const epoch = lastEpoch(run.messages);
  for (const [k, v] of Object.entries(epoch)) expect(Number.isFinite(v), k).toBe(true);
  const report = await evaluateRun(modelInMemory(run.handle, run.start), {});
  expect(report.loss).toBeCloseTo(epoch.val_loss, 4);

  const compiled = run.handle.compiled;
  if (!compiled) throw new Error(`${name}: the run kept no compiled model`);
  const xs = compiled.model.inputs.map((t) => tf.randomUniform([4, ...(t.shape.slice(1) as number[])], 0, 1));
  const { maxAbsDiff, exported } = await parity(compiled, xs);
  tf.dispose(xs);
  expect(maxAbsDiff).toBeLessThan(VERIFY_TOLERANCE);
  const missing = pythonOnnxMissing();
  if (missing) {
    console.log(`${name}: skipping the python3-onnx check: ${missing}`);
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), `netforge-${name}-`));
  const file = join(dir, `${name}.onnx`);
  writeFileSync(file, exported.bytes);
  expect(pythonOnnxCheck(dir, [file])).toEqual([]);
}

/**
 * What every starter template must do in `npm test`, in seconds: parse as a project with a lesson,
 * train briefly on its bundled data, have the shapes shape inference promised (per block, against
 * the tfjs layers it compiled to), evaluate, and export to ONNX matching the trained model.
 */
export async function checkTemplate(name: string, training: Record<string, unknown>) {
  const parsed = parseProject(template(name));
  if (!parsed.ok) throw new Error(`${name}: ${parsed.diagnostics.map((d) => d.message).join("; ")}`);
  const project: Project = parsed.value;
  const run = await trainForEval(name, training);
  const model = run.handle.model as tf.LayersModel;
  const analysis = inferGraph(project.graph);
  // Shape inference against tfjs, block by block (a block compiles to the layer named by its id).
  const shapes = project.graph.nodes.flatMap((n) => {
    const layer = model.layers.find((l) => l.name === n.id);
    if (!layer) return [];
    const inferred = analysis.nodes[n.id].outputShapes?.[0] ?? [];
    return [{ id: n.id, inferred: [null, ...inferred], tfjs: layer.outputShape }];
  });
  const report = await evaluateRun(modelInMemory(run.handle, run.start), {});
  const xs = model.inputs.map((t) => {
    const shape = [4, ...t.shape.slice(1).map((d) => d ?? 6)];
    return t.dtype === "int32" ? tf.randomUniform(shape, 0, 10, "int32") : tf.randomUniform(shape);
  });
  const { maxAbsDiff } = await parity(run.handle.compiled as NonNullable<typeof run.handle.compiled>, xs);
  tf.dispose(xs);
  const epochs = run.messages.flatMap((m) => (m.type === "epoch" ? [m.metrics as Record<string, number>] : []));
  run.handle.dispose();
  return { project, analysis, shapes, report, maxAbsDiff, epochs };
}
