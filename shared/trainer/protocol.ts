import { z } from "zod";
import { LiveBoundarySchema } from "../api/schemas/boundary";
import { StepJobSchema } from "../api/schemas/step-through";
import { InlineDatasetSchema } from "../datasets/inline";
import { DatasetSpecSchema } from "../datasets/spec";
import { InsideSampleSchema } from "../evaluation/inside";
import { EvaluateOptionsSchema, RawSampleSchema } from "../evaluation/request";
import { ExportJobSchema } from "../onnx/trainer-job";
import { TelemetryRecordSchema } from "../training/telemetry";
import { GradCheckRequestSchema, OverfitRequestSchema } from "./check-requests";

/**
 * The host <-> trainer protocol: tagged unions validated on both sides. Every message carries a
 * runId (null for messages about the trainer itself, such as `ready`).
 */
const RunId = z.string().min(1).max(128);
const Metrics = z.record(z.string(), z.number().nullable());

export const TrainerRequestSchema = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("start"),
    runId: RunId,
    /** The graph document; the trainer compiles it itself (tfjs never loads in the host). */
    graph: z.unknown(),
    /** Validated by the trainer against shared/training's schema, so errors name the field. */
    training: z.unknown(),
    /** An inline dataset, or a dataset spec whose files the trainer reads itself. */
    data: z.union([InlineDatasetSchema, DatasetSpecSchema]),
    /** Folder for checkpoints and metrics; omitted = keep the model in memory only. */
    runDir: z.string().min(1).optional(),
  }),
  z.object({ type: z.literal("stop"), runId: RunId }),
  z.object({ type: z.literal("pause"), runId: RunId }),
  z.object({ type: z.literal("resume"), runId: RunId }),
  /** Returns an EvaluationReport (shared/evaluation/report.ts) of the run's model on a split or other data. */
  z.object({ type: z.literal("evaluate"), runId: RunId, requestId: z.string(), ...EvaluateOptionsSchema.shape }),
  z
    .object({
      type: z.literal("predict"),
      runId: RunId,
      requestId: z.string(),
      /** Samples already shaped for the model: the result is its raw outputs, as nested arrays. */
      x: z.array(z.unknown()).min(1).optional(),
      /** Raw samples (try-it): preprocessed as in training; the result is a PredictionResult. */
      samples: z.array(RawSampleSchema).min(1).max(1000).optional(),
      /** A saved model (tfjs layers format) to load instead of the run's in-memory one. */
      modelDir: z.string().min(1).optional(),
      /** The run folder whose preprocessing.json and run.json the raw samples go through. */
      runDir: z.string().min(1).optional(),
      /** With runDir: which saved weights answer the raw samples (default best, else last). */
      checkpoint: z.enum(["best", "last"]).optional(),
      /** With runDir: the run's inline data (run.json records it by count only), for its class names. */
      runData: EvaluateOptionsSchema.shape.runData,
    })
    .refine((r) => (r.x === undefined) !== (r.samples === undefined), {
      error: "a predict request carries exactly one of x (model-shaped samples) or samples (raw samples)",
    }),
  /** One sample's feature maps and first filters; the result is FeatureMaps (shared/evaluation/inside.ts). */
  z.object({
    type: z.literal("inside"),
    runId: RunId,
    requestId: z.string(),
    ...InsideSampleSchema.shape,
    ...EvaluateOptionsSchema.pick({ runDir: true, checkpoint: true, runData: true }).shape,
  }),
  z.object({ type: z.literal("exportWeights"), runId: RunId, requestId: z.string() }),
  /** ONNX or tfjs export with verification predictions; the result is an ExportReply (shared/onnx/trainer-job.ts). */
  z.object({ type: z.literal("export"), runId: RunId, requestId: z.string(), ...ExportJobSchema.shape }),
  z.object({ type: z.literal("stepThrough"), runId: RunId, requestId: z.string(), ...StepJobSchema.shape }),
  z.object({ type: z.literal("shutdown"), runId: z.null() }),
  GradCheckRequestSchema,
  OverfitRequestSchema,
]);

export const DONE_REASONS = ["completed", "stopped", "early-stopped", "diverged"] as const;

export const TrainerMessageSchema = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("ready"),
    runId: z.null(),
    backend: z.string(),
    version: z.string(),
    /** Backends tried before the one in use, and why each was not used. */
    skipped: z.array(z.object({ backend: z.string(), reason: z.string() })),
  }),
  z.object({
    type: z.literal("progress"),
    runId: RunId,
    epoch: z.number().int(),
    batch: z.number().int(),
    batchesPerEpoch: z.number().int(),
    loss: z.number().nullable(),
    samplesPerSecond: z.number(),
  }),
  z.object({
    type: z.literal("epoch"),
    runId: RunId,
    epoch: z.number().int(),
    epochs: z.number().int(),
    /** loss and every metric, training and validation (val_ prefix), Keras-style names. */
    metrics: Metrics,
    durationMs: z.number(),
  }),
  z.object({
    type: z.literal("samples"),
    runId: RunId,
    epoch: z.number().int(),
    /** Generated samples (GAN generator, VAE decoder) for the per-epoch grid: shape and flat values. */
    shape: z.array(z.number().int()),
    values: z.array(z.number()),
  }),
  /** The live decision boundary of two-feature data (shared/api/schemas/boundary.ts). */
  z.object({ type: z.literal("boundary"), runId: RunId, boundary: LiveBoundarySchema }),
  /** Per-layer telemetry of one epoch (when training.telemetry.enabled): shared/training/telemetry.ts. */
  z.object({ type: z.literal("telemetry"), runId: RunId, record: TelemetryRecordSchema }),
  z.object({
    type: z.literal("checkpoint"),
    runId: RunId,
    kind: z.enum(["best", "last"]),
    epoch: z.number().int(),
    path: z.string(),
  }),
  z.object({
    type: z.literal("done"),
    runId: RunId,
    reason: z.enum(DONE_REASONS),
    epochs: z.number().int(),
    /** Optimizer steps (batches) taken in the whole run. */
    steps: z.number().int(),
    metrics: Metrics,
    message: z.string().optional(),
  }),
  z.object({ type: z.literal("result"), runId: RunId, requestId: z.string(), value: z.unknown() }),
  z.object({
    type: z.literal("error"),
    runId: RunId.nullable(),
    requestId: z.string().optional(),
    code: z.string(),
    message: z.string(),
  }),
]);

export type TrainerRequest = z.infer<typeof TrainerRequestSchema>;
export type TrainerMessage = z.infer<typeof TrainerMessageSchema>;
export type DoneReason = (typeof DONE_REASONS)[number];

/** Readable one-line summary of a zod failure, for `error` messages about bad requests. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => `${i.path.length ? i.path.join(".") : "(message)"}: ${i.message}`)
    .join("; ");
}

/**
 * An error as a protocol `error` message's code and message. Some errors (the data readers')
 * already start their message with their code; it is removed so that receivers, which print
 * `code: message`, show it once.
 */
export function codedMessage(error: unknown, fallback: string): { code: string; message: string } {
  const own = (error as { code?: unknown } | null)?.code;
  const code = typeof own === "string" ? own : fallback;
  const text = error instanceof Error ? error.message : String(error);
  return { code, message: text.startsWith(`${code}: `) ? text.slice(code.length + 2) : text };
}
