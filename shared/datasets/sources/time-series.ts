import { z } from "zod";

/**
 * A time series in a delimited file with a header row, one time step per row, oldest first.
 * Samples are windows: `lookback` consecutive steps of the feature columns -> the next `horizon`
 * values of the target column (regression). Order is time: a series is never shuffled across time,
 * and the split is chronological (train = the earlier part, then validation, then test, with a gap
 * of horizon-1 windows so no training target lies in a held-out part). Differencing (x[t]-x[t-1])
 * happens first; scaling is then fitted on the training part only and saved with the run.
 */
export const TimeSeriesSourceSchema = z
  .object({
    kind: z.literal("timeSeries"),
    path: z.string().min(1),
    /** Feature columns; default: every numeric column (a date or text column is left out). */
    columns: z.array(z.string().min(1)).min(1).optional(),
    /** The column to forecast; default: the first feature column. */
    target: z.string().min(1).optional(),
    lookback: z.number().int().min(1).max(100_000).default(12),
    horizon: z.number().int().min(1).max(10_000).default(1),
    /** First differences of every column; the model then forecasts changes, not levels. */
    differencing: z.boolean().default(false),
    scaling: z.enum(["none", "standardize", "minmax"]).default("standardize"),
  })
  .strict();

export type TimeSeriesSource = z.output<typeof TimeSeriesSourceSchema>;
export type TimeSeriesSourceInput = z.input<typeof TimeSeriesSourceSchema>;
