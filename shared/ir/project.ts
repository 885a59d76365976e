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

export const ProjectSchema = z
  .object({
    format: z.literal(PROJECT_FORMAT),
    version: z.literal(PROJECT_VERSION),
    name: z.string().min(1, { error: "name must not be empty" }).max(200),
    description: z.string().max(10_000).optional(),
    graph: GraphSchema,
    data: z.record(z.string(), z.unknown()).nullable().default(null),
    training: z.record(z.string(), z.unknown()).default({}),
  })
  .strict();

export type Project = z.infer<typeof ProjectSchema>;
