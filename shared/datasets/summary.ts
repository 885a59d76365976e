import { z } from "zod";

/**
 * What probing a data source reports, quickly and without the trainer: sizes, columns with their
 * inferred types and roles, classes with counts, the input shape a model needs, and warnings.
 */
export const COLUMN_TYPES = ["numeric", "categorical", "boolean", "text", "date"] as const;
export type ColumnType = (typeof COLUMN_TYPES)[number];

export const ColumnSummarySchema = z.object({
  name: z.string(),
  type: z.enum(COLUMN_TYPES),
  role: z.enum(["feature", "label", "ignore"]),
  missing: z.number().int(),
  /** A number with a unit suffix ("2hr", "5 kg"), offered for stripping. */
  unit: z.string().optional(),
  distinct: z.number().int().optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  mean: z.number().optional(),
  examples: z.array(z.string()).max(5),
});

export const DataWarningSchema = z.object({
  code: z.string(),
  message: z.string(),
  /** File, row, column or image the warning is about. */
  where: z.string().optional(),
});

export const DatasetSummarySchema = z.object({
  kind: z.string(),
  path: z.string(),
  /** Exact, or estimated from the part read (`estimated: true`) for large files. */
  rows: z.number().int(),
  estimated: z.boolean().default(false),
  columns: z.array(ColumnSummarySchema).default([]),
  /** Class names with their counts, for classification data. */
  classes: z.array(z.object({ name: z.string(), count: z.number().int() })).default([]),
  /** The shape of one sample as a model's Input sees it (batch excluded). */
  inputShape: z.array(z.number().int().nullable()),
  /** Targets per sample: number of classes for classification, values for regression. */
  outputShape: z.array(z.number().int().nullable()),
  task: z.enum(["classification", "regression", "sequence", "unsupervised"]),
  /**
   * How a sample's target is written: one class id, a one-hot row (outputShape is its width), or
   * values. Omitted: class ids for classification, values otherwise (every file source but NumPy).
   */
  labels: z.enum(["classIds", "oneHot", "values"]).optional(),
  /** Class balance per part of the split (stratified: each class split in the same proportions). */
  splits: z
    .object({
      train: z.array(z.number().int()),
      validation: z.array(z.number().int()),
      test: z.array(z.number().int()),
    })
    .optional(),
  /** A few rows (tables) or file names (images) for the preview. */
  preview: z.array(z.array(z.string())).default([]),
  warnings: z.array(DataWarningSchema).default([]),
});

export type ColumnSummary = z.infer<typeof ColumnSummarySchema>;
export type DataWarning = z.infer<typeof DataWarningSchema>;
export type DatasetSummary = z.output<typeof DatasetSummarySchema>;
