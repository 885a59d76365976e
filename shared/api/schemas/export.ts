import { z } from "zod";
import { ProjectSchema } from "../../ir/project";
import {
  EXPORT_FORMATS,
  ExportInputModeSchema,
  ExportResultSchema,
  ReadinessReportSchema,
  TableInputModeSchema,
} from "../../onnx/result";
import { DraftIdSchema, PathSchema, RunIdSchema } from "./common";

export const ExportFormatSchema = z.enum(EXPORT_FORMATS);

export const ExportReadinessRequestSchema = z
  .object({
    project: ProjectSchema,
    /** A GAN exports its generator; this adds the discriminator as a second output. */
    discriminator: z.boolean().optional(),
  })
  .strict();

/** Per node: exported, approximated, dropped or not exportable, and why. */
export const ExportReadinessResultSchema = z.object({ report: ReadinessReportSchema });

export const ExportRunRequestSchema = z
  .object({
    projectPath: PathSchema.nullable(),
    draft: DraftIdSchema.optional(),
    runId: RunIdSchema,
    format: ExportFormatSchema,
    /** Destination file (onnx) or folder (tfjs); must lie in an opened folder. */
    out: PathSchema,
    /** Default true: run the file in onnxruntime against the trainer's predictions. */
    verify: z.boolean().optional(),
    /** Keep a file whose verification failed (with a warning) instead of deleting it. */
    keepOnFailure: z.boolean().optional(),
    discriminator: z.boolean().optional(),
    /** ONNX: raw data in (default) or the bare network that expects preprocessed inputs. */
    inputs: ExportInputModeSchema.optional(),
    /** ONNX raw tables: one input per column (default) or one float matrix (all-numeric tables). */
    tableInputs: TableInputModeSchema.optional(),
  })
  .strict();

/** { file, format, opset, irVersion, inputs, outputs, verified, maxAbsDiff, maxRelDiff, samples, warnings, readiness }. */
export const ExportRunResultSchema = z.object({ result: ExportResultSchema });
