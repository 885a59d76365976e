import { z } from "zod";

/**
 * The EvaluationReport: what the trainer's `evaluate` request returns and the Evaluate tab draws,
 * one variant per task (discriminated by `task`). Arrays are capped (see EVALUATION_LIMITS) so a
 * report stays a few hundred kilobytes whatever the dataset's size; `notes` says when a cap cut.
 */
export const EVALUATION_LIMITS = {
  /** Points per ROC or precision-recall curve (decimated; the areas use every point). */
  curvePoints: 200,
  /** Classes that get their own ROC and PR curves (the first ones; AUCs are computed for all). */
  curveClasses: 20,
  mistakes: 12,
  /** Points in the predicted-vs-actual scatter and the residual plot (an even sample). */
  scatterPoints: 1000,
  reconstructions: 16,
  /** Values per sample in a reconstruction or a generated sample; bigger samples are cut. */
  sampleValues: 4096,
  /** Side of the thumbnail images of mistakes (pixels); larger images are shrunk to fit. */
  thumbnail: 32,
  /** Cells per side of the decision-boundary grid. */
  boundaryResolution: 60,
  /** Data points drawn over the decision boundary. */
  boundaryPoints: 500,
  sequenceExamples: 8,
} as const;

/** Which samples: a part of the run's own data split, or other data the user chose ("data"). */
export const EVALUATION_SPLITS = ["validation", "test", "train"] as const;
export const EvaluatedSetSchema = z.enum([...EVALUATION_SPLITS, "data"]);

const num = z.number();
const count = z.number().int().min(0);
const nullableNum = z.number().nullable();
const numbers = z.array(num);

/** A sample shown the way the user knows it: a thumbnail, a table row, a text, or its values. */
export const SampleInputSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("image"),
    /** [height, width, channels] of the thumbnail (1 grey, 3 RGB). */
    shape: z.tuple([count, count, count]),
    /** Pixels in [0, 1], row-major height x width x channels. */
    values: numbers,
    /** The image file, relative to the image folder. */
    file: z.string().optional(),
  }),
  z.object({
    kind: z.literal("table"),
    /** The feature columns as in the file, with the row's raw cells (null = missing). */
    columns: z.array(z.string()),
    values: z.array(z.union([z.string(), num, z.null()])),
    /** 1-based record number in the file (the header is record 1). */
    row: count.optional(),
  }),
  z.object({ kind: z.literal("text"), text: z.string(), line: count.optional() }),
  z.object({
    kind: z.literal("values"),
    shape: z.array(count),
    /** Flat, row-major; cut at EVALUATION_LIMITS.sampleValues (then `truncated`). */
    values: numbers,
    truncated: z.boolean(),
  }),
]);

export const ClassScoresSchema = z.object({ precision: num, recall: num, f1: num, support: count });

export const RocCurveSchema = z.object({ fpr: numbers, tpr: numbers, thresholds: numbers, auc: num });
export const PrCurveSchema = z.object({
  precision: numbers,
  recall: numbers,
  thresholds: numbers,
  averagePrecision: num,
});

export const MistakeSchema = z.object({
  index: count,
  trueClass: count,
  predictedClass: count,
  confidence: num,
  input: SampleInputSchema.optional(),
});

/** The model's answer over the plane of a two-feature input, with the data drawn over it. */
export const DecisionBoundarySchema = z.object({
  /** Feature names of the x and y axes. */
  axes: z.tuple([z.string(), z.string()]),
  x: z.object({ min: num, max: num }),
  y: z.object({ min: num, max: num }),
  /** Cells per side; values are row-major from (x.min, y.min), x fastest. */
  resolution: count,
  /** "class": the predicted class id per cell; "value": the predicted value (regression). */
  kind: z.enum(["class", "value"]),
  values: numbers,
  /** Classification: the probability of the predicted class per cell. */
  confidence: numbers.optional(),
  /** Evaluated samples (capped): coordinates and target (class id or value). */
  points: z.object({ x: numbers, y: numbers, target: numbers }),
});

const base = {
  set: EvaluatedSetSchema,
  /** Which weights: the run's best or last checkpoint, or the model in the trainer's memory. */
  weights: z.enum(["best", "last", "memory"]),
  /** The 1-based epoch the checkpoint was saved after; null when unknown (memory, or an older checkpoint). */
  weightsEpoch: z.number().int().nullable().optional(),
  samples: count,
  /** The training loss on these samples (null when undefined, e.g. a GAN). */
  loss: nullableNum,
  /** The run's configured metrics on these samples, Keras-style names (accuracy, mae, ...). */
  metrics: z.record(z.string(), nullableNum),
  /** Caps applied and other things the view should tell the user. */
  notes: z.array(z.string()),
};

const classes = {
  classNames: z.array(z.string()),
  accuracy: num,
  /** A constant classifier predicting the most frequent class of `from` (the training part if known). */
  baseline: z.object({ classId: count, className: z.string(), accuracy: num, from: z.enum(["train", "evaluated"]) }),
  confusion: z.object({
    /** counts[true][predicted]; rows sum to each class's support. */
    counts: z.array(z.array(count)),
    /** Each row divided by its sum (an empty row stays 0). */
    normalized: z.array(z.array(num)),
  }),
  perClass: z.array(ClassScoresSchema),
  macro: ClassScoresSchema,
  weighted: ClassScoresSchema,
  mistakes: z.array(MistakeSchema),
  boundary: DecisionBoundarySchema.nullable(),
};

export const ClassificationReportSchema = z.object({
  task: z.literal("classification"),
  ...base,
  ...classes,
  /** One-vs-rest curves per class (null when a class has no sample, or beyond curveClasses). */
  roc: z.array(RocCurveSchema.nullable()),
  pr: z.array(PrCurveSchema.nullable()),
  /** Mean of the per-class AUCs (and APs) defined on these samples. */
  macroAuc: nullableNum,
  macroAveragePrecision: nullableNum,
});

export const BinaryReportSchema = z.object({
  task: z.literal("binary"),
  ...base,
  ...classes,
  /** The score above which a sample is called positive (class 1). */
  threshold: num,
  /** Curves of the positive class; null when the samples hold a single class. */
  roc: RocCurveSchema.nullable(),
  pr: PrCurveSchema.nullable(),
});

export const RegressionReportSchema = z.object({
  task: z.literal("regression"),
  ...base,
  /** Values predicted per sample (a forecast horizon, several targets). */
  outputs: count,
  /** Input features per sample (p of the adjusted R²). */
  features: count,
  mae: num,
  mse: num,
  rmse: num,
  r2: num,
  adjustedR2: nullableNum,
  /** Predicted vs actual and the residuals (actual - predicted), every output, an even sample. */
  scatter: z.object({ actual: numbers, predicted: numbers, residual: numbers }),
  boundary: DecisionBoundarySchema.nullable(),
});

export const AutoencoderReportSchema = z.object({
  task: z.literal("autoencoder"),
  ...base,
  mse: num,
  mae: num,
  /** The first samples and their reconstructions, flat, each of `shape`. */
  reconstructions: z.object({ shape: z.array(count), inputs: z.array(numbers), outputs: z.array(numbers) }),
});

const samples = z.object({ shape: z.array(count), values: numbers });

export const GanReportSchema = z.object({
  task: z.literal("gan"),
  ...base,
  /** Fresh generator samples ([count, ...sample shape], flat) next to real ones for comparison. */
  generated: samples,
  real: samples.nullable(),
});

export const SequenceReportSchema = z.object({
  task: z.literal("sequence"),
  ...base,
  /** Share of non-padding target tokens predicted exactly (teacher forcing). */
  tokenAccuracy: nullableNum,
  examples: z.array(z.object({ source: z.string(), target: z.string(), predicted: z.string() })),
});

/** A model the views have no task for (several outputs, say): loss and metrics only, and why. */
export const OtherReportSchema = z.object({ task: z.literal("other"), ...base, reason: z.string() });

export const EvaluationReportSchema = z.discriminatedUnion("task", [
  ClassificationReportSchema,
  BinaryReportSchema,
  RegressionReportSchema,
  AutoencoderReportSchema,
  GanReportSchema,
  SequenceReportSchema,
  OtherReportSchema,
]);

export type SampleInput = z.infer<typeof SampleInputSchema>;
export type DecisionBoundary = z.infer<typeof DecisionBoundarySchema>;
export type EvaluatedSet = z.infer<typeof EvaluatedSetSchema>;
export type EvaluationReport = z.infer<typeof EvaluationReportSchema>;
export type EvaluationTask = EvaluationReport["task"];
export type ReportOf<T extends EvaluationTask> = Extract<EvaluationReport, { task: T }>;

/** One try-it prediction: the class with every class's probability, or the output values. */
export const PredictionSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("class"),
    classId: count,
    className: z.string(),
    confidence: num,
    /** Per class, index = class id (binary: [1 - p, p]). */
    probabilities: numbers,
  }),
  z.object({
    kind: z.literal("values"),
    shape: z.array(count),
    /** Series: the forecast per horizon step in the target's units; table regression: the label's units. */
    values: numbers,
    /** What each value is, where the run knows ("sales t+1", "price"). */
    names: z.array(z.string()).optional(),
  }),
]);

/** The `predict` result for raw samples (the try-it panel): one prediction per sample. */
export const PredictionResultSchema = z.object({
  classNames: z.array(z.string()).nullable(),
  predictions: z.array(PredictionSchema),
  /** Per sample, what the run's preprocessing could not use as given (a missing column filled, ...). */
  warnings: z.array(z.array(z.string())),
});

export type Prediction = z.infer<typeof PredictionSchema>;
export type PredictionResult = z.infer<typeof PredictionResultSchema>;
