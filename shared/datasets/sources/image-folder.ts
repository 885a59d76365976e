import { z } from "zod";

export const ImageFolderSourceSchema = z.object({ kind: z.literal("imageFolder"), path: z.string().min(1) }).strict();
export type ImageFolderSource = z.output<typeof ImageFolderSourceSchema>;
