import { totalmem } from "node:os";
import { type InlineDataset, InlineDatasetSchema } from "../../shared/datasets/inline";
import { type DatasetSpec, DatasetSpecSchema } from "../../shared/datasets/spec";
import { type Diagnostic, diagnostic, formatValue } from "../../shared/diagnostics";
import type { Project } from "../../shared/ir/project";
import type { GraphAnalysis } from "../../shared/shapes/infer";
import { estimateMemory, formatBytes } from "../../shared/shapes/memory";
import { defaultTrainingConfig, parseTrainingConfig } from "../../shared/training/config";
import { multipleOutputsError } from "../../shared/training/outputs";
import { grouped } from "./io";

/** A project's data: inline samples or a dataset spec, or what is wrong with it. */
export function parseProjectData(
  raw: unknown,
): { ok: true; data: InlineDataset | DatasetSpec } | { ok: false; message: string } {
  const inline = InlineDatasetSchema.safeParse(raw);
  if (inline.success) return { ok: true, data: inline.data };
  const spec = DatasetSpecSchema.safeParse(raw);
  if (spec.success) return { ok: true, data: spec.data };
  return {
    ok: false,
    message: `data: expected a dataset spec { "source": ... } (see \`netforge data --help\`) or inline samples { "kind": "inline", "x": [...], "y": [...] }; ${spec.error.issues
      .map((i) => `${i.path.join(".") || "data"}: ${i.message}`)
      .join("; ")}. Received: ${formatValue(raw).slice(0, 60)}`,
  };
}

/**
 * What `train` would refuse in a project besides the graph's own diagnostics: several outputs, its training settings, its data spec
 * and whether one training step fits in this machine's memory. `check` reports them all at once.
 */
export function projectDiagnostics(project: Project, analysis: GraphAnalysis): Diagnostic[] {
  const out: Diagnostic[] = [];
  const outputs = multipleOutputsError(analysis);
  if (outputs) out.push(outputs);
  const parsed = parseTrainingConfig(project.training);
  if (!parsed.ok)
    for (const i of parsed.issues)
      out.push(diagnostic("E_TRAINING_CONFIG", i.path === "training" ? i.message : `training.${i.message}`));
  if (project.data !== null) {
    const data = parseProjectData(project.data);
    if (!data.ok) out.push(diagnostic("E_DATA_SPEC", data.message));
  }
  const config = parsed.ok ? parsed.config : defaultTrainingConfig();
  const memory = memoryDiagnostic(analysis, config.batchSize, config.optimizer.type);
  if (memory) out.push(memory);
  return out;
}

/**
 * E_MEMORY when one training step cannot fit in this machine's memory (os.totalmem), with the
 * figures; null when it may fit. A lower bound (see estimateMemory), so nothing trainable is refused.
 */
export function memoryDiagnostic(
  analysis: GraphAnalysis,
  batchSize: number,
  optimizer: string,
  available = totalmem(),
): Diagnostic | null {
  if (!analysis.ok) return null;
  const m = estimateMemory(analysis, batchSize, optimizer);
  if (m.totalBytes <= available) return null;
  return diagnostic(
    "E_MEMORY",
    `training needs at least ${formatBytes(m.totalBytes)} of memory; this machine has ${formatBytes(available)}. ` +
      `${grouped(m.params)} parameters take ${formatBytes(m.paramBytes)} (${formatBytes(m.trainingStateBytes)} with gradients and ${optimizer} state); ` +
      `the layer outputs of a batch of ${grouped(batchSize)} take ${formatBytes(m.activationBytes)} with their gradients. ` +
      "Use fewer units, filters or layers, or a smaller batch size",
  );
}
