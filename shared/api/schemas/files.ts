import { z } from "zod";
import { PathSchema } from "./common";

/** The server-side folder browser (browser mode). Listing is limited to the browse roots. */
export const FsListRequestSchema = z
  .object({
    /** Omitted: the first browse root. */
    path: PathSchema.optional(),
    /** Include hidden entries (names starting with "."). Default false. */
    hidden: z.boolean().optional(),
  })
  .strict();

export const FsEntrySchema = z.object({
  name: z.string(),
  path: PathSchema,
  kind: z.enum(["file", "folder"]),
  size: z.number().nullable(),
  modified: z.string().nullable(),
  /** A NetForge project file (*.netforge.json). */
  project: z.boolean(),
});

export const FsListResultSchema = z.object({
  path: PathSchema,
  /** null at a browse root: the browser cannot go above it. */
  parent: PathSchema.nullable(),
  entries: z.array(FsEntrySchema),
  /** true when this folder (or one above it) is open for reading and writing. */
  opened: z.boolean(),
  browseRoots: z.array(PathSchema),
});

/** Opens a folder for this session: NetForge may then read and write files inside it. */
export const FsOpenFolderRequestSchema = z.object({ path: PathSchema }).strict();
export const FsOpenFolderResultSchema = z.object({ path: PathSchema, openedFolders: z.array(PathSchema) });

/** Browser-mode upload of a data file into an opened folder (drag and drop). */
export const FsUploadRequestSchema = z
  .object({
    folder: PathSchema,
    name: z
      .string()
      .min(1)
      .max(255)
      .regex(/^[^/\\\0]+$/, { error: "must be a file name without '/' or '\\'" })
      .refine((n) => n !== "." && n !== "..", { error: "must be a file name, not '.' or '..'" }),
    /** The file's bytes (or this part's), base64-encoded. */
    base64: z.string().max(96 * 1024 * 1024, { error: "must be at most 64 MiB of data" }),
    overwrite: z.boolean().optional(),
    /**
     * A file larger than one message comes in parts, in order: the byte offset of this part
     * (default 0: a new upload) and whether it is the last (default true). The file appears under
     * its name only when the last part has arrived.
     */
    offset: z
      .number()
      .int()
      .min(0)
      .max(64 * 1024 * 1024)
      .optional(),
    last: z.boolean().optional(),
  })
  .strict();

export const FsUploadResultSchema = z.object({ path: PathSchema, bytes: z.number() });

/** Shows a file in the system's file manager (Electron; browser mode answers E_UNSUPPORTED). */
export const RevealRequestSchema = z.object({ path: PathSchema }).strict();
