import { z } from "zod";

export const NpySourceSchema = z.object({ kind: z.literal("npy"), path: z.string().min(1) }).strict();
export type NpySource = z.output<typeof NpySourceSchema>;
