import { z } from "zod";

/**
 * How text becomes token ids. Ids follow Keras' Tokenizer convention: 0 is padding, 1 the
 * out-of-vocabulary token, then tokens by descending frequency in the training texts (ties by
 * first appearance). `vocabSize` caps the whole vocabulary, padding and OOV included, so it is
 * exactly the `inputDim` an Embedding needs.
 */
export const TokenizerSchema = z
  .object({
    /** word: runs of letters/digits (punctuation dropped, apostrophes kept); char: every character. */
    level: z.enum(["word", "char"]).default("word"),
    lowercase: z.boolean().default(true),
    vocabSize: z.number().int().min(3).max(1_000_000).default(10_000),
    oovToken: z.string().min(1).default("<oov>"),
  })
  .strict();

export const SEQUENCE_SIDES = ["pre", "post"] as const;

/**
 * Labelled text for classification.
 * - format "lines": one example per line written `label<TAB>text` (the label before the first tab,
 *   as in fastText-style and tab-separated corpora; the text may hold further tabs). Blank lines
 *   and lines without a tab are skipped and counted.
 * - format "table": a delimited file with a header row (delimiter sniffed, read by the table
 *   parser); `textColumn` (default "text", else the first column) and `labelColumn` (default
 *   "label", else the last column).
 * Sequences are padded and truncated to `maxLength` tokens; "post" padding/truncation acts at the
 * end (keeps the beginning of long texts), "pre" at the start (Keras pad_sequences' default).
 */
export const TextSourceSchema = z
  .object({
    kind: z.literal("text"),
    path: z.string().min(1),
    format: z.enum(["lines", "table"]).default("lines"),
    textColumn: z.string().min(1).optional(),
    labelColumn: z.string().min(1).optional(),
    tokenizer: TokenizerSchema.default(() => TokenizerSchema.parse({})),
    maxLength: z.number().int().min(1).max(100_000).default(50),
    padding: z.enum(SEQUENCE_SIDES).default("post"),
    truncation: z.enum(SEQUENCE_SIDES).default("post"),
  })
  .strict();

export type TokenizerSpec = z.output<typeof TokenizerSchema>;
export type TextSource = z.output<typeof TextSourceSchema>;
export type TextSourceInput = z.input<typeof TextSourceSchema>;
