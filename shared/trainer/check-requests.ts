import { z } from "zod";
import { InlineDatasetSchema } from "../datasets/inline";
import { DatasetSpecSchema } from "../datasets/spec";

/**
 * Trainer requests of the debugging checks: a project's graph, settings and data (as a `start`
 * carries them), checked on a fresh copy of the model; the result is a GradCheckReport or an
 * OverfitReport (shared/trainer/checks.ts). Nothing is written and no run is made.
 */
const subject = {
  runId: z.string().min(1).max(128),
  requestId: z.string(),
  graph: z.unknown(),
  training: z.unknown(),
  data: z.union([InlineDatasetSchema, DatasetSpecSchema]),
};

export const GradCheckRequestSchema = z.object({
  type: z.literal("gradcheck"),
  ...subject,
  samples: z.number().int().min(1).max(64).optional(),
  /** A run's saved model (tfjs layers format) whose trained weights are checked instead of fresh ones. */
  modelDir: z.string().min(1).optional(),
});

export const OverfitRequestSchema = z.object({
  type: z.literal("overfit"),
  ...subject,
  samples: z.number().int().min(1).max(256).optional(),
  maxSteps: z.number().int().min(1).max(10_000).optional(),
});
