import { z } from "zod";
import { ProjectSchema } from "../../ir/project";
import { GradCheckReportSchema, OverfitReportSchema } from "../../trainer/checks";
import { DraftIdSchema, PathSchema, RunIdSchema } from "./common";

/**
 * The debugging checks of a project as it is in the editor (saved or not): a gradient check and
 * overfitting a tiny batch, both on a fresh copy of its model. The project and its runs are not
 * touched.
 */
const subject = {
  project: ProjectSchema,
  /** Its file, if saved: relative data paths are resolved against it. */
  projectPath: PathSchema.nullable(),
  draft: DraftIdSchema.optional(),
};

export const GradCheckRequestSchema = z
  .object({
    ...subject,
    /** Check this run's trained weights (its best checkpoint, else its last) instead of fresh ones. */
    runId: RunIdSchema.optional(),
    checkpoint: z.enum(["best", "last"]).optional(),
    /** Samples of the training data the loss is computed on (default 4). */
    samples: z
      .number()
      .int()
      .min(1, { error: "must be at least 1" })
      .max(64, { error: "must be at most 64" })
      .optional(),
  })
  .strict();
export const GradCheckResultSchema = z.object({ report: GradCheckReportSchema });

export const OverfitRequestSchema = z
  .object({
    ...subject,
    /** Training samples in the batch (default 16). */
    samples: z
      .number()
      .int()
      .min(8, { error: "must be at least 8" })
      .max(32, { error: "must be at most 32" })
      .optional(),
    /** Step budget (default 500). */
    maxSteps: z.number().int().min(1).max(10_000).optional(),
  })
  .strict();
export const OverfitResultSchema = z.object({ report: OverfitReportSchema });
