import type { InlineDataset } from "../../shared/datasets/inline";
import { type DatasetSpec, DatasetSpecSchema } from "../../shared/datasets/spec";
import type { DatasetSummary, DataWarning } from "../../shared/datasets/summary";
import type { GraphAnalysis } from "../../shared/shapes/infer";
import { resolveTraining } from "../../shared/training/defaults";
import { withValidation } from "../../shared/training/validation";
import { probeSource } from "../data/probe";

export interface RunSettings {
  /** The project's settings with the model's and data's defaults where it is silent. */
  training: Record<string, unknown>;
  /** The data, a spec's split carrying the training settings' validation fraction. */
  data: InlineDataset | DatasetSpec;
  /** W_VALIDATION_* warnings: the fraction holds out no sample, or none of a class. */
  warnings: DataWarning[];
}

/**
 * What a run trains with, for the host's train.start and the CLI's train alike, so that a run does
 * what the Train tab shows: the data is probed (as the Data tab does) to pick the defaults and to
 * check the validation part. Data that cannot be probed gets the model's defaults only; the trainer
 * then reports the data's problem with its own code.
 */
export async function runSettings(
  analysis: GraphAnalysis,
  training: Record<string, unknown>,
  data: InlineDataset | DatasetSpec,
): Promise<RunSettings> {
  const spec = withValidation("kind" in data ? DatasetSpecSchema.parse({ source: data }) : data, training);
  const summary: DatasetSummary | null = await probeSource(spec).catch(() => null);
  return {
    training: resolveTraining(training, analysis, summary),
    data: "kind" in data ? data : withValidation(data, training),
    warnings: summary?.warnings.filter((w) => w.code.startsWith("W_VALIDATION_")) ?? [],
  };
}
