import { z } from "zod";
import { DONE_REASONS } from "../../trainer/protocol";
import { DraftIdSchema, PathSchema, RunIdSchema } from "./common";
import { MetricsSchema } from "./training";

/**
 * Host -> renderer events. Training events mirror the trainer protocol's messages (throttled there)
 * with the run folder added where the UI needs it.
 */
export const TrainerReadyEventSchema = z.object({
  backend: z.string(),
  version: z.string(),
  skipped: z.array(z.object({ backend: z.string(), reason: z.string() })),
});

export const TrainerExitedEventSchema = z.object({ message: z.string() });

export const TrainStartedEventSchema = z.object({
  runId: RunIdSchema,
  name: z.string(),
  projectPath: PathSchema.nullable(),
  /** The draft id the run was started under (see DraftIdSchema); null when none was given. */
  draft: DraftIdSchema.nullable(),
  runDir: PathSchema.nullable(),
  backend: z.string(),
  /** Epochs planned (the training config's), so the progress shows "1 / 20" from the first batch. */
  epochs: z.number().int(),
});

export const TrainProgressEventSchema = z.object({
  runId: RunIdSchema,
  epoch: z.number().int(),
  batch: z.number().int(),
  batchesPerEpoch: z.number().int(),
  loss: z.number().nullable(),
  samplesPerSecond: z.number(),
});

export const TrainEpochEventSchema = z.object({
  runId: RunIdSchema,
  /** 0-based, as the trainer sends it. */
  epoch: z.number().int(),
  epochs: z.number().int(),
  metrics: MetricsSchema,
  durationMs: z.number(),
});

export const TrainSamplesEventSchema = z.object({
  runId: RunIdSchema,
  epoch: z.number().int(),
  shape: z.array(z.number().int()),
  values: z.array(z.number()),
});

export const TrainCheckpointEventSchema = z.object({
  runId: RunIdSchema,
  kind: z.enum(["best", "last"]),
  epoch: z.number().int(),
  path: z.string(),
});

export const TrainStatusEventSchema = z.object({ runId: RunIdSchema, status: z.enum(["running", "paused"]) });

export const TrainDoneEventSchema = z.object({
  runId: RunIdSchema,
  reason: z.enum(DONE_REASONS),
  epochs: z.number().int(),
  steps: z.number().int(),
  metrics: MetricsSchema,
  message: z.string().optional(),
  runDir: PathSchema.nullable(),
});

export const TrainErrorEventSchema = z.object({
  /** null when the error concerns the trainer itself rather than one run. */
  runId: RunIdSchema.nullable(),
  code: z.string(),
  message: z.string(),
});

/** Electron's menu and shortcuts ask the renderer to run a command by id. */
export const AppCommandEventSchema = z.object({ id: z.string(), args: z.unknown().optional() });

/** The window is about to close: the renderer answers with `app.closeResponse`. */
export const AppCloseRequestedEventSchema = z.object({});

/** The shell was asked to open a file (file association, second instance, drop on the dock icon). */
export const AppOpenFileEventSchema = z.object({ path: PathSchema });
