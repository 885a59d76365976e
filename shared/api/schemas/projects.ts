import { z } from "zod";
import { GraphSchema } from "../../ir/graph";
import { LessonSchema, ProjectSchema } from "../../ir/project";
import { DraftIdSchema, PathSchema, TimestampSchema } from "./common";

/** The id of one editor session (one window or tab), chosen by the renderer; names its recovery file. */
export const SessionIdSchema = z
  .string({ error: "must be a session id (a string)" })
  .regex(/^[A-Za-z0-9_-]{8,64}$/, { error: "must be 8-64 letters, digits, '_' or '-'" });

export const TemplateIdSchema = z
  .string({ error: "must be a template id (a string)" })
  .regex(/^[a-z0-9][a-z0-9-]{0,80}$/, { error: "must be a template id such as \"xor\" (lowercase, digits, '-')" });

export const NewProjectRequestSchema = z
  .object({
    name: z.string().min(1).max(200).optional(),
    /** Start from a starter template instead of a blank canvas. */
    template: TemplateIdSchema.optional(),
  })
  .strict();

/** A project in memory: `path` null until it is saved. */
export const ProjectResultSchema = z.object({
  project: ProjectSchema,
  path: PathSchema.nullable(),
  /** Migrations applied while loading ("netforge.project v1 -> v2: ..."); empty when none. */
  migrated: z.array(z.string()),
});

export const OpenProjectRequestSchema = z.object({ path: PathSchema }).strict();

export const SaveProjectRequestSchema = z
  .object({
    path: PathSchema,
    project: ProjectSchema,
    /** false: refuse to replace an existing file (Save As onto a new name). Default true. */
    overwrite: z.boolean().optional(),
    /** The saving session; its recovery file is discarded once the save succeeded. */
    sessionId: SessionIdSchema.optional(),
    /** The project's draft id: the runs made under it before this save move beside the file. */
    draft: DraftIdSchema.optional(),
    /** Save As of a saved project: the file it was saved as until now; its runs are copied along. */
    copyRunsFrom: PathSchema.optional(),
  })
  .strict();

/** Runs that could not move or be copied (still training, or the file system refused), and why. */
export const RunLeftSchema = z.object({ runId: z.string(), reason: z.string() });

export const SaveProjectResultSchema = z.object({
  path: PathSchema,
  savedAt: TimestampSchema,
  bytes: z.number(),
  /** Runs that now lie beside the file (moved from the draft or copied from the old file), and those left behind. */
  runs: z.object({ moved: z.number().int(), copied: z.number().int(), left: z.array(RunLeftSchema) }),
});

/** Parses an uploaded or pasted project file (browser mode upload) with migration and validation. */
export const ImportProjectRequestSchema = z
  .object({
    /** The file's text as read by the browser. */
    text: z.string().max(256 * 1024 * 1024),
    fileName: z.string().max(255).optional(),
  })
  .strict();

export const RecentItemSchema = z.object({
  path: PathSchema,
  name: z.string(),
  openedAt: TimestampSchema,
  /** false when the file was moved or deleted since. */
  exists: z.boolean(),
});
export const RecentListSchema = z.object({ items: z.array(RecentItemSchema) });

export const RemoveRecentRequestSchema = z.object({ path: PathSchema }).strict();

export const AutosaveRequestSchema = z
  .object({
    sessionId: SessionIdSchema,
    /** The file the session edits (null: not saved yet). */
    path: PathSchema.nullable(),
    project: ProjectSchema,
    /** Its draft id, so a recovered project finds its runs (those made before a save) again. */
    draft: DraftIdSchema.optional(),
  })
  .strict();

export const AutosaveResultSchema = z.object({ savedAt: TimestampSchema });

export const RecoveryItemSchema = z.object({
  sessionId: SessionIdSchema,
  path: PathSchema.nullable(),
  name: z.string(),
  savedAt: TimestampSchema,
  project: ProjectSchema,
  draft: DraftIdSchema.optional(),
});

export const RecoveryRequestSchema = z
  .object({
    /** The asking session: its own recovery file is not offered back to it. */
    sessionId: SessionIdSchema.optional(),
  })
  .strict();

export const RecoveryListSchema = z.object({ items: z.array(RecoveryItemSchema) });

export const DiscardRecoveryRequestSchema = z.object({ sessionId: SessionIdSchema }).strict();

export const TemplateSummarySchema = z.object({
  id: TemplateIdSchema,
  name: z.string(),
  description: z.string(),
  category: z.string(),
  /** The graph, for the gallery's small preview. */
  graph: GraphSchema,
  nodeCount: z.number().int(),
  /** Weights in the model (trainable and not) from shape inference; null when the graph does not infer. */
  paramCount: z.number().int().nonnegative().nullable(),
  /** How the template's data is provided: inline samples or a bundled dataset kind. */
  dataKind: z.string().nullable(),
  /** The template's lesson (course unit, what it teaches, its target), when it has one. */
  lesson: LessonSchema.optional(),
});

export const TemplateListSchema = z.object({ templates: z.array(TemplateSummarySchema) });

export const TemplateGetRequestSchema = z.object({ id: TemplateIdSchema }).strict();
