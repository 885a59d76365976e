import { z } from "zod";
import { RawSampleSchema } from "./request";

/**
 * "Inside the model": one sample's feature maps in every convolutional layer and the first
 * convolution's filters, computed by the trainer from the run's real model.
 */

/** Channels drawn per layer at most: a 512-channel layer would be half a megabyte of numbers per sample. */
export const INSIDE_MAX_CHANNELS = 64;

/** Which sample: a raw one (try-it: a dropped image, a row, values) or one of the run's validation part by position. */
export const InsideSampleSchema = z.object({
  sample: RawSampleSchema.optional(),
  /** Position in the run's validation part (the training part when it has none); default 0. */
  index: z.number().int().min(0).max(10_000_000).optional(),
});

export const FeatureMapLayerSchema = z.object({
  /** The layer's name in the graph (its block id). */
  name: z.string(),
  /** tfjs class, e.g. Conv2D. */
  className: z.string(),
  /** The layer's output for one sample: [height, width, channels] (a Conv1D's [steps, channels] has height 1). */
  shape: z.array(z.number().int().min(0)).length(3),
  /** Channels in the layer; only the first INSIDE_MAX_CHANNELS are in `values`. */
  channels: z.number().int().min(0),
  /** Row-major [height, width, shown channels] activations. */
  values: z.array(z.number().nullable()),
});

export const FiltersSchema = z.object({
  layer: z.string(),
  /** [kernel height, kernel width, input channels, filters] (a Conv1D's kernel has height 1). */
  shape: z.array(z.number().int().min(0)).length(4),
  /** The kernel weights, row-major in `shape`; only the first INSIDE_MAX_CHANNELS filters. */
  values: z.array(z.number().nullable()),
});

export const FeatureMapsSchema = z.object({
  /** Where the sample came from: the run's split part and position, or the given raw sample. */
  sample: z.union([
    z.object({
      kind: z.literal("split"),
      part: z.enum(["validation", "train"]),
      index: z.number().int(),
      of: z.number().int(),
    }),
    z.object({ kind: z.literal("given") }),
  ]),
  layers: z.array(FeatureMapLayerSchema),
  filters: FiltersSchema.nullable(),
});

export type InsideSample = z.infer<typeof InsideSampleSchema>;
export type FeatureMapLayer = z.infer<typeof FeatureMapLayerSchema>;
export type Filters = z.infer<typeof FiltersSchema>;
export type FeatureMaps = z.infer<typeof FeatureMapsSchema>;
