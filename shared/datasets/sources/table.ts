import { z } from "zod";
import { COLUMN_TYPES } from "../summary";

/**
 * A delimited text table (CSV, TSV, semicolon, pipe, ...). Every field has a default that works on
 * a typical file: the delimiter and header are sniffed, column types inferred, the last column is
 * the label, rows with missing values are dropped, numeric features are standardized with
 * statistics fitted on the training rows only, and the task follows from the label's values.
 */
export const TableColumnSchema = z
  .object({
    /** The column's header name (or "column<N>", 1-based, in a file without a header). */
    name: z.string().min(1),
    role: z.enum(["feature", "label", "ignore"]).optional(),
    /** Overrides the inferred type; cells that do not fit are reported and treated as missing. */
    type: z.enum(COLUMN_TYPES).optional(),
    /** Strip a unit suffix ("2hr", "5 kg") and read the number. Default: strip when one is detected. */
    stripUnit: z.boolean().optional(),
    /** Categorical features: one-hot (default) or ordinal codes in sorted category order. */
    encoding: z.enum(["onehot", "ordinal"]).optional(),
  })
  .strict();

export const MISSING_STRATEGIES = ["drop", "mean", "median", "mode", "constant"] as const;

export const TableMissingSchema = z
  .object({
    /** drop rows with a missing feature; or fill: mean/median (numeric; mode for other types), mode, constant. */
    strategy: z.enum(MISSING_STRATEGIES).default("drop"),
    /** The fill value for `constant`. */
    value: z.union([z.number(), z.string()]).optional(),
  })
  .strict()
  .refine((m) => m.strategy !== "constant" || m.value !== undefined, {
    error: "missing.strategy 'constant' needs missing.value (a number or a category)",
  });

export const TableSourceSchema = z
  .object({
    kind: z.literal("table"),
    path: z.string().min(1),
    /** "auto" sniffs , tab | ; and the ASCII record/unit separators; otherwise one character. */
    delimiter: z.union([z.literal("auto"), z.string().length(1)]).default("auto"),
    /** "auto": the first row is a header when it looks unlike the rows below it. */
    header: z.union([z.literal("auto"), z.boolean()]).default("auto"),
    /** Per-column overrides; columns not listed keep their inferred type and role. */
    columns: z.array(TableColumnSchema).default([]),
    /** The label column's name; default: a column whose override role is "label", else the last column. */
    label: z.string().min(1).optional(),
    missing: TableMissingSchema.default(() => ({ strategy: "drop" as const })),
    /** Applied to numeric and date features; fitted on the training rows only and saved with the run. */
    normalization: z.enum(["none", "standardize", "minmax"]).default("standardize"),
    /** "auto": classification for non-numeric labels or integer labels with at most 20 values. */
    task: z.enum(["auto", "classification", "regression"]).default("auto"),
  })
  .strict();

export type TableColumn = z.output<typeof TableColumnSchema>;
export type TableSource = z.output<typeof TableSourceSchema>;
export type TableSourceInput = z.input<typeof TableSourceSchema>;
