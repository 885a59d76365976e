import { z } from "zod";
import { TokenizerSchema } from "./text";

/**
 * Sentence pairs for sequence-to-sequence tasks (translation): a delimited file with a header row,
 * one pair per row. Source and target get their own vocabularies (same tokenizer settings); the
 * target vocabulary also holds the start and end tokens (ids 2 and 3, after padding 0 and OOV 1).
 * Every sequence is padded/truncated at its end to `maxLength`:
 *   encoder input   = source ids
 *   decoder input   = startToken + target ids       (teacher forcing: the target shifted right)
 *   decoder target  = target ids + endToken
 */
export const SentencePairsSourceSchema = z
  .object({
    kind: z.literal("sentencePairs"),
    path: z.string().min(1),
    /** Default "source" when present, else the first column. */
    sourceColumn: z.string().min(1).optional(),
    /** Default "target" when present, else the second column. */
    targetColumn: z.string().min(1).optional(),
    tokenizer: TokenizerSchema.default(() => TokenizerSchema.parse({})),
    maxLength: z.number().int().min(2).max(100_000).default(30),
    startToken: z.string().min(1).default("<start>"),
    endToken: z.string().min(1).default("<end>"),
  })
  .strict()
  .refine((s) => s.startToken !== s.endToken && s.startToken !== s.tokenizer.oovToken, {
    error: "startToken, endToken and the tokenizer's oovToken must be three different strings",
  });

export type SentencePairsSource = z.output<typeof SentencePairsSourceSchema>;
export type SentencePairsSourceInput = z.input<typeof SentencePairsSourceSchema>;
