import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type TextSourceInput, TextSourceSchema } from "../../../shared/datasets/sources/text";
import { DatasetSummarySchema } from "../../../shared/datasets/summary";
import { isDataError } from "../errors";
import { probeSource } from "../probe";
import {
  buildVocabulary,
  encodeSentencePairs,
  encodeSequences,
  encodeText,
  probeSentencePairs,
  readSentencePairs,
  readText,
  tokenize,
} from "./index";

const at = (f: string) => join(import.meta.dirname, "../__fixtures__/text", f);
const tok = TextSourceSchema.parse({ kind: "text", path: "x" }).tokenizer;

describe("tokenizer", () => {
  it("splits words (lower-cased, punctuation dropped, apostrophes kept) and characters", () => {
    expect(tokenize("Don't STOP, café-au-lait!", tok)).toEqual(["don't", "stop", "café", "au", "lait"]);
    expect(tokenize("Ab c", { ...tok, lowercase: false, level: "char" })).toEqual(["A", "b", " ", "c"]);
  });

  it("ranks by frequency, ties by first appearance, 0 = padding, 1 = OOV, capped at vocabSize", () => {
    const docs = [["b", "a"], ["c", "a", "c"], ["d"]];
    expect(buildVocabulary(docs, tok)).toEqual(["<pad>", "<oov>", "a", "c", "b", "d"]);
    expect(buildVocabulary(docs, { ...tok, vocabSize: 4 })).toEqual(["<pad>", "<oov>", "a", "c"]);
    // Fitted on rows 0 and 2 only: "c" is unseen.
    expect(buildVocabulary(docs, tok, [0, 2])).toEqual(["<pad>", "<oov>", "b", "a", "d"]);
  });

  it("pads and truncates pre or post to maxLength, counting OOV and cut sequences", () => {
    const vocab = ["<pad>", "<oov>", "a", "b", "c"];
    const docs = [["a", "b", "c", "a"], ["z"]];
    const post = encodeSequences(docs, vocab, { maxLength: 3, padding: "post", truncation: "post" });
    expect(Array.from(post.ids)).toEqual([2, 3, 4, 1, 0, 0]);
    expect(post.stats).toEqual({ tokens: 4, oov: 1, truncated: 1, longest: 4 });
    const pre = encodeSequences(docs, vocab, { maxLength: 3, padding: "pre", truncation: "pre" });
    expect(Array.from(pre.ids)).toEqual([3, 4, 2, 0, 0, 1]);
  });
});

/**
 * Valid files: rows, classes "name:count", input/output shapes, warning codes. Two samples a class
 * keep none for validation at 0.2 (each class's share rounds to 0): W_VALIDATION_EMPTY.
 */
const valid: [
  string,
  Partial<TextSourceInput>,
  { rows: number; classes: string[]; warnings: string[]; vocab?: number },
][] = [
  ["sentiment.txt", {}, { rows: 48, classes: ["neg:24", "pos:24"], warnings: [], vocab: 28 }],
  [
    "blank-lines.txt",
    {},
    {
      rows: 4,
      classes: ["neg:2", "pos:2"],
      warnings: ["W_TEXT_BLANK_LINES", "W_TEXT_UNLABELLED", "W_VALIDATION_EMPTY"],
    },
  ],
  [
    "reviews.csv",
    { format: "table" },
    { rows: 4, classes: ["neg:2", "pos:2"], warnings: ["W_TEXT_EMPTY_CELLS", "W_VALIDATION_EMPTY"] },
  ],
  ["single-class.txt", {}, { rows: 3, classes: ["pos:3"], warnings: ["E_TEXT_SINGLE_CLASS"] }],
  [
    "long-lines.txt",
    { maxLength: 5, tokenizer: { vocabSize: 6 } },
    { rows: 4, classes: ["a:2", "b:2"], warnings: ["W_TEXT_TRUNCATED", "W_TEXT_OOV", "W_VALIDATION_EMPTY"], vocab: 6 },
  ],
];

describe("text sources: valid fixtures", () => {
  it.each(valid)("%s", async (file, opts, want) => {
    const maxLength = opts.maxLength ?? 50;
    const s = await probeSource({
      source: TextSourceSchema.parse({ kind: "text", path: at(file), ...opts }),
      split: { validation: 0.2, test: 0, stratify: true, shuffle: true, seed: 1, kFold: 0 },
    });
    expect(DatasetSummarySchema.safeParse(s).success).toBe(true);
    expect(s.rows).toBe(want.rows);
    expect(s.classes.map((c) => `${c.name}:${c.count}`)).toEqual(want.classes);
    expect(s.inputShape).toEqual([maxLength]);
    expect(s.outputShape).toEqual([want.classes.length]);
    expect(s.warnings.map((w) => w.code)).toEqual(want.warnings);
    if (want.vocab) expect(s.columns[0].distinct).toBe(want.vocab);
  });

  it("names the skipped lines", async () => {
    const ex = await readText({ kind: "text", path: at("blank-lines.txt") });
    expect(ex.warnings.map((w) => w.message)).toEqual([
      "skipped 2 blank line(s): line 2, 3",
      "skipped 1 line(s) without label<TAB>text: line 5",
    ]);
    expect(ex.texts).toEqual(["I love it", "I hate it", "great fun", "boring, sad film"]);
    expect(ex.lineNumbers).toEqual([1, 4, 6, 7]);
  });

  it("reads a quoted CSV text column and encodes ids [n, maxLength] with class ids", async () => {
    const src = { kind: "text", path: at("reviews.csv"), format: "table", maxLength: 4 } as const;
    const ex = await readText(src);
    expect(ex.texts[1]).toBe('Bad; awful "acting"');
    const enc = encodeText(ex, src);
    expect(enc.shape).toEqual([4, 4]);
    expect(enc.classNames).toEqual(["neg", "pos"]);
    expect(Array.from(enc.labels)).toEqual([1, 0, 1, 0]);
    // "great" and "it" twice, then the rest once in order of first appearance.
    expect(enc.vocabulary.slice(0, 6)).toEqual(["<pad>", "<oov>", "great", "it", "really", "bad"]);
    expect(Array.from(enc.ids.subarray(0, 4))).toEqual([2, 4, 2, 0]); // great, really, great, pad
  });
});

const broken: [string, Partial<TextSourceInput>, string][] = [
  ["empty.txt", {}, "E_TEXT_EMPTY"],
  ["no-labels.txt", {}, "E_TEXT_NO_LABELS"],
  ["reviews.csv", { format: "table", textColumn: "body" }, "E_TEXT_COLUMN"],
  ["reviews.csv", { format: "table", textColumn: "label" }, "E_TEXT_COLUMN"],
  ["missing.txt", {}, "E_DATA_READ"],
];

describe("text sources: broken fixtures", () => {
  it.each(broken)("%s %j -> %s", async (file, opts, code) => {
    const err = await readText({ kind: "text", path: at(file), ...opts }).catch((e) => e);
    expect(isDataError(err, code as never), String(err)).toBe(true);
    expect(err.message).toContain(at(file));
  });
});

describe("sentence pairs", () => {
  const src = { kind: "sentencePairs", path: at("pairs.csv"), maxLength: 5 } as const;

  it("builds encoder ids and the decoder's shifted input and target with start/end tokens", async () => {
    const enc = encodeSentencePairs(await readSentencePairs(src), src);
    expect(enc.targetVocabulary.slice(0, 6)).toEqual(["<pad>", "<oov>", "<start>", "<end>", "le", "chat"]);
    const row = (a: Int32Array, r: number) =>
      Array.from(a.subarray(r * 5, r * 5 + 5)).map((i) => enc.targetVocabulary[i]);
    expect(row(enc.decoderInput, 0)).toEqual(["<start>", "le", "chat", "dort", "<pad>"]);
    expect(row(enc.decoderTarget, 0)).toEqual(["le", "chat", "dort", "<end>", "<pad>"]);
    // A long target keeps maxLength-1 tokens in both, so the end token survives.
    expect(row(enc.decoderTarget, 3)).toEqual(["une", "phrase", "vraiment", "très", "<end>"]);
    expect(row(enc.decoderInput, 3)).toEqual(["<start>", "une", "phrase", "vraiment", "très"]);
    expect(Array.from(enc.encoderInput.subarray(0, 5)).map((i) => enc.sourceVocabulary[i])).toEqual([
      "the",
      "cat",
      "sleeps",
      "<pad>",
      "<pad>",
    ]);
  });

  it("probes as a sequence task and warns about cut sentences; a missing target column is an error", async () => {
    const s = await probeSentencePairs(src);
    expect(s).toMatchObject({ rows: 4, task: "sequence", inputShape: [5], outputShape: [5] });
    expect(s.warnings.map((w) => w.code)).toEqual(["W_TEXT_TRUNCATED", "W_TEXT_TRUNCATED"]);
    const err = await readSentencePairs({ kind: "sentencePairs", path: at("pairs-no-target.csv") }).catch((e) => e);
    expect(isDataError(err, "E_TEXT_COLUMN")).toBe(true);
  });
});
