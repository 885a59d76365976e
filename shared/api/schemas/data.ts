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
 * Small previews for the Data tab's image grid, of an image folder or of an IDX images file.
 * Image folder: `folder` and `files` relative to it (as a probe's preview lists them,
 * "class/name.png"). IDX: `idx`, the images file, and the `indices` of the images in it. Every path
 * must lie in an opened folder. Each thumbnail's `file` is the file name, or the index as text.
 */
export const DataThumbnailsRequestSchema = z
  .object({
    folder: PathSchema.optional(),
    files: z
      .array(
        z
          .string()
          .min(1)
          .max(1024)
          .refine((f) => !f.includes("\0"), { error: "must not contain NUL characters" }),
      )
      .max(MAX_THUMBNAILS, { error: `must list at most ${MAX_THUMBNAILS} files` })
      .optional(),
    idx: PathSchema.optional(),
    indices: z
      .array(z.number().int().min(0))
      .max(MAX_THUMBNAILS, { error: `must list at most ${MAX_THUMBNAILS} images` })
      .optional(),
    /** The longest side in pixels; smaller images are not enlarged. */
    size: z.number().int().min(8).max(64).default(48),
  })
  .strict()
  .superRefine((r, ctx) => {
    const folder = r.folder !== undefined || r.files !== undefined;
    const idx = r.idx !== undefined || r.indices !== undefined;
    const complete = folder
      ? r.folder !== undefined && r.files !== undefined && !idx
      : idx && r.idx !== undefined && r.indices !== undefined;
    if (!complete) {
      const got = ["folder", "files", "idx", "indices"].filter((k) => r[k as keyof typeof r] !== undefined);
      ctx.addIssue({
        code: "custom",
        message: `expected folder and files (an image folder) or idx and indices (an IDX images file); received ${got.length ? got.join(", ") : "neither"}`,
      });
    }
  });

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
