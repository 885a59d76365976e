import { z } from "zod";

/**
 * The run's saved preprocessing (preprocessing.json, written by main/trainer/run/dataset.ts and
 * image-stream.ts) as the pipeline reads it, one schema per data kind, plus what
 * main/services/export-job.ts preprocessingOf() gives for sources that save none ({kind:"none"},
 * {kind:"idx", scale}). Objects are loose: the pipeline reads only the fields it needs.
 */

const num = z.number().refine(Number.isFinite, { error: "expected a finite number" });

/** main/data/table/stats.ts FeatureStat. */
export const FeatureStatSchema = z.looseObject({
  name: z.string(),
  type: z.enum(["numeric", "categorical", "boolean", "date", "text"]),
  unit: z.string().optional(),
  stripUnit: z.boolean().default(false),
  categories: z.array(z.string()).optional(),
  encoding: z.enum(["onehot", "ordinal"]).optional(),
  fill: z.union([num, z.string()]),
  center: num,
  scale: num,
});
export type FeatureStat = z.output<typeof FeatureStatSchema>;

export const TablePreprocessingSchema = z.looseObject({
  kind: z.literal("table"),
  featureNames: z.array(z.string()),
  classNames: z.array(z.string()).default([]),
  stats: z.looseObject({
    task: z.enum(["classification", "regression"]),
    label: z.looseObject({ name: z.string() }),
    features: z.array(FeatureStatSchema).min(1),
    featureNames: z.array(z.string()),
    normalization: z.enum(["none", "standardize", "minmax"]),
  }),
});
export type TablePreprocessing = z.output<typeof TablePreprocessingSchema>;

export const ImagePreprocessingSchema = z.looseObject({
  kind: z.literal("imageFolder"),
  classNames: z.array(z.string()).default([]),
  /** [height, width, channels] as trained. */
  shape: z.tuple([z.number().int().min(1), z.number().int().min(1), z.union([z.literal(1), z.literal(3)])]),
  stats: z
    .looseObject({ mean: z.array(num), std: z.array(num) })
    .nullable()
    .default(null),
});
export type ImagePreprocessing = z.output<typeof ImagePreprocessingSchema>;

export const IdxPreprocessingSchema = z.looseObject({
  kind: z.literal("idx"),
  scale: z.enum(["unit", "none"]).default("unit"),
});

export const NonePreprocessingSchema = z.looseObject({ kind: z.literal("none") });

const ColumnScaleSchema = z.looseObject({ name: z.string(), offset: num, scale: num });
export type ColumnScale = z.output<typeof ColumnScaleSchema>;

export const SeriesPreprocessingSchema = z.looseObject({
  kind: z.literal("timeSeries"),
  lookback: z.number().int().min(1),
  horizon: z.number().int().min(1),
  differencing: z.boolean(),
  scaling: z.enum(["none", "standardize", "minmax"]),
  features: z.array(ColumnScaleSchema).min(1),
  target: ColumnScaleSchema,
});
export type SeriesPreprocessing = z.output<typeof SeriesPreprocessingSchema>;

const TokenizerSchema = z.looseObject({
  level: z.enum(["word", "char"]),
  lowercase: z.boolean(),
  vocabSize: z.number().int(),
  oovToken: z.string(),
});

export const TextPreprocessingSchema = z.looseObject({
  kind: z.literal("text"),
  tokenizer: TokenizerSchema,
  maxLength: z.number().int().min(1),
  padding: z.enum(["pre", "post"]),
  truncation: z.enum(["pre", "post"]),
  vocabulary: z.array(z.string()),
  classNames: z.array(z.string()).default([]),
});
export type TextPreprocessing = z.output<typeof TextPreprocessingSchema>;

export const PairsPreprocessingSchema = z.looseObject({
  kind: z.literal("sentencePairs"),
  tokenizer: TokenizerSchema,
  maxLength: z.number().int().min(1),
  startToken: z.string(),
  endToken: z.string(),
  encoderInput: z.string(),
  decoderInput: z.string(),
  sourceVocabulary: z.array(z.string()),
  targetVocabulary: z.array(z.string()),
});
export type PairsPreprocessing = z.output<typeof PairsPreprocessingSchema>;

export const PreprocessingSchema = z.discriminatedUnion("kind", [
  TablePreprocessingSchema,
  ImagePreprocessingSchema,
  IdxPreprocessingSchema,
  NonePreprocessingSchema,
  SeriesPreprocessingSchema,
  TextPreprocessingSchema,
  PairsPreprocessingSchema,
]);
export type Preprocessing = z.output<typeof PreprocessingSchema>;

const KINDS = ["table", "imageFolder", "idx", "none", "timeSeries", "text", "sentencePairs"];

/** Parses the saved preprocessing; a clear error names the kind and the field that does not fit. */
export function parsePreprocessing(value: unknown): Preprocessing {
  const kind = (value as { kind?: unknown } | null)?.kind;
  if (typeof kind !== "string" || !KINDS.includes(kind)) {
    throw new Error(
      `expected the run's preprocessing with a kind of ${KINDS.join(", ")}; received ${value === null || value === undefined ? "none" : `kind ${JSON.stringify(kind)}`}`,
    );
  }
  const r = PreprocessingSchema.safeParse(value);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw new Error(
      `the run's ${kind} preprocessing does not fit: ${issue.path.join(".") || "(root)"}: ${issue.message}`,
    );
  }
  return r.data;
}
