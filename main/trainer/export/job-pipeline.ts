import { buildPipeline } from "../../../shared/onnx/pipeline/index";
import type { Pipeline } from "../../../shared/onnx/pipeline/types";
import type { ExportJob } from "../../../shared/onnx/trainer-job";
import { defaultTrainingConfig, parseTrainingConfig, type TrainingConfig } from "../../../shared/training/config";
import type { Compiled } from "../compile/compile";
import { fitPreprocessing } from "./fit-preprocessing";

/** The pipeline of an ONNX export and what it was built from (the raw check reads the same). */
export interface JobPipeline {
  pipeline: Pipeline;
  preprocessing: Record<string, unknown>;
  classNames: string[] | null;
  config: TrainingConfig;
}

/** Data without saved preprocessing (no data at all, a GAN's noise) is fed to the network as given. */
const AS_GIVEN = { kind: "none", note: "inputs are fed to the model as given" };

/**
 * Builds the data pipeline the job asks for (shared/onnx/pipeline): from the run's saved
 * preprocessing, or, for a project exported with fresh weights, the preprocessing its data
 * would be fitted with. A pipeline that cannot be built for this run (matrix inputs for a
 * table with categories, say) fails the export with E_EXPORT_PIPELINE, naming why.
 */
export async function jobPipeline(job: ExportJob, compiled: Compiled): Promise<JobPipeline | null> {
  const spec = job.pipeline;
  if (job.format !== "onnx" || !spec) return null;
  const config = trainingConfig(spec.training);
  const data = spec.data ?? job.verify?.data;
  let preprocessing = spec.preprocessing as Record<string, unknown> | null;
  if (!preprocessing && data) preprocessing = await fitPreprocessing(data, compiled, config);
  preprocessing ??= AS_GIVEN;
  const classNames = spec.classNames ?? fittedClassNames(preprocessing);
  try {
    const pipeline = buildPipeline({
      preprocessing,
      source: spec.source,
      analysis: compiled.analysis,
      outputs: compiled.outputs,
      classNames,
      training: config,
      options: { inputs: spec.inputs, tableInputs: spec.tableInputs },
      ...(spec.fileStem ? { fileStem: spec.fileStem } : {}),
    });
    return { pipeline, preprocessing, classNames, config };
  } catch (error) {
    throw pipelineError(error, spec.inputs, spec.tableInputs);
  }
}

/** E_EXPORT_PIPELINE: the options asked for, and why this run's data does not allow them. */
export function pipelineError(error: unknown, inputs: string, tableInputs: string): Error {
  const why = error instanceof Error ? error.message : String(error);
  return Object.assign(
    new Error(
      `the ${inputs === "raw" ? `raw-data pipeline (table inputs: ${tableInputs})` : "bare export"} cannot be built for this run: ${why}`,
    ),
    { code: "E_EXPORT_PIPELINE" },
  );
}

/** A fitted preprocessing's class names (a project's table or text), when the host knew none. */
function fittedClassNames(preprocessing: Record<string, unknown>): string[] | null {
  const names = preprocessing.classNames;
  return Array.isArray(names) && names.length > 0 && names.every((n) => typeof n === "string") ? names : null;
}

export function trainingConfig(training: unknown): TrainingConfig {
  const parsed = parseTrainingConfig(training);
  return parsed.ok ? parsed.config : defaultTrainingConfig();
}
