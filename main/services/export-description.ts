import { stableStringify } from "../../shared/ir/serialize";
import type { ReadinessReport, TensorInfo } from "../../shared/onnx/result";
import { monitorMode } from "../../shared/training/config";
import type { ExportSource } from "./export-source";

/** The name of the run description written beside a tfjs export's model.json. */
export const DESCRIPTION_FILE = "netforge-run.json";

export interface DescriptionInput {
  source: ExportSource;
  version: string;
  /** The backend of the trainer that wrote the export. */
  backend: string;
  classNames: readonly string[] | null;
  preprocessing: unknown;
  inputs: TensorInfo[];
  outputs: TensorInfo[];
  readiness: ReadinessReport;
}

/**
 * What a tfjs export needs to be used and understood without NetForge: the run's settings,
 * metrics (the last epoch, the best value of each metric, the whole history), its data
 * preprocessing and class names, the backends involved, and the graph. Plain JSON.
 */
export function runDescription(d: DescriptionInput): string {
  const { source } = d;
  const training = source.training;
  return stableStringify({
    format: "netforge.runDescription",
    version: 1,
    exported: new Date().toISOString(),
    netforgeVersion: d.version,
    run: { id: source.runId, name: source.name, folder: source.runDir },
    weights: source.checkpoint ? `checkpoint ${source.checkpoint}` : "untrained (fresh initialisation)",
    backend: {
      export: d.backend,
      /** The backend the run asked for, if it forced one; otherwise the trainer picked the best it could load. */
      training: typeof training.backend === "string" ? training.backend : null,
    },
    training,
    metrics: { final: source.history.at(-1) ?? null, best: bestMetrics(source.history), history: source.history },
    data: { preprocessing: d.preprocessing ?? null, classNames: d.classNames },
    inputs: d.inputs,
    outputs: d.outputs,
    readiness: d.readiness.nodes.filter((n) => n.status !== "exported"),
    graph: source.graph,
  });
}

/** The best value of every metric over the epochs (max for accuracy-like ones, min otherwise), with its epoch. */
function bestMetrics(history: readonly Record<string, unknown>[]): Record<string, { value: number; epoch: number }> {
  const best: Record<string, { value: number; epoch: number }> = {};
  history.forEach((row, i) => {
    const epoch = typeof row.epoch === "number" ? row.epoch : i + 1;
    for (const [name, value] of Object.entries(row)) {
      if (name === "epoch" || typeof value !== "number" || !Number.isFinite(value)) continue;
      const known = best[name];
      const better = !known || (monitorMode(name) === "max" ? value > known.value : value < known.value);
      if (better) best[name] = { value, epoch };
    }
  });
  return best;
}
