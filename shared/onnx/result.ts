import { z } from "zod";
import { SampleInputSchema } from "../evaluation/report";
import { EXPORT_INPUT_MODES, PORT_DTYPES, TABLE_INPUT_MODES } from "./pipeline/types";

/**
 * The export contract shared by the host service (main/services/export.ts), the CLI and the UI:
 * what an export will do (the readiness report) and what it did (the result). Plain JSON.
 */

export const EXPORT_FORMATS = ["onnx", "tfjs"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Largest absolute difference between the exported file's and the trained model's outputs that passes. */
export const VERIFY_TOLERANCE = 1e-4;

/** Verification inputs per export unless asked otherwise. */
export const DEFAULT_VERIFY_SAMPLES = 64;

/**
 * Per node: exported as is; approximated (the file computes tfjs' inference form, which differs
 * from training, or drops something that can change outputs, with the reason); dropped (a
 * training-only layer, the identity in the file); notExportable (with the reason); excluded (not
 * an ancestor of the exported outputs, e.g. a GAN's discriminator unless it is asked for).
 */
export const READINESS_STATUSES = ["exported", "approximated", "dropped", "notExportable", "excluded"] as const;
export type ReadinessStatus = (typeof READINESS_STATUSES)[number];

export const NodeReadinessSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.string(),
  status: z.enum(READINESS_STATUSES),
  /** Why, for every status but a plain "exported". */
  reason: z.string().optional(),
  /** The ONNX op types this node becomes, in order (empty when it emits none). */
  ops: z.array(z.string()),
});
export type NodeReadiness = z.infer<typeof NodeReadinessSchema>;

export const ReadinessReportSchema = z.object({
  /** True when the file can be written: no graph errors, every needed node maps. */
  exportable: z.boolean(),
  /** Node ids whose values become the file's outputs, in order. */
  outputs: z.array(z.string()),
  /** Every node of the graph, in topological order. */
  nodes: z.array(NodeReadinessSchema),
  /** One sentence per reason the graph cannot be exported (empty when exportable). */
  problems: z.array(z.string()),
  counts: z.record(z.enum(READINESS_STATUSES), z.number().int()),
});
export type ReadinessReport = z.infer<typeof ReadinessReportSchema>;

/** A graph input or output of the exported model; "N" (and other names) are dynamic dimensions. */
export const TensorInfoSchema = z.object({
  name: z.string(),
  dtype: z.enum(PORT_DTYPES),
  shape: z.array(z.union([z.number().int(), z.string()])),
});
export type TensorInfo = z.infer<typeof TensorInfoSchema>;

export const ExportInputModeSchema = z.enum(EXPORT_INPUT_MODES);
export const TableInputModeSchema = z.enum(TABLE_INPUT_MODES);

const PortSchema = TensorInfoSchema.extend({ description: z.string() });

/** The file's data pipeline as users read it (shared/onnx/pipeline/types.ts PipelineDescription, minus metadata). */
export const PipelineSummarySchema = z.object({
  mode: ExportInputModeSchema,
  inputs: z.array(PortSchema),
  outputs: z.array(PortSchema),
  /** The preprocessing inside the file (raw) or the one the user must apply (bare), step by step. */
  steps: z.array(z.string()),
  /** What stays the user's job either way (resizing, tokenizing, stripping units). */
  userSteps: z.array(z.string()),
});
export type PipelineSummary = z.infer<typeof PipelineSummarySchema>;

/**
 * Verification on raw data: samples read from the user's own data files, fed raw to
 * onnxruntime and to NetForge (preprocessing + model, the Try-it path), answers side by side.
 */
export const RawCheckSchema = z.object({
  /** Where the samples came from ("validation rows of iris.csv", "random inputs"). */
  source: z.string(),
  /** Samples whose labels (or rounded answers) agree, of `count`. */
  agree: z.number().int(),
  count: z.number().int(),
  /** The first few samples, shown in the report: the raw input and both answers as text. */
  shown: z.array(
    z.object({
      input: SampleInputSchema,
      netforge: z.string(),
      onnx: z.string(),
      agree: z.boolean(),
    }),
  ),
});
export type RawCheck = z.infer<typeof RawCheckSchema>;

/**
 * `netforge export --json` prints this object; exportRun resolves with it. `file` is null when a
 * failed verification removed the file. opset and irVersion are null for the tfjs format.
 * maxAbsDiff/maxRelDiff are null and samples 0 when verification was skipped.
 */
export const ExportResultSchema = z.object({
  file: z.string().nullable(),
  format: z.enum(EXPORT_FORMATS),
  opset: z.number().int().nullable(),
  irVersion: z.number().int().nullable(),
  inputs: z.array(TensorInfoSchema),
  outputs: z.array(TensorInfoSchema),
  verified: z.boolean(),
  maxAbsDiff: z.number().nullable(),
  maxRelDiff: z.number().nullable(),
  samples: z.number().int(),
  warnings: z.array(z.string()),
  readiness: ReadinessReportSchema,
  /** ONNX: what the file takes and returns, and the preprocessing inside it (null for tfjs). */
  pipeline: PipelineSummarySchema.nullable().default(null),
  /** ONNX: the raw-data check (null when verification was skipped or the export is bare). */
  rawCheck: RawCheckSchema.nullable().default(null),
  /** Files written beside the model (README, vocabulary), as paths. */
  beside: z.array(z.string()).default([]),
});
export type ExportResult = z.infer<typeof ExportResultSchema>;
