import { z } from "zod";

/**
 * A dataset carried inside a project or a request: nested number arrays, one sample per row.
 * Small teaching sets (logic gates, XOR, the notes' tables) travel this way; files on disk are
 * described by the dataset spec of the data issue.
 */
type Nested = number | Nested[];
const NestedNumbers: z.ZodType<Nested> = z.lazy(() => z.union([z.number().finite(), z.array(NestedNumbers)]));

export const InlineDatasetSchema = z
  .object({
    kind: z.literal("inline"),
    /** One entry per sample; each entry is the sample's features in the Input's shape. */
    x: z.array(NestedNumbers).min(1, { error: "x must hold at least one sample" }),
    /** Targets, one per sample: a number (class id or value) or an array (one-hot, multi-output). */
    y: z.array(NestedNumbers).min(1, { error: "y must hold at least one sample" }),
    /** Optional class names, index = class id, kept for the UI and exports. */
    classNames: z.array(z.string()).optional(),
    /** A separate validation set; when present it is used instead of a split of x and y. */
    validation: z
      .object({ x: z.array(NestedNumbers).min(1), y: z.array(NestedNumbers).min(1) })
      .strict()
      .refine((v) => v.x.length === v.y.length, {
        error: (iss) => {
          const v = iss.input as { x: unknown[]; y: unknown[] };
          return `validation x and y must have one entry per sample; received ${v.x.length} and ${v.y.length}`;
        },
      })
      .optional(),
  })
  .strict()
  .refine((d) => d.x.length === d.y.length, {
    error: (iss) => {
      const d = iss.input as { x: unknown[]; y: unknown[] };
      return `x and y must have one entry per sample; received ${d.x.length} samples in x and ${d.y.length} in y`;
    },
  });

export type InlineDataset = z.infer<typeof InlineDatasetSchema>;
