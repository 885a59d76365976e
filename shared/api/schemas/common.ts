import { z } from "zod";

/** A file or folder on the host machine, absolute; the host checks it lies in an opened folder. */
export const PathSchema = z
  .string({ error: "must be a path (a string)" })
  .min(1, { error: "must not be empty" })
  .max(4096, { error: "must be at most 4096 characters" })
  .refine((p) => !p.includes("\0"), { error: "must not contain NUL characters" });

/** A run folder name: safe as one path segment (no separators, no "..", no leading dot). */
export const RunIdSchema = z
  .string({ error: "must be a run id (a string)" })
  .regex(/^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/, {
    error: "must be 1-128 letters, digits, '.', '_' or '-', not starting with '.' or '-'",
  });

/** Requests without parameters still send an object, so fields can be added later. */
export const EmptySchema = z.object({}).strict();

/** Responses that only acknowledge. */
export const OkSchema = z.object({ ok: z.literal(true) }).strict();

/** An ISO 8601 timestamp. */
export const TimestampSchema = z.string();

/**
 * The identity of one project opened in the editor, chosen by the renderer when the project is
 * loaded. An unsaved project's runs live in the host's folder for this id (never mixed with another
 * unsaved project's), and move beside the project file when it is first saved.
 */
export const DraftIdSchema = z
  .string({ error: "must be a project draft id (a string)" })
  .regex(/^[A-Za-z0-9_-]{8,64}$/, { error: "must be 8-64 letters, digits, '_' or '-'" });
