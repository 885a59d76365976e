import { z } from "zod";
import { EVALUATION_SPLITS } from "../../evaluation/report";
import { ProjectSchema } from "../../ir/project";
import { DONE_REASONS } from "../../trainer/protocol";
import { DraftIdSchema, PathSchema, RunIdSchema, TimestampSchema } from "./common";

const Metrics = z.record(z.string(), z.number().nullable());

export const TrainStartRequestSchema = z
  .object({
    /** The project as it is in the editor (it need not be saved). */
    project: ProjectSchema,
    /** Its file: runs are stored in `<name>.runs/<runId>/` beside it; null keeps the run in memory. */
    projectPath: PathSchema.nullable(),
    /** The project's identity in the editor: an unsaved project's runs are kept under it. */
    draft: DraftIdSchema.optional(),
  })
  .strict();

export const TrainStartResultSchema = z.object({
  runId: RunIdSchema,
  runDir: PathSchema.nullable(),
  backend: z.string(),
});

export const RunRefSchema = z.object({ runId: RunIdSchema }).strict();

export const RUN_STATUSES = ["running", "paused", ...DONE_REASONS, "failed", "interrupted"] as const;
export const RunStatusSchema = z.enum(RUN_STATUSES);

export const BestMetricSchema = z.object({
  metric: z.string(),
  value: z.number(),
  /** 1-based epoch. */
  epoch: z.number().int(),
  mode: z.enum(["min", "max"]),
});

export const RunSummarySchema = z.object({
  runId: RunIdSchema,
  name: z.string(),
  status: RunStatusSchema,
  started: TimestampSchema.nullable(),
  /** Epochs finished so far. */
  epochs: z.number().int(),
  epochsPlanned: z.number().int().nullable(),
  best: BestMetricSchema.nullable(),
  /** The last epoch's metrics. */
  last: Metrics.nullable(),
  runDir: PathSchema.nullable(),
  /** The reason text of a run that did not complete (diverged, early-stopped, failed). */
  message: z.string().nullable(),
  hasModel: z.boolean(),
  /** The parts of its data split that exist (validation only when it validated; a GAN: train only). */
  parts: z.array(z.enum(EVALUATION_SPLITS)),
  /** The checkpoints its folder holds (a run without a folder, or before its first save: none). */
  checkpoints: z.array(z.enum(["best", "last"])),
});

/** One line of metrics.jsonl: 1-based epoch plus loss and every metric (val_ prefix for validation). */
export const EpochRecordSchema = z.object({ epoch: z.number().int() }).catchall(z.number().nullable());

/** A project's runs: those beside its file, and those made under its draft id before it was saved. */
export const RunsListRequestSchema = z
  .object({ projectPath: PathSchema.nullable(), draft: DraftIdSchema.optional() })
  .strict();
export const RunsListResultSchema = z.object({ runs: z.array(RunSummarySchema) });

export const RunGetRequestSchema = z
  .object({ projectPath: PathSchema.nullable(), draft: DraftIdSchema.optional(), runId: RunIdSchema })
  .strict();
export const RunGetResultSchema = z.object({
  run: RunSummarySchema,
  history: z.array(EpochRecordSchema),
  /** run.json as written when the run started (training settings, data summary, graph). */
  record: z.record(z.string(), z.unknown()).nullable(),
});

export const MetricsCsvResultSchema = z.object({ fileName: z.string(), csv: z.string() });

export { Metrics as MetricsSchema };
