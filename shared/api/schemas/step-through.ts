import { z } from "zod";
import { InlineDatasetSchema } from "../../datasets/inline";
import { DatasetSpecSchema } from "../../datasets/spec";
import { ProjectSchema } from "../../ir/project";
import { DraftIdSchema, PathSchema } from "./common";

/**
 * Step-through: one forward pass, the loss, every gradient and one optimizer step on a copy of the
 * weights, for one sample of a project's data (or one typed in), all computed by the trainer's tfjs.
 */
type Nested = number | Nested[];
const Nested: z.ZodType<Nested> = z.lazy(() => z.union([z.number().finite(), z.array(Nested)]));

/** Above this many weights the values are summarized per tensor (shape, mean, std, min, max). */
export const STEP_DETAIL_MAX_PARAMS = 500;
/** Largest tensor whose values are listed in detail mode (bigger ones are summarized). */
export const STEP_DETAIL_MAX_VALUES = 1024;

export const StepSampleSchema = z
  .object({
    /** Which sample of the training part (0-based). */
    index: z.number().int().min(0).optional(),
    /** A sample typed in instead: its input (the Input's shape) and target (the output's). */
    x: Nested.optional(),
    y: Nested.optional(),
  })
  .strict()
  .refine((s) => (s.x === undefined) === (s.y === undefined), { error: "a typed-in sample needs both x and y" })
  .refine((s) => s.x === undefined || s.index === undefined, { error: "give a sample index or x and y, not both" });

/** What the trainer needs: the graph, the training settings and the data (paths absolute). */
export const StepJobSchema = z.object({
  graph: z.unknown(),
  training: z.unknown(),
  data: z.union([InlineDatasetSchema, DatasetSpecSchema]),
  sample: StepSampleSchema.default({}),
});

export const StepThroughRequestSchema = z
  .object({
    project: ProjectSchema,
    /** Where the project file is: the data's relative paths resolve from it. */
    projectPath: PathSchema.nullable(),
    draft: DraftIdSchema.optional(),
    sample: StepSampleSchema.optional(),
  })
  .strict();

export const TensorViewSchema = z.object({
  shape: z.array(z.number().int()),
  /** Row-major values; absent when the tensor or the model is too large to list. */
  values: z.array(z.number()).optional(),
  mean: z.number(),
  std: z.number(),
  min: z.number(),
  max: z.number(),
});

export const StepWeightSchema = z.object({
  /** The spec's weight name (kernel, bias, recurrentKernel, ...). */
  name: z.string(),
  trainable: z.boolean(),
  value: TensorViewSchema,
  /** dL/dw (absent for frozen weights). */
  grad: TensorViewSchema.optional(),
  /** The weight after one optimizer step from the same start. */
  updated: TensorViewSchema.optional(),
});

export const StepLayerSchema = z.object({
  /** The graph node this tfjs layer belongs to (a node may build several layers). */
  nodeId: z.string(),
  layer: z.string(),
  kind: z.string(),
  /** The layer spec's formula, and the activation's when the layer has one. */
  formula: z.string(),
  activation: z.object({ name: z.string(), formula: z.string() }).optional(),
  /** net = x W + b before the activation (Dense and convolution layers with an activation). */
  pre: z.object({ value: TensorViewSchema, grad: TensorViewSchema }).optional(),
  outputs: z.array(z.object({ value: TensorViewSchema, grad: TensorViewSchema })),
  weights: z.array(StepWeightSchema),
});

export const StepThroughResultSchema = z.object({
  /** True when every value is listed (at most STEP_DETAIL_MAX_PARAMS weights). */
  detailed: z.boolean(),
  paramCount: z.number().int(),
  /** Which sample: its index in the training part, or null when typed in. */
  sampleIndex: z.number().int().nullable(),
  inputs: z.array(TensorViewSchema),
  targets: z.array(TensorViewSchema),
  loss: z.object({ value: z.number(), name: z.string(), formula: z.string() }),
  optimizer: z.object({ name: z.string(), learningRate: z.number(), formula: z.string() }),
  /** In forward order; backward is the same list read from the end. */
  layers: z.array(StepLayerSchema),
});

export type StepJob = z.input<typeof StepJobSchema>;
export type StepSample = z.infer<typeof StepSampleSchema>;
export type TensorView = z.infer<typeof TensorViewSchema>;
export type StepLayer = z.infer<typeof StepLayerSchema>;
export type StepThroughResult = z.infer<typeof StepThroughResultSchema>;
