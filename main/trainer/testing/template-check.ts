import * as tf from "@tensorflow/tfjs";
import { parseProject } from "../../../shared/ir/load";
import type { Project } from "../../../shared/ir/project";
import { inferGraph } from "../../../shared/shapes/infer";
import { parity } from "../export/parity.testkit";
import { evaluateRun } from "../run/evaluate";
import { trainForEval } from "../run/evaluate-fixtures";
import { modelInMemory } from "../run/evaluate-model";
import { template } from "./run-template";

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
