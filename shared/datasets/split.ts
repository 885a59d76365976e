import { z } from "zod";

/**
 * How samples are divided: train / validation / test fractions (the rest is train), stratified by
 * class for classification, with a seeded shuffle; kFold > 1 asks for k-fold indices (tuning).
 */
export const SplitSchema = z
  .object({
    validation: z.number().min(0).lt(1).default(0.2),
    test: z.number().min(0).lt(1).default(0),
    stratify: z.boolean().default(true),
    shuffle: z.boolean().default(true),
    seed: z.number().int().min(0).default(42),
    kFold: z.number().int().min(0).max(100).default(0),
  })
  .strict()
  .refine((s) => s.validation + s.test < 1, {
    error: (iss) => {
      const s = iss.input as { validation: number; test: number };
      return `validation + test must leave samples for training; received validation=${s.validation} and test=${s.test}`;
    },
  });

export type SplitSpec = z.output<typeof SplitSchema>;
