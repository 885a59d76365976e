import { z } from "zod";
import { DatasetSpecSchema } from "../../datasets/spec";
import { DatasetSummarySchema } from "../../datasets/summary";
import { PathSchema } from "./common";

export const DataProbeRequestSchema = z
  .object({
    spec: DatasetSpecSchema,
    /** Relative paths in the spec are relative to this project's folder (null: unsaved project). */
    projectPath: PathSchema.nullable().optional(),
  })
  .strict();

export const DataProbeResultSchema = z.object({ summary: DatasetSummarySchema });

/** A first dataset spec for a chosen file or folder (CSV, image folder, IDX, .npy, text...). */
export const DataSpecForPathRequestSchema = z.object({ path: PathSchema }).strict();
export const DataSpecForPathResultSchema = z.object({ spec: DatasetSpecSchema });

/** The most thumbnails one data.thumbnails call returns (a class grid's worth). */
export const MAX_THUMBNAILS = 64;

/**
 * Small previews of image files for the Data tab's class grid. `files` are relative to `folder`
 * (as a probe's preview lists them, "class/name.png"); `folder` and every file must lie in an
 * opened folder.
 */
export const DataThumbnailsRequestSchema = z
  .object({
    folder: PathSchema,
    files: z
      .array(
        z
          .string()
          .min(1)
          .max(1024)
          .refine((f) => !f.includes("\0"), { error: "must not contain NUL characters" }),
      )
      .max(MAX_THUMBNAILS, { error: `must list at most ${MAX_THUMBNAILS} files` }),
    /** The longest side in pixels; smaller images are not enlarged. */
    size: z.number().int().min(8).max(64).default(48),
  })
  .strict();

export const DataThumbnailsResultSchema = z.object({
  thumbnails: z.array(
    z.object({
      file: z.string(),
      /** A PNG data URL; null when the file could not be decoded (`error` says why). */
      url: z.string().nullable(),
      width: z.number().int(),
      height: z.number().int(),
      error: z.string().optional(),
    }),
  ),
});
