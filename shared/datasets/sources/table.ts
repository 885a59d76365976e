import { z } from "zod";

export const TableSourceSchema = z.object({ kind: z.literal("table"), path: z.string().min(1) }).strict();
export type TableSource = z.output<typeof TableSourceSchema>;
