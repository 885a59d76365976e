import { z } from "zod";
import { GraphSchema } from "./graph";

/**
 * A project file (*.netforge.json): the graph plus the dataset binding and training settings.
 * Runs live beside it in `<name>.runs/<runId>/`. `data` and `training` are open objects here;
 * their schemas belong to shared/datasets and shared/training and tighten them with a migration.
 */
export const PROJECT_FORMAT = "netforge.project";
/** 2: validation lives in `training.validation` only (see migrations.ts). */
export const PROJECT_VERSION = 2;

/**
 * A starter template's lesson: where it sits in the course, what it teaches, and the result its
 * defaults must reach (`npm run bench:templates` trains every template to it). Projects saved
 * from a template keep it; the gallery reads it.
 */
export const LessonSchema = z
  .object({
    /** The course unit the gallery groups it under ("Perceptrons", "Convolutional networks", ...). */
    unit: z.string().min(1).max(100),
    /** What it teaches, in a sentence or two. */
    teaches: z.string().min(1).max(2000),
    /** What to look at while it trains. */
    lookAt: z.string().max(2000).optional(),
    /** What to try next: a param to change, a way to break it on purpose. */
    tryNext: z.string().max(2000).optional(),
    /**
     * The result its defaults reach: a metric of the run (a metrics.jsonl key such as
     * "val_accuracy", or a named check such as "ring_distance") at least or at most a value.
     */
    target: z
      .object({
        metric: z.string().min(1).max(100),
        atLeast: z.number().optional(),
        atMost: z.number().optional(),
        /** How the metric is read, in words ("best epoch", "mean distance to the ring / radius"). */
        note: z.string().max(500).optional(),
      })
      .strict()
      .refine((t) => (t.atLeast === undefined) !== (t.atMost === undefined), {
        error: "lesson.target needs exactly one of atLeast and atMost",
      })
      .optional(),
    /** Expected training time with the defaults on a laptop CPU (wasm backend), in minutes. */
    minutes: z.number().positive().max(600).optional(),
  })
  .strict();

export type Lesson = z.infer<typeof LessonSchema>;

export const ProjectSchema = z
  .object({
    format: z.literal(PROJECT_FORMAT),
    version: z.literal(PROJECT_VERSION),
    name: z.string().min(1, { error: "name must not be empty" }).max(200),
    description: z.string().max(10_000).optional(),
    graph: GraphSchema,
    data: z.record(z.string(), z.unknown()).nullable().default(null),
    training: z.record(z.string(), z.unknown()).default({}),
    lesson: LessonSchema.optional(),
  })
  .strict();

export type Project = z.infer<typeof ProjectSchema>;
