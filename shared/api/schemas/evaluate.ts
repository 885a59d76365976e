import { z } from "zod";
import { InlineDatasetSchema } from "../../datasets/inline";
import { DatasetSpecSchema } from "../../datasets/spec";
import { EVALUATION_SPLITS, EvaluationReportSchema, PredictionResultSchema } from "../../evaluation/report";
import { RawSampleSchema } from "../../evaluation/request";
import { DraftIdSchema, PathSchema, RunIdSchema } from "./common";

/**
 * Evaluation of a run: the model still in the trainer's memory, or a saved run found by project
 * and run id (weights from its checkpoint, settings and data from its run.json).
 */
export const EvaluateRequestSchema = z
  .object({
    runId: RunIdSchema,
    projectPath: PathSchema.nullable(),
    draft: DraftIdSchema.optional(),
    /** Which part of the run's data split (default validation). Ignored when `data` is given. */
    split: z.enum(EVALUATION_SPLITS).optional(),
    /** Other samples: inline, or a dataset spec (paths relative to the project file). */
    data: z.union([InlineDatasetSchema, DatasetSpecSchema]).optional(),
    /** Saved runs: which weights (default best, else last). */
    checkpoint: z.enum(["best", "last"]).optional(),
    /** How many most-confident mistakes to list. */
    mistakes: z.number().int().min(0).max(100).optional(),
  })
  .strict();

export const EvaluateResultSchema = z.object({ report: EvaluationReportSchema });

/** Try-it: raw samples as the user gives them, through the run's own preprocessing. */
export const PredictRequestSchema = z
  .object({
    runId: RunIdSchema,
    projectPath: PathSchema.nullable(),
    draft: DraftIdSchema.optional(),
    samples: z.array(RawSampleSchema).min(1, { error: "must hold at least one sample" }).max(1000),
    checkpoint: z.enum(["best", "last"]).optional(),
  })
  .strict();

export const PredictResultSchema = z.object({ result: PredictionResultSchema });
