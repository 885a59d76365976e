import { z } from "zod";

export const IdxSourceSchema = z.object({ kind: z.literal("idx"), path: z.string().min(1) }).strict();
export type IdxSource = z.output<typeof IdxSourceSchema>;
