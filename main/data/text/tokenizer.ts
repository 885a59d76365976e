import type { TokenizerSpec } from "../../../shared/datasets/sources/text";

/** Token id of padding and of the out-of-vocabulary token (Keras' Tokenizer convention). */
export const PAD_ID = 0;
export const OOV_ID = 1;
export const PAD_TOKEN = "<pad>";

// Letters, digits and underscores, with inner apostrophes kept ("don't"); punctuation is dropped,
// as Keras' Tokenizer filters it. \p{L}/\p{N} keep accented and non-Latin words whole.
const WORD = /[\p{L}\p{N}_]+(?:['\u2019][\p{L}\p{N}_]+)*/gu;

export function tokenize(text: string, spec: TokenizerSpec): string[] {
  const t = spec.lowercase ? text.toLowerCase() : text;
  if (spec.level === "char") return Array.from(t); // code points, so an emoji is one token
  return t.match(WORD) ?? [];
}

/**
 * The vocabulary (index = id) fitted on some documents: padding, OOV, the `reserved` tokens (start
 * and end for decoders), then tokens by descending count, ties by first appearance (a stable sort
 * of a Map kept in insertion order), cut at `spec.vocabSize` entries in all.
 */
export function buildVocabulary(
  docs: readonly string[][],
  spec: TokenizerSpec,
  rows?: ArrayLike<number>,
  reserved: readonly string[] = [],
): string[] {
  const counts = new Map<string, number>();
  const n = rows ? rows.length : docs.length;
  for (let r = 0; r < n; r++) {
    for (const token of docs[rows ? rows[r] : r]) counts.set(token, (counts.get(token) ?? 0) + 1);
  }
  const special = new Set([PAD_TOKEN, spec.oovToken, ...reserved]);
  const ranked = [...counts].filter(([token]) => !special.has(token)).sort((a, b) => b[1] - a[1]);
  const vocab = [PAD_TOKEN, spec.oovToken, ...reserved];
  for (const [token] of ranked) {
    if (vocab.length >= spec.vocabSize) break;
    vocab.push(token);
  }
  return vocab;
}

export interface EncodeStats {
  /** Token occurrences seen, and how many of them mapped to OOV. */
  tokens: number;
  oov: number;
  /** Sequences longer than maxLength (cut), and the longest length seen. */
  truncated: number;
  longest: number;
}

export interface SequenceLayout {
  maxLength: number;
  padding: "pre" | "post";
  truncation: "pre" | "post";
}

/**
 * Token lists -> ids [n, maxLength] (Int32Array, row-major), padded with 0 and truncated as
 * Keras' pad_sequences does; `prefix`/`suffix` ids (decoder start/end) are added after truncation
 * of the tokens, so they always survive.
 */
export function encodeSequences(
  docs: readonly string[][],
  vocab: readonly string[],
  layout: SequenceLayout,
  extra: { prefix?: number; suffix?: number } = {},
): { ids: Int32Array; stats: EncodeStats } {
  const index = new Map(vocab.map((t, i) => [t, i]));
  const { maxLength } = layout;
  const room = maxLength - (extra.prefix === undefined ? 0 : 1) - (extra.suffix === undefined ? 0 : 1);
  const ids = new Int32Array(docs.length * maxLength); // zeros = padding
  const stats: EncodeStats = { tokens: 0, oov: 0, truncated: 0, longest: 0 };
  docs.forEach((doc, r) => {
    stats.longest = Math.max(stats.longest, doc.length);
    let tokens = doc;
    if (tokens.length > room) {
      stats.truncated++;
      tokens = layout.truncation === "post" ? tokens.slice(0, room) : tokens.slice(tokens.length - room);
    }
    const seq: number[] = [];
    if (extra.prefix !== undefined) seq.push(extra.prefix);
    for (const t of tokens) {
      const id = index.get(t) ?? OOV_ID;
      if (id === OOV_ID) stats.oov++;
      seq.push(id);
    }
    stats.tokens += tokens.length;
    if (extra.suffix !== undefined) seq.push(extra.suffix);
    const start = r * maxLength + (layout.padding === "post" ? 0 : maxLength - seq.length);
    ids.set(seq, start);
  });
  return { ids, stats };
}

/** Class names in a stable order (numeric when every name is a number) and each example's id. */
export function classIds(labels: readonly string[]): { ids: Int32Array; names: string[] } {
  const distinct = [...new Set(labels)];
  const numeric = distinct.every((l) => l.trim() !== "" && Number.isFinite(Number(l)));
  const names = distinct.sort(numeric ? (a, b) => Number(a) - Number(b) : (a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const index = new Map(names.map((n, i) => [n, i]));
  return { ids: Int32Array.from(labels, (l) => index.get(l) ?? 0), names };
}
