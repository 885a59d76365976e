import { z } from "zod";

/**
 * Per-layer training telemetry (issue 16, item 3): the setting that turns it on, and the record the
 * trainer writes to `telemetry.jsonl` in the run folder and streams beside the curves. Its own file
 * so that config.ts (already past 300 lines) only names it.
 */

/** Bins of every histogram: TensorBoard-like resolution at a fixed, small size per record. */
export const TELEMETRY_BINS = 30;
/** Name of the file in the run folder. */
export const TELEMETRY_FILE = "telemetry.jsonl";
/**
 * Upper bound of telemetry.jsonl: once the next record would pass it, recording stops (a note
 * says so). Records are spaced out beforehand so that a whole run fits: see telemetry-recorder.ts.
 */
export const TELEMETRY_MAX_BYTES = 4 * 1024 * 1024;
/** Gradient norm relative to the weights' norm under which a layer's gradients count as vanishing. */
export const VANISHING_RELATIVE = 1e-7;
/** Growth of a layer's gradient norm per epoch that counts as exploding (with the norm above 1). */
export const EXPLODING_GROWTH = 10;

const error = "must be a finite number > 0";
export const TelemetryConfigSchema = z
  .object({
    /** Off by default: recording costs a forward and backward pass on one batch per record. */
    enabled: z.boolean({ error: "must be true or false" }).default(false),
    /** A layer's gradient L2 norm above this is reported as exploding. */
    explodingNorm: z.number({ error }).gt(0, { error }).default(1000),
  })
  .strict();
export type TelemetryConfig = z.output<typeof TelemetryConfigSchema>;

/** A histogram of TELEMETRY_BINS equal-width bins over [min, max] (numpy.histogram's rule). */
export const HistogramSchema = z.object({ min: z.number(), max: z.number(), counts: z.array(z.number().int()) });
export type Histogram = z.infer<typeof HistogramSchema>;

export const TELEMETRY_WARNINGS = ["vanishing", "exploding", "dead"] as const;
export const TelemetryWarningSchema = z.object({ kind: z.enum(TELEMETRY_WARNINGS), message: z.string() });
export type TelemetryWarning = z.infer<typeof TelemetryWarningSchema>;

export const LayerTelemetrySchema = z.object({
  name: z.string(),
  /** tfjs class name (Dense, Conv2D, ...). */
  className: z.string(),
  weights: HistogramSchema.nullable(),
  activations: HistogramSchema.nullable(),
  gradients: HistogramSchema.nullable(),
  /** L2 norm of the gradients of all the layer's trainable weights; null for layers without weights. */
  gradNorm: z.number().nullable(),
  weightNorm: z.number().nullable(),
  /** Fraction of ReLU units never positive on the sampled batch; null for layers without a ReLU. */
  deadFraction: z.number().nullable(),
  warnings: z.array(TelemetryWarningSchema),
});
export type LayerTelemetry = z.infer<typeof LayerTelemetrySchema>;

/** One line of telemetry.jsonl: the state after `epoch` (1-based, as metrics.jsonl counts). */
export const TelemetryRecordSchema = z.object({
  epoch: z.number().int(),
  /** Samples in the batch the activations and gradients were computed on. */
  samples: z.number().int(),
  layers: z.array(LayerTelemetrySchema),
});
export type TelemetryRecord = z.infer<typeof TelemetryRecordSchema>;
