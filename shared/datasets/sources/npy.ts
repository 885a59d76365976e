import { z } from "zod";

/**
 * NumPy arrays: x (features, first axis = samples) and optionally y (targets, same first axis).
 * Each path is a .npy file, or `archive.npz:name` for one array inside a .npz archive.
 * Without y the data is unsupervised.
 */
export const NpySourceSchema = z
  .object({
    kind: z.literal("npy"),
    x: z.string().min(1),
    y: z.string().min(1).optional(),
    /** How y is read: class ids (classification) or values (regression); inferred when absent. */
    task: z.enum(["classification", "regression"]).optional(),
    /** Optional class names, index = class id. */
    classNames: z.array(z.string()).optional(),
  })
  .strict();
export type NpySource = z.output<typeof NpySourceSchema>;
