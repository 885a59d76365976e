import { z } from "zod";

/**
 * A pair of IDX files (the MNIST / Fashion-MNIST format, gzipped or not): images (magic 0x00000803,
 * uint8 pixels) and labels (magic 0x00000801, one uint8 class id per image). Images load channels
 * last: [n, rows, cols, 1].
 */
export const IdxSourceSchema = z
  .object({
    kind: z.literal("idx"),
    images: z.string().min(1),
    labels: z.string().min(1),
    /** "unit" divides pixels by 255 into [0, 1]; "none" keeps the raw 0..255 values. */
    scale: z.enum(["unit", "none"]).default("unit"),
    /** Optional class names, index = class id (e.g. Fashion-MNIST's "T-shirt/top", "Trouser", ...). */
    classNames: z.array(z.string()).optional(),
  })
  .strict();
export type IdxSource = z.output<typeof IdxSourceSchema>;
