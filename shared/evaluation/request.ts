import { z } from "zod";
import { InlineDatasetSchema } from "../datasets/inline";
import { DatasetSpecSchema } from "../datasets/spec";
import { EVALUATION_LIMITS, EVALUATION_SPLITS } from "./report";

/**
 * What to evaluate and on which samples: the options of the trainer's `evaluate` request (and of
 * the API's evaluate call, which forwards them). Without `data`, a part of the run's own split.
 */
export const EvaluateOptionsSchema = z.object({
  /** The part of the run's data split to evaluate (default validation). Ignored with `data`. */
  split: z.enum(EVALUATION_SPLITS).optional(),
  /** Other samples to evaluate, every one of them, with the run's saved preprocessing. */
  data: z.union([InlineDatasetSchema, DatasetSpecSchema]).optional(),
  /**
   * The run's own data, for a saved run whose run.json does not hold its samples (inline data is
   * recorded by count only); otherwise the trainer finds it in memory or in run.json.
   */
  runData: z.union([InlineDatasetSchema, DatasetSpecSchema]).optional(),
  /** A saved run folder: graph, settings and data from its run.json, weights from a checkpoint. */
  runDir: z.string().min(1).optional(),
  /** Which saved weights (default best, else last); without runDir, the model in memory. */
  checkpoint: z.enum(["best", "last"]).optional(),
  /** How many most-confident mistakes to list (default EVALUATION_LIMITS.mistakes). */
  mistakes: z.number().int().min(0).max(100).optional(),
});

export type EvaluateOptions = z.infer<typeof EvaluateOptionsSchema>;

export const DEFAULT_MISTAKES = EVALUATION_LIMITS.mistakes;

type Nested = number | Nested[];
const NestedNumbers: z.ZodType<Nested> = z.lazy(() => z.union([z.number(), z.array(NestedNumbers)]));

/**
 * A sample as the user gives it in the try-it panel; the trainer applies the run's preprocessing
 * (table statistics, vocabulary, image size and scaling) saved in the run folder.
 */
export const RawSampleSchema = z.discriminatedUnion("kind", [
  /** Numbers already in the Input's shape (inline data). */
  z.object({ kind: z.literal("values"), x: NestedNumbers }),
  /** A table row by column name; absent or empty cells are filled as in training. */
  z.object({
    kind: z.literal("table"),
    row: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  }),
  /** An image file on the host, or its bytes (a dropped file) as base64. */
  z
    .object({ kind: z.literal("image"), path: z.string().min(1).optional(), base64: z.string().min(1).optional() })
    .refine((s) => (s.path === undefined) !== (s.base64 === undefined), {
      error: "an image sample needs exactly one of path (a file) or base64 (its bytes)",
    }),
  z.object({ kind: z.literal("text"), text: z.string() }),
  /**
   * A window of raw time steps, oldest first: each step the feature columns by name (numbers or
   * numeric text; the target column too when it is not a feature and the run differenced) or as
   * numbers in the run's feature order. At least lookback steps (one more with differencing); the
   * last ones are used. The forecast comes back in the target's units.
   */
  z.object({
    kind: z.literal("series"),
    steps: z
      .array(z.union([z.record(z.string(), z.union([z.number(), z.string()])), z.array(z.number())]))
      .min(1)
      .max(100_000),
  }),
  /** A raw uint8 image (IDX, npy or decoded pixels): whole numbers 0..255, row-major, with its shape. */
  z.object({
    kind: z.literal("pixels"),
    shape: z.array(z.number().int().min(1)).min(1).max(4),
    pixels: z.array(z.number()).min(1).max(16_777_216),
  }),
]);

export type RawSample = z.infer<typeof RawSampleSchema>;
