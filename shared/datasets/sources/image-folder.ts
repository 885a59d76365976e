import { z } from "zod";

/**
 * Augmentation applied on the fly to training samples only (validation and test images are never
 * augmented). Every field is off by default. Geometric ranges are sampled uniformly per sample.
 */
export const ImageAugmentationSchema = z
  .object({
    /** Mirror left-right with probability 1/2. */
    horizontalFlip: z.boolean().default(false),
    /** Largest rotation in degrees; each sample is turned by an angle in [-rotation, rotation]. */
    rotation: z.number().min(0).max(180).default(0),
    /** Largest relative zoom; each sample is scaled by a factor in [1 - zoom, 1 + zoom]. */
    zoom: z.number().min(0).lt(1).default(0),
    /** Largest shift as a fraction of the width/height; each axis is shifted independently. */
    translation: z.number().min(0).max(0.5).default(0),
    /** Standard deviation of additive Gaussian noise, in [0, 1] intensity units (before standardizing). */
    gaussianNoise: z.number().min(0).max(1).default(0),
    /** Fraction of pixels set to black or white (half each). */
    saltPepper: z.number().min(0).max(1).default(0),
  })
  .strict();

/**
 * A folder with one subfolder per class (class names = subfolder names, sorted by code point).
 *
 * targetSize defaults to 32x32: the CIFAR-10 convention for small colour images, cheap enough to
 * train on the cpu/wasm backends (3,072 values per RGB image), and a power of two, so stacks of
 * stride-2 convolutions and 2x2 pools halve it evenly (28 -> 14 -> 7 stops at an odd size).
 * Colour defaults to RGB because a user's own folder is usually photos; grayscale is one switch.
 * Resizing defaults to stretch, as Keras' image_dataset_from_directory does (keeps every pixel).
 */
export const ImageFolderSourceSchema = z
  .object({
    kind: z.literal("imageFolder"),
    path: z.string().min(1),
    /** [height, width] every image is resized to. */
    targetSize: z.tuple([z.number().int().min(1).max(1024), z.number().int().min(1).max(1024)]).default([32, 32]),
    color: z.enum(["grayscale", "rgb"]).default("rgb"),
    /** unit: pixel values in [0, 1]; standardize: per-channel mean/std fitted on the training images. */
    scale: z.enum(["unit", "standardize"]).default("unit"),
    /** stretch: ignore aspect ratio; cover: fill and centre-crop; contain: fit and pad with black. */
    resize: z.enum(["stretch", "cover", "contain"]).default("stretch"),
    augmentation: ImageAugmentationSchema.default(() => ImageAugmentationSchema.parse({})),
    /** Skip images that fail to decode (counted and named in a warning) instead of failing. */
    skipBadImages: z.boolean().default(true),
  })
  .strict();

export type ImageAugmentation = z.output<typeof ImageAugmentationSchema>;
export type ImageFolderSource = z.output<typeof ImageFolderSourceSchema>;
