import { readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { onnxName } from "../../shared/onnx/export";
import { exportMetadata, normalizationOf } from "../../shared/onnx/metadata";
import type { ExportInputMode, TableInputMode } from "../../shared/onnx/pipeline/types";
import { DEFAULT_VERIFY_SAMPLES, type ExportFormat, type ReadinessReport } from "../../shared/onnx/result";
import type { ExportJob } from "../../shared/onnx/trainer-job";
import type { GraphAnalysis } from "../../shared/shapes/infer";
import type { ExportSource } from "./export-source";

// The trainer's `export` request, built from what the host knows of the run (its source, readiness,
// preprocessing and class names); export.ts sends it, writes and verifies the result.

/** NetForge's version, written into every exported file. */
export const VERSION = (
  JSON.parse(readFileSync(join(import.meta.dirname, "../../package.json"), "utf8")) as { version: string }
).version;

export interface JobParts {
  source: ExportSource;
  analysis: GraphAnalysis;
  readiness: ReadinessReport;
  format: ExportFormat;
  /** Where a tfjs folder is written before it is renamed into place. */
  tmp: string;
  /** The file (or folder) the export writes: files beside an ONNX model are named after it. */
  out: string;
  classNames: string[] | null;
  preprocessing: unknown;
}

/** The trainer's `export` request: what to compile, which weights, verification inputs, metadata. */
export function exportJob(
  p: JobParts,
  opts: { verify?: boolean; samples?: number; seed?: number; inputs?: ExportInputMode; tableInputs?: TableInputMode },
): ExportJob {
  const { source, analysis, readiness, preprocessing } = p;
  const inputNode = analysis.nodes[analysis.inputs.find((id) => readinessNeeds(readiness, id)) ?? ""];
  const metadata = exportMetadata({
    version: VERSION,
    runId: source.runId,
    project: source.name,
    weights: source.checkpoint ? `checkpoint ${source.checkpoint}` : "untrained (fresh initialisation)",
    classNames: p.classNames,
    preprocessing,
    normalization: inputNode ? normalizationOf(onnxName(inputNode.name), preprocessing, dataSource(source)) : null,
    readiness,
  });
  return {
    graph: source.graph,
    format: p.format,
    outputs: readiness.outputs,
    ...(source.modelDir ? { modelDir: source.modelDir } : {}),
    ...(p.format === "tfjs" ? { tfjsDir: p.tmp } : {}),
    ...((opts.verify ?? true)
      ? {
          verify: {
            samples: opts.samples ?? DEFAULT_VERIFY_SAMPLES,
            seed: opts.seed ?? 1,
            ...(source.data ? { data: source.data } : {}),
            training: source.training,
          },
        }
      : {}),
    // The trainer builds the data pipeline around the network from these (shared/onnx/pipeline).
    ...(p.format === "onnx"
      ? {
          pipeline: {
            inputs: opts.inputs ?? "raw",
            tableInputs: opts.tableInputs ?? "columns",
            preprocessing,
            source: dataSource(source),
            classNames: p.classNames,
            training: source.training,
            ...(source.data ? { data: source.data } : {}),
            fileStem: basename(p.out).replace(/\.onnx$/i, "") || "model",
          },
        }
      : {}),
    metadata,
    docString: `${source.name}: exported by NetForge ${VERSION}${source.runId ? ` from run ${source.runId}` : " with untrained weights"}. Preprocessing, class names and approximations are in metadata_props (netforge.*).`,
    graphName: onnxName(source.name),
    producerVersion: VERSION,
  };
}

const readinessNeeds = (r: ReadinessReport, id: string) => r.nodes.some((n) => n.id === id && n.status !== "excluded");

/** The source of the run's data (a spec's source, or the inline samples). */
function dataSource(source: ExportSource): unknown {
  if (!source.data) return null;
  return "kind" in source.data ? source.data : source.data.source;
}

/**
 * The run's preprocessing as saved with it; for sources that save none, what the trainer does
 * to them (IDX: pixel scaling; NumPy and inline data: none).
 */
export function preprocessingOf(source: ExportSource): unknown {
  if (source.preprocessing) return source.preprocessing;
  const s = dataSource(source) as { kind?: string; scale?: string } | null;
  if (s?.kind === "inline" || s?.kind === "npy") return { kind: "none", note: "inputs are fed to the model as given" };
  if (s?.kind === "idx") return { kind: "idx", scale: s.scale ?? "unit" };
  return null;
}

/**
 * Class names for a classifier: the run's (fitted preprocessing, else the data's own), when the
 * first output has one unit per class, or one sigmoid unit for two classes.
 */
export function classNamesOf(
  source: ExportSource,
  analysis: GraphAnalysis,
  outputs: readonly string[],
): string[] | null {
  const pre = (source.preprocessing as { classNames?: unknown } | null)?.classNames;
  const own = (dataSource(source) as { classNames?: unknown } | null)?.classNames;
  const names = [pre, own].find(
    (n): n is string[] => Array.isArray(n) && n.length > 0 && n.every((x) => typeof x === "string"),
  );
  if (!names) return null;
  const units = analysis.nodes[outputs[0]]?.outputShapes?.[0]?.at(-1);
  return units === names.length || (units === 1 && names.length === 2) ? names : null;
}
