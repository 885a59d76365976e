import { z } from "zod";
import { FeatureMapsSchema } from "../../evaluation/inside";
import { RawSampleSchema } from "../../evaluation/request";
import { DraftIdSchema, PathSchema, RunIdSchema } from "./common";

/**
 * Inside the model: one sample's feature maps in every convolution and the first convolution's
 * filters, from the run's model (in the trainer's memory, or a saved checkpoint).
 */
export const InsideFeatureMapsRequestSchema = z
  .object({
    runId: RunIdSchema,
    projectPath: PathSchema.nullable(),
    draft: DraftIdSchema.optional(),
    /** A raw sample (a dropped image, a table row, values) through the run's preprocessing... */
    sample: RawSampleSchema.optional(),
    /** ...or the run's own validation sample at this position (default 0). */
    index: z.number().int().min(0).max(10_000_000).optional(),
    checkpoint: z.enum(["best", "last"]).optional(),
  })
  .strict()
  .refine((r) => r.sample === undefined || r.index === undefined, {
    error: "give either sample (a raw sample) or index (a position in the run's validation part), not both",
  });

export const InsideFeatureMapsResultSchema = z.object({ maps: FeatureMapsSchema });
